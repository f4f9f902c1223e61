using EdgeInfra.AzureNative.Network;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;

namespace EdgeInfra.Components.Policy;

/// <summary>Rules on load balancers (<c>azure-native:network:LoadBalancer</c>).</summary>
internal static class LoadBalancerRules
{
    private const string Area = "Load balancers";

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-LB-001", Area, PolicySeverity.Medium,
            "Load balancers use the Standard SKU",
            "A Basic load balancer is open by default, has no zones, no SLA and is retired by Azure; Standard is closed unless a security group admits traffic (unset means Basic).",
            ["Azure.LB.StandardSKU", "https://learn.microsoft.com/azure/load-balancer/load-balancer-basic-upgrade-guidance"],
            Each<LoadBalancer, LoadBalancerArgs>((graph, balancer) =>
                NetworkLinks.ValueIn(graph, balancer.Sku, sku => sku.Name) is var sku && !sku.Is("Standard")
                    ? $"sku.name is {Show(sku)} (unset is Basic): set it to Standard"
                    : null,
                "sku.name")),
        new(
            "EI-LB-002", Area, PolicySeverity.Medium,
            "Every load-balancing rule has a health probe",
            "Without a health probe a load-balancing rule keeps sending new connections to a VM that is down; each rule names a probe of its load balancer.",
            ["https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview"],
            Each<LoadBalancer, LoadBalancerArgs>(MissingProbes)),
    ];

    private static IEnumerable<string> MissingProbes(StackGraph graph, LoadBalancerArgs balancer)
    {
        var index = 0;
        foreach (var item in balancer.LoadBalancingRules ?? [])
        {
            if (item is not null && item.TryGetValue(out var rule) && (rule.Probe is null || (Plain(rule.Probe) is { } probe && graph.ValueOf(probe.Id).IsUnset)))
            {
                var name = graph.ValueOf(rule.Name);
                yield return $"loadBalancingRules[{index}]{(name.IsKnown ? $" ('{name.Value}')" : string.Empty)} has no probe: add a probe to probes and name it in the rule's probe.id";
            }

            index++;
        }
    }
}
