using EdgeInfra.AzureNative.Network;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;

namespace EdgeInfra.Components.Policy;

/// <summary>Rules on public IP addresses (<c>azure-native:network:PublicIPAddress</c>).</summary>
internal static class PublicIpAddressRules
{
    private const string Area = "Public IP addresses";

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-PIP-001", Area, PolicySeverity.Medium,
            "Public IPs use the Standard SKU",
            "A Basic public IP is open to inbound traffic unless a security group closes it, has no zones and is retired by Azure; Standard is closed by default and always static (unset means Basic).",
            ["Azure.PublicIP.StandardSKU", "https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-basic-upgrade-guidance"],
            Each<PublicIPAddress, PublicIPAddressArgs>((graph, ip) =>
                NetworkLinks.ValueIn(graph, ip.Sku, sku => sku.Name) is var sku && !sku.Is("Standard")
                    ? $"sku.name is {Show(sku)} (unset is Basic): set it to Standard"
                    : null,
                "sku.name")),
        new(
            "EI-PIP-002", Area, PolicySeverity.Low,
            "Standard public IPs that state zones are zone-redundant",
            "A zonal public IP goes down with its zone, taking the endpoint with it; zones 1, 2 and 3 keep it up through a zone outage (unset zones are left to Azure and not flagged).",
            ["Azure.PublicIP.AvailabilityZone"],
            Each<PublicIPAddress, PublicIPAddressArgs>((graph, ip) =>
            {
                if (!NetworkLinks.ValueIn(graph, ip.Sku, sku => sku.Name).Is("Standard") || ip.Zones is null || NetworkLinks.IsDeployTime(ip.Zones))
                {
                    return null;
                }

                var zones = ip.Zones.Select(zone => graph.ValueOf(zone)).ToList();
                if (zones.Any(zone => !zone.IsKnown))
                {
                    return null;
                }

                var stated = zones.Select(zone => zone.Value).ToHashSet(StringComparer.Ordinal);
                return stated.SetEquals(["1", "2", "3"])
                    ? null
                    : $"zones is [{NetworkLinks.Quoted(zones.Select(zone => zone.Value))}]: state zones 1, 2 and 3 so the address survives a zone outage";
            },
            "zones")),
    ];
}
