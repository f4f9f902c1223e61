using EdgeInfra.AzureNative.Network;
using static EdgeInfra.Components.Tests.Policy.ComputeNetworkFixtureResources;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>VirtualNetworkRules</c>.</summary>
internal static class VirtualNetworkRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-VNET-001", "the origin network", true, () => OriginNetwork()),
        new("EI-VNET-001", "a gateway subnet without a security group", true, () => Vnet("vnet", SubnetArgs("GatewaySubnet", 0), SubnetArgs("web", 1, Nsg()))),
        new("EI-VNET-001", "a subnet delegated to NetApp without a security group", true, () =>
        {
            var subnet = SubnetArgs("netapp", 2);
            subnet.Delegations = [new NetworkInputs.DelegationArgs { Name = "netapp", ServiceName = "Microsoft.Netapp/volumes" }];
            _ = Vnet("vnet", subnet);
        }),
        new("EI-VNET-001", "an inline subnet without a security group", false, () => Vnet("vnet", SubnetArgs("web", 1))),
        new("EI-VNET-001", "a subnet resource without a security group", false, () =>
            _ = new Subnet("web", new SubnetArgs { ResourceGroupName = GroupName, VirtualNetworkName = Vnet().Name, AddressPrefix = "10.0.1.0/24", DefaultOutboundAccess = false })),

        new("EI-VNET-002", "the origin network", true, () => OriginNetwork()),
        new("EI-VNET-002", "a subnet without default outbound access", true, () => Vnet("vnet", SubnetArgs("web", 1, Nsg()))),
        new("EI-VNET-002", "a subnet that leaves default outbound access unset", false, () => Vnet("vnet", SubnetArgs("web", 1, Nsg(), defaultOutboundAccess: null))),
        new("EI-VNET-002", "a subnet resource with default outbound access", false, () =>
            _ = new Subnet("web", new SubnetArgs { ResourceGroupName = GroupName, VirtualNetworkName = Vnet().Name, AddressPrefix = "10.0.1.0/24", DefaultOutboundAccess = true })),

        new("EI-VNET-003", "a network with Azure's DNS", true, () => Vnet()),
        new("EI-VNET-003", "a network with two DNS servers", true, () => Dns("10.0.0.4", "10.0.0.5")),
        new("EI-VNET-003", "a network with one DNS server", false, () => Dns("10.0.0.4")),
    ];

    private static void Dns(params string[] servers) =>
        _ = new VirtualNetwork("vnet", new VirtualNetworkArgs
        {
            ResourceGroupName = GroupName,
            Location = Location,
            AddressSpace = new NetworkInputs.AddressSpaceArgs { AddressPrefixes = ["10.0.0.0/16"] },
            DhcpOptions = new NetworkInputs.DhcpOptionsArgs { DnsServers = servers },
        });
}
