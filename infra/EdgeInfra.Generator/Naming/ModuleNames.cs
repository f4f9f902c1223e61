namespace EdgeInfra.Generator.Naming;

/// <summary>The C# namespace segment of a schema module: a small table of known spellings, else the module capitalized.</summary>
internal static class ModuleNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["authorization"] = "Authorization",
        ["compute"] = "Compute",
        ["keyvault"] = "KeyVault",
        ["managedidentity"] = "ManagedIdentity",
        ["monitor"] = "Monitor",
        ["network"] = "Network",
        ["operationalinsights"] = "OperationalInsights",
        ["privatedns"] = "PrivateDns",
        ["recoveryservices"] = "RecoveryServices",
        ["resources"] = "Resources",
        ["storage"] = "Storage",
    };

    /// <summary>The namespace segment of one module segment: <c>keyvault</c> → <c>KeyVault</c>, <c>cdn</c> → <c>Cdn</c>.</summary>
    public static string SegmentOf(string module) =>
        Known.TryGetValue(module, out var known) ? known : Identifiers.PascalCase(module);
}
