using EdgeInfra.Review;

namespace EdgeInfra.Tests.Review;

/// <summary>Diffs of small programs with a hand-built package catalog, and the golden files of rendered diffs.</summary>
internal static class DiffTestKit
{
    /// <summary>
    /// Metadata as the generated bindings carry it: a virtual network's location and names force a replacement; the
    /// azure-native provider's client secret is a secret input.
    /// </summary>
    public static readonly PackageCatalog Packages = new(
        new Dictionary<string, string> { ["azure-native"] = "3.28.0", ["random"] = "4.21.1", ["akamai"] = "11.4.0" },
        [
            new ResourceMetadata("azure-native:network:VirtualNetwork", ["resourceGroupName"], ["location", "resourceGroupName", "virtualNetworkName"], [], []),
            new ResourceMetadata("azure-native:keyvault:Vault", ["properties", "resourceGroupName"], ["resourceGroupName", "vaultName"], [], []),
            new ResourceMetadata("azure-native:keyvault:Secret", ["properties", "resourceGroupName", "vaultName"], ["resourceGroupName", "secretName", "vaultName"], [], []),
            new ResourceMetadata("pulumi:providers:azure-native", [], [], ["clientCertificatePassword", "clientId", "clientSecret"], []),
        ]);

    /// <summary>The component of a logical name, as the stack graph would say: <c>app-net-*</c> is in <c>app › net</c>, <c>app-*</c> in <c>app</c>.</summary>
    public static string? ComponentOf(string name) =>
        name.StartsWith("app-net-", StringComparison.Ordinal) ? "app › net"
        : name.StartsWith("app-", StringComparison.Ordinal) ? "app"
        : null;

    public static DiffContext Context(string stack = "dev") => new()
    {
        Packages = Packages,
        ComponentOf = ComponentOf,
        StackName = stack,
    };

    public static DiffResult Diff(string before, string after, string stack = "dev") =>
        ProgramDiff.Compare(ProgramDocument.Parse(before), ProgramDocument.Parse(after), Context(stack));

    /// <summary>
    /// Compares <paramref name="actual"/> with the golden file <paramref name="name"/> in <c>Golden/</c>. With
    /// <c>EDGEINFRA_UPDATE_GOLDEN=1</c> the golden file is written first: review its diff like any other.
    /// </summary>
    public static void MatchesGolden(string name, string actual) =>
        Golden.AssertMatches(Path.Combine("tests", "EdgeInfra.Tests", "Review", "Diff", "Golden", name), actual);

}
