namespace EdgeInfra.Generator.Tests.Support;

/// <summary>Paths of the repository the tests run in, and of the provider schemas beside it.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>EdgeInfra.sln</c>, found by walking up from the test binaries.</summary>
    public static string Root => RepositoryRoot.FullPath;

    /// <summary>The provider schemas (<see cref="RepositoryRoot.Schemas"/>).</summary>
    public static string Schemas => RepositoryRoot.Schemas;

    /// <summary>The folder the committed bindings are generated into.</summary>
    public static string GeneratedBindings => Path.Combine(Root, "infra", "EdgeInfra.Providers", "Generated");

    /// <summary>The schema files the committed bindings are generated from, in the order the regeneration command names them.</summary>
    public static IReadOnlyList<string> SchemaFiles =>
        [.. new[] { "azure-native", "akamai", "random", "tls", "azuread" }.Select(name => Path.Combine(Schemas, name + ".schema.json"))];

    /// <summary>The command that regenerates the committed bindings, run from the repository root.</summary>
    public const string RegenerateCommand =
        "dotnet run --project infra/EdgeInfra.Generator -- generate --schema ../shared/schemas/azure-native.schema.json "
        + "--schema ../shared/schemas/akamai.schema.json --schema ../shared/schemas/random.schema.json "
        + "--schema ../shared/schemas/tls.schema.json --schema ../shared/schemas/azuread.schema.json --out infra/EdgeInfra.Providers/Generated";
}
