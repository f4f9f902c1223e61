namespace EdgeInfra.Stacks.Tests;

/// <summary>Paths of the repository the tests run in, and of the provider schemas beside it.</summary>
internal static class Repository
{
    /// <summary>The repository root (<see cref="RepositoryRoot"/>).</summary>
    public static string Root => RepositoryRoot.FullPath;

    /// <summary>The provider schemas (<see cref="RepositoryRoot.Schemas"/>).</summary>
    public static string Schemas => RepositoryRoot.Schemas;

    public static string Golden(string name) => Path.Combine(Root, "tests", "EdgeInfra.Stacks.Tests", "Golden", name);
}
