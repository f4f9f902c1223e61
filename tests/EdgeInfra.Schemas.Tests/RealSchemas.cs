namespace EdgeInfra.Schemas.Tests;

/// <summary>
/// The real provider schemas: <c>$EDGEINFRA_SCHEMAS</c> when set, otherwise <c>../shared/schemas</c> beside the
/// repository root (the folder holding <c>EdgeInfra.sln</c>, found by walking up from the test binaries).
/// Loaded once for all tests.
/// </summary>
internal static class RealSchemas
{
    private static readonly Lazy<SchemaSet> LoadedSet = new(() => SchemaSet.LoadDirectory(Folder));

    public static string Folder
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("EDGEINFRA_SCHEMAS");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            DirectoryInfo? directory = new(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EdgeInfra.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is null)
            {
                throw new DirectoryNotFoundException($"no folder holding EdgeInfra.sln above {AppContext.BaseDirectory}; set EDGEINFRA_SCHEMAS");
            }

            return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "schemas"));
        }
    }

    public static SchemaSet Set => LoadedSet.Value;
}
