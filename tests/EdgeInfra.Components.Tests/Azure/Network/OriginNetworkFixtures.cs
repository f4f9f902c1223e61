using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Network;

namespace EdgeInfra.Components.Tests.Azure.Network;

/// <summary>Arguments for <see cref="OriginNetwork"/> tests: the smallest valid set, and a fully configured one.</summary>
internal static class OriginNetworkFixtures
{
    public const string Subject = "component 'origin' (edgeinfra:azure:OriginNetwork)";

    /// <summary>Documentation ranges (RFC 5737) standing in for an edge's egress ranges: public addresses.</summary>
    public static readonly string[] EdgeCidrs = ["203.0.113.0/24", "198.51.100.0/25"];

    public static OriginNetworkArgs Defaults() => new()
    {
        ResourceGroupName = "rg-origin",
        Location = "westeurope",
        AddressSpace = ["10.0.0.0/16"],
        Subnets = [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24" }],
        EdgeCidrs = EdgeCidrs,
    };

    public static OriginNetworkArgs Full() => new()
    {
        ResourceGroupName = "rg-origin",
        Location = "westeurope",
        VirtualNetworkName = "vnet-origin-prod",
        AddressSpace = ["10.0.0.0/16", "10.10.0.0/24"],
        Subnets =
        [
            new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24", MinimumHosts = 200 },
            new SubnetSpec { Name = "kong", AddressPrefix = "10.0.2.0/28" },
            new SubnetSpec { Name = "data", AddressPrefix = "10.10.0.0/29", MinimumHosts = 3 },
        ],
        EdgeCidrs = EdgeCidrs,
        HealthProbePort = 8443,
        AdditionalInboundRules =
        [
            new InboundRuleSpec { Name = "AllowSshFromVnet", Priority = 300, SourceAddressPrefix = "VirtualNetwork", DestinationPortRange = "22", Description = "Bastion hosts inside the network." },
            new InboundRuleSpec { Name = "AllowRdpFromOffice", Priority = 310, SourceAddressPrefix = "192.168.50.0/24", DestinationPortRange = "3389" },
            new InboundRuleSpec { Name = "DenyHighPorts", Priority = 400, Access = "Deny", Protocol = "*", SourceAddressPrefix = "*", DestinationPortRange = "1024-65535" },
        ],
        Tags = new Dictionary<string, Input<string>> { ["env"] = "prod" },
        Lock = LockSpec.CanNotDelete,
        RoleAssignments = [new RoleAssignmentSpec { Name = "ops", Role = BuiltInRole.Reader, PrincipalId = "00000000-0000-0000-0000-0000000000aa", PrincipalType = "Group" }],
        DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs" },
    };
}
