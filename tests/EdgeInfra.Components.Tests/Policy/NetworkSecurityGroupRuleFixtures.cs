using EdgeInfra.AzureNative.Network;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Components.Tests.Azure.Network;
using static EdgeInfra.Components.Tests.Policy.ComputeNetworkFixtureResources;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>
/// Fixtures of <c>NetworkSecurityGroupRules</c>. The origin networks (the smallest one, which admits 443 from the edge's
/// ranges, and the full one, which also admits 22 from VirtualNetwork and 3389 from a private range) pass every rule.
/// </summary>
internal static class NetworkSecurityGroupRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-NSG-001", "the origin network (443 from the edge's ranges)", true, () => OriginNetwork()),
        new("EI-NSG-001", "the full origin network (22 and 3389 from private sources)", true, () => FullOriginNetwork()),
        new("EI-NSG-001", "SSH denied from everywhere, allowed from the network", true, () => Nsg("nsg", Rule("DenySsh", 100, "Deny", "Inbound", "Tcp", "*", "22"), Allow("SshFromVnet", 110, "VirtualNetwork", "22"))),
        new("EI-NSG-001", "SSH allowed from everywhere", false, () => Nsg("nsg", Allow("Ssh", 100, "*", "22"))),
        new("EI-NSG-001", "a port range around RDP allowed from a public range", false, () => Nsg("nsg", Allow("Range", 100, "8.8.8.0/24", "3000-4000"))),
        new("EI-NSG-001", "a rule resource allowing RDP from the Internet", false, () =>
            _ = new SecurityRule("rdp", new SecurityRuleArgs
            {
                ResourceGroupName = GroupName,
                NetworkSecurityGroupName = Nsg().Name,
                Priority = 100,
                Access = "Allow",
                Direction = "Inbound",
                Protocol = "Tcp",
                SourceAddressPrefix = "Internet",
                SourcePortRange = "*",
                DestinationAddressPrefix = "*",
                DestinationPortRange = "3389",
            })),
        new("EI-NSG-001", "SSH allowed from a source known only at deployment", false, () =>
        {
            var group = new ResourceGroup("rg", new ResourceGroupArgs { Location = Location });
            _ = Nsg("nsg", new NetworkInputs.SecurityRuleArgs { Name = "FromReference", Priority = 100, Access = "Allow", Direction = "Inbound", Protocol = "Tcp", SourceAddressPrefix = group.Name, DestinationPortRange = "22" });
        }),

        new("EI-NSG-002", "the origin network", true, () => OriginNetwork()),
        new("EI-NSG-002", "a deny-all from every source", true, () => Nsg("nsg", Rule("DenyAll", 4096, "Deny", "Inbound", "*", "*", "*"))),
        new("EI-NSG-002", "HTTPS allowed from '*'", false, () => Nsg("nsg", Allow("Https", 100, "*", "443"))),
        new("EI-NSG-002", "HTTPS allowed from 0.0.0.0/0 in a list", false, () => Nsg("nsg", new NetworkInputs.SecurityRuleArgs
        {
            Name = "Https",
            Priority = 100,
            Access = "Allow",
            Direction = "Inbound",
            Protocol = "Tcp",
            SourceAddressPrefixes = ["203.0.113.0/24", "0.0.0.0/0"],
            DestinationPortRange = "443",
        })),

        new("EI-NSG-003", "the origin network", true, () => OriginNetwork()),
        new("EI-NSG-003", "DNS over UDP from the network", true, () => Nsg("nsg", Allow("Dns", 100, "VirtualNetwork", "53", "Udp"))),
        new("EI-NSG-003", "UDP 500 from the Internet", false, () => Nsg("nsg", Allow("Ike", 100, "Internet", "500", "Udp"))),

        new("EI-NSG-004", "the origin network", true, () => OriginNetwork()),
        new("EI-NSG-004", "SQL Server from a private range", true, () => Nsg("nsg", Allow("Sql", 100, "10.0.0.0/8", "1433"))),
        new("EI-NSG-004", "MySQL from everywhere", false, () => Nsg("nsg", Allow("MySql", 100, "*", "3306"))),
        new("EI-NSG-004", "low ports from Any", false, () => Nsg("nsg", Allow("Low", 100, "Any", "1-1024", "*"))),

        new("EI-NSG-005", "the origin network", true, () => OriginNetwork()),
        new("EI-NSG-005", "HTTP from the edge's ranges", true, () => Nsg("nsg", Allow("Http", 100, "203.0.113.0/24", "80"))),
        new("EI-NSG-005", "HTTP from the Internet", false, () => Nsg("nsg", Allow("Http", 100, "Internet", "80"))),

        new("EI-NSG-006", "the origin network (deny-all last)", true, () => OriginNetwork()),
        new("EI-NSG-006", "a deny of one source first", true, () => Nsg("nsg", Rule("DenyOne", 100, "Deny", "Inbound", "*", "198.51.100.7", "*"), Allow("Https", 110, "203.0.113.0/24", "443"))),
        new("EI-NSG-006", "a deny-all before the allows", false, () => Nsg("nsg", Rule("DenyAll", 100, "Deny", "Inbound", "*", "*", "*"), Allow("Https", 110, "203.0.113.0/24", "443"))),
        new("EI-NSG-006", "a deny-all rule resource before the inline allows", false, () =>
        {
            var nsg = Nsg("nsg", Allow("Https", 200, "203.0.113.0/24", "443"));
            _ = new SecurityRule("deny-all", new SecurityRuleArgs
            {
                ResourceGroupName = GroupName,
                NetworkSecurityGroupName = nsg.Name,
                Priority = 100,
                Access = "Deny",
                Direction = "Inbound",
                Protocol = "*",
                SourceAddressPrefix = "*",
                SourcePortRange = "*",
                DestinationAddressPrefix = "*",
                DestinationPortRange = "*",
            });
        }),

        new("EI-NSG-007", "the origin network (each group on its subnet)", true, () => OriginNetwork()),
        new("EI-NSG-007", "a group on a network interface", true, () =>
        {
            var nsg = Nsg();
            _ = Nic(configure: args => args.NetworkSecurityGroup = new NetworkInputs.NetworkSecurityGroupArgs { Id = nsg.Id });
        }),
        new("EI-NSG-007", "a group nothing uses", false, () => Nsg()),
        new("EI-NSG-007", "a second group beside the one a subnet uses", false, () =>
        {
            _ = Vnet("vnet", SubnetArgs("web", 1, Nsg("nsg-web")));
            _ = Nsg("nsg-spare");
        }),
    ];

    private static void FullOriginNetwork() => _ = new OriginNetwork("net", OriginNetworkFixtures.Full());
}
