using EdgeInfra.AzureNative.Network;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on virtual networks and their subnets (<c>azure-native:network:VirtualNetwork</c> with inline subnets, and
/// <c>azure-native:network:Subnet</c> resources).
/// </summary>
internal static class VirtualNetworkRules
{
    private const string Area = "Virtual networks";

    /// <summary>Subnets Azure reserves for a service that manages its own filtering, and which may or must go without a security group.</summary>
    private static readonly string[] SubnetsWithoutSecurityGroup = ["GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet"];

    /// <summary>Services whose delegated subnets do not take a security group.</summary>
    private static readonly string[] DelegationsWithoutSecurityGroup = ["Microsoft.HardwareSecurityModules/dedicatedHSMs", "Microsoft.Netapp/volumes"];

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-VNET-001", Area, PolicySeverity.High,
            "Every subnet has a network security group",
            "A subnet without a security group lets anything that reaches the network reach its hosts on every port; only Azure's gateway, firewall and route-server subnets (and dedicated HSM or NetApp delegations) go without.",
            ["CKV2_AZURE_31", "Azure.VNET.UseNSGs"],
            graph => NetworkLinks.Subnets(graph)
                .Where(subnet => !IsExempt(graph, subnet) && !NetworkLinks.IsStated(graph, subnet.SecurityGroup))
                .Select(subnet => new PolicyViolation(
                    subnet.Resource,
                    $"{subnet.Label} has no networkSecurityGroup: give it a security group that admits only what its hosts serve",
                    subnet.Property("networkSecurityGroup")))),
        new(
            "EI-VNET-002", Area, PolicySeverity.Medium,
            "Subnets have no default outbound access",
            "Default outbound access gives every VM an implicit, shared and changing Internet address; outbound should go through a path the stack states (a load balancer outbound rule or a NAT gateway).",
            ["Azure.VNET.PrivateSubnet"],
            graph => NetworkLinks.Subnets(graph)
                .Where(subnet => !graph.ValueOf(subnet.DefaultOutboundAccess).Is(false))
                .Select(subnet => new PolicyViolation(
                    subnet.Resource,
                    $"{subnet.Label}: defaultOutboundAccess is {Show(graph.ValueOf(subnet.DefaultOutboundAccess))} (unset keeps Azure's implicit outbound access): set it to false in the program and give outbound an explicit path",
                    subnet.Property("defaultOutboundAccess")))),
        new(
            "EI-VNET-003", Area, PolicySeverity.Low,
            "Custom DNS names at least two servers",
            "A virtual network whose custom DNS is one server loses name resolution (and with it Key Vault, monitoring and updates) whenever that server does.",
            ["Azure.VNET.SingleDNS"],
            Each<VirtualNetwork, VirtualNetworkArgs>((graph, network) =>
                Plain(network.DhcpOptions)?.DnsServers is { } servers && !NetworkLinks.IsDeployTime(servers) && servers.Count() == 1
                    ? $"dhcpOptions.dnsServers names one server ({Show(graph.ValueOf(servers.First()))}): name at least two, or leave it unset for Azure's DNS"
                    : null,
                "dhcpOptions.dnsServers")),
    ];

    private static bool IsExempt(StackGraph graph, SubnetView subnet) =>
        (subnet.Name.IsKnown && SubnetsWithoutSecurityGroup.Contains(subnet.Name.Value, StringComparer.OrdinalIgnoreCase))
        || Items(subnet.Delegations).Any(delegation =>
            graph.ValueOf(delegation.ServiceName) is { IsKnown: true } service && DelegationsWithoutSecurityGroup.Contains(service.Value, StringComparer.OrdinalIgnoreCase));
}
