using EdgeInfra.AzureNative.Network;
using static EdgeInfra.Components.Tests.Policy.ComputeNetworkFixtureResources;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>PublicIpAddressRules</c>.</summary>
internal static class PublicIpAddressRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-PIP-001", "a Standard public IP", true, () => Pip("Standard")),
        new("EI-PIP-001", "the origin cluster's public IP", true, () => OriginCluster()),
        new("EI-PIP-001", "a Basic public IP", false, () => Pip("Basic", allocation: "Dynamic")),
        new("EI-PIP-001", "a public IP that leaves the SKU unset", false, () => Pip(null)),

        new("EI-PIP-002", "a zone-redundant Standard public IP", true, () => Pip("Standard", ["1", "2", "3"])),
        new("EI-PIP-002", "a Standard public IP that leaves zones to Azure", true, () => Pip("Standard")),
        new("EI-PIP-002", "a three-zone origin cluster", true, () => OriginCluster()),
        new("EI-PIP-002", "a zonal Standard public IP", false, () => Pip("Standard", ["1"])),
        new("EI-PIP-002", "a single-zone origin cluster (suppressed in the component)", false, () => OriginCluster(zones: ["1"])),
    ];

    private static void Pip(string? sku, string[]? zones = null, string allocation = "Static") =>
        _ = new PublicIPAddress("pip", new PublicIPAddressArgs
        {
            ResourceGroupName = GroupName,
            Location = Location,
            Sku = sku is null ? null : (Input<NetworkInputs.PublicIPAddressSkuArgs>)new NetworkInputs.PublicIPAddressSkuArgs { Name = sku },
            PublicIPAllocationMethod = allocation,
            Zones = zones is null ? null : (InputList<string>)zones,
        });
}
