namespace EdgeInfra.TestSupport;

/// <summary>
/// Golden files, in the source tree (not the build output) so that a changed golden shows in the pull request. Run the
/// tests with <c>EDGEINFRA_UPDATE_GOLDEN=1</c> to write the new output instead of failing, then review the diff.
/// Linked into every test project from <c>tests/Shared</c>.
/// </summary>
internal static class Golden
{
    /// <summary>The environment variable that turns comparisons into updates.</summary>
    public const string UpdateVariable = "EDGEINFRA_UPDATE_GOLDEN";

    /// <summary>
    /// Compares <paramref name="actual"/> with the golden file at <paramref name="path"/> (relative to the repository
    /// root, or absolute), line endings normalized; with <see cref="UpdateVariable"/>=1 the file is written first.
    /// </summary>
    public static void AssertMatches(string path, string actual)
    {
        var full = System.IO.Path.Combine(RepositoryRoot.FullPath, path);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, actual);
        }

        Assert.True(File.Exists(full), $"No golden file {full}: run the tests with {UpdateVariable}=1 to write it, then review it.");
        Assert.Equal(File.ReadAllText(full).ReplaceLineEndings("\n"), actual);
    }
}
