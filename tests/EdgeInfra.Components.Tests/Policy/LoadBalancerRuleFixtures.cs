using EdgeInfra.AzureNative.Network;
using static EdgeInfra.Components.Tests.Policy.ComputeNetworkFixtureResources;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>LoadBalancerRules</c>.</summary>
internal static class LoadBalancerRuleFixtures
{
    private const string Prefix = "/subscriptions/s/resourceGroups/rg-fixture/providers/Microsoft.Network/loadBalancers/lb";

    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-LB-001", "a Standard load balancer", true, () => Lb("Standard")),
        new("EI-LB-001", "the origin cluster's load balancer", true, () => OriginCluster()),
        new("EI-LB-001", "a Basic load balancer", false, () => Lb("Basic")),
        new("EI-LB-001", "a load balancer that leaves the SKU unset", false, () => Lb(null)),

        new("EI-LB-002", "a rule with a probe", true, () => Lb("Standard")),
        new("EI-LB-002", "the origin cluster's load balancer", true, () => OriginCluster()),
        new("EI-LB-002", "a rule without a probe", false, () => Lb("Standard", probe: false)),
    ];

    private static void Lb(string? sku, bool probe = true) =>
        _ = new LoadBalancer("lb", new LoadBalancerArgs
        {
            ResourceGroupName = GroupName,
            Location = Location,
            LoadBalancerName = "lb",
            Sku = sku is null ? null : (Input<NetworkInputs.LoadBalancerSkuArgs>)new NetworkInputs.LoadBalancerSkuArgs { Name = sku },
            FrontendIPConfigurations = [new NetworkInputs.FrontendIPConfigurationArgs { Name = "frontend", PrivateIPAllocationMethod = "Dynamic", Subnet = new NetworkInputs.SubnetArgs { Id = "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/web" } }],
            BackendAddressPools = [new NetworkInputs.BackendAddressPoolArgs { Name = "backend" }],
            Probes = [new NetworkInputs.ProbeArgs { Name = "https", Protocol = "Tcp", Port = 443 }],
            LoadBalancingRules =
            [
                new NetworkInputs.LoadBalancingRuleArgs
                {
                    Name = "https",
                    Protocol = "Tcp",
                    FrontendPort = 443,
                    BackendPort = 443,
                    FrontendIPConfiguration = new NetworkInputs.SubResourceArgs { Id = $"{Prefix}/frontendIPConfigurations/frontend" },
                    BackendAddressPool = new NetworkInputs.SubResourceArgs { Id = $"{Prefix}/backendAddressPools/backend" },
                    Probe = probe ? (Input<NetworkInputs.SubResourceArgs>)new NetworkInputs.SubResourceArgs { Id = $"{Prefix}/probes/https" } : null,
                },
            ],
        });
}
