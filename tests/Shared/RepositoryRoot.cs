namespace EdgeInfra.TestSupport;

/// <summary>
/// The repository the tests run in: the folder holding <c>EdgeInfra.sln</c>, found once by walking up from the test
/// binaries, and the provider schemas beside it. Linked into every test project from <c>tests/Shared</c>.
/// </summary>
internal static class RepositoryRoot
{
    /// <summary>The repository root's full path.</summary>
    public static string FullPath { get; } = Find();

    /// <summary>The provider schemas: <c>$EDGEINFRA_SCHEMAS</c>, or <c>../shared/schemas</c> beside the repository.</summary>
    public static string Schemas =>
        Environment.GetEnvironmentVariable("EDGEINFRA_SCHEMAS") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(FullPath, "..", "shared", "schemas"));

    /// <summary>The path of <paramref name="parts"/> under the repository root, e.g. <c>Combine("components", "edgeworkers")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([FullPath, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "EdgeInfra.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No EdgeInfra.sln above {AppContext.BaseDirectory}.");
    }
}
