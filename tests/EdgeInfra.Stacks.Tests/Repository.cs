namespace EdgeInfra.Stacks.Tests;

/// <summary>Paths of the repository the tests run in, and of the provider schemas beside it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The provider schemas: <c>$EDGEINFRA_SCHEMAS</c>, or <c>../shared/schemas</c> beside the repository.</summary>
    public static string Schemas =>
        Environment.GetEnvironmentVariable("EDGEINFRA_SCHEMAS") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas"));

    public static string Golden(string name) => Path.Combine(Root, "tests", "EdgeInfra.Stacks.Tests", "Golden", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgeInfra.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No EdgeInfra.sln above {AppContext.BaseDirectory}.");
    }
}
