namespace EdgeInfra.Schemas.Tests;

/// <summary>
/// The real provider schemas: <c>$EDGEINFRA_SCHEMAS</c> when set, otherwise <c>../shared/schemas</c> beside the
/// repository root (the folder holding <c>EdgeInfra.sln</c>, found by walking up from the test binaries).
/// Loaded once for all tests.
/// </summary>
internal static class RealSchemas
{
    private static readonly Lazy<SchemaSet> LoadedSet = new(() => SchemaSet.LoadDirectory(Folder));

    public static string Folder => RepositoryRoot.Schemas;

    public static SchemaSet Set => LoadedSet.Value;
}
