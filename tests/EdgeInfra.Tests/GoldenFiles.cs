namespace EdgeInfra.Tests;

/// <summary>
/// Golden files of this test project, in the source tree (not the build output), so a changed golden shows in the
/// pull request. Run the tests with <c>EDGEINFRA_UPDATE_GOLDEN=1</c> to accept new output, then review the diff.
/// </summary>
internal static class GoldenFiles
{
    private static readonly string ProjectDirectory = FindProjectDirectory();

    public static void AssertMatches(string relativePath, string actual)
    {
        var path = Path.Combine(ProjectDirectory, relativePath);
        if (Environment.GetEnvironmentVariable("EDGEINFRA_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No golden file {path}: run the tests with EDGEINFRA_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string FindProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "EdgeInfra.Tests");
            if (File.Exists(Path.Combine(directory.FullName, "EdgeInfra.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No EdgeInfra.sln above {AppContext.BaseDirectory}.");
    }
}
