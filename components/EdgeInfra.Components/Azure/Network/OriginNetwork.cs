using EdgeInfra.AzureNative.Network;
using EdgeInfra.Components.Azure.Monitoring;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Azure.Network;

/// <summary>
/// The network of an origin that only the edge may reach: a virtual network (<c>vnet</c>) whose subnets are stated
/// inline (so the virtual network and its subnets never fight over ownership), and one network security group per
/// subnet (<c>nsg-{subnet}</c>) that admits inbound only TCP 443 from <see cref="OriginNetworkArgs.EdgeCidrs"/>, the
/// Azure load balancer's health probe, and the caller's <see cref="OriginNetworkArgs.AdditionalInboundRules"/>, then
/// denies everything else (<c>DenyAllInbound</c> at 4096). Outbound is left to Azure's defaults, except that subnets
/// have no default outbound access. Nothing is ever reachable on 22 or 3389 from the Internet.
/// With a <see cref="LockKind.CanNotDelete"/> lock, <c>vnet-lock</c> is the Azure lock on the virtual network (its
/// subnets inherit it; the security groups are not locked, since Azure refuses to delete one a subnet uses; see
/// <see cref="ManagementLocks"/>).
/// </summary>
public sealed class OriginNetwork : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:azure:OriginNetwork";

    /// <summary>The name of the rule admitting TCP 443 from the edge CIDRs.</summary>
    public const string EdgeHttpsRuleName = "AllowEdgeHttpsInbound";

    /// <summary>The priority of <see cref="EdgeHttpsRuleName"/>.</summary>
    public const int EdgeHttpsPriority = 100;

    /// <summary>The name of the rule admitting the Azure load balancer's health probe.</summary>
    public const string HealthProbeRuleName = "AllowAzureLoadBalancerProbeInbound";

    /// <summary>The priority of <see cref="HealthProbeRuleName"/>.</summary>
    public const int HealthProbePriority = 110;

    /// <summary>The name of the final rule denying all other inbound traffic.</summary>
    public const string DenyAllInboundRuleName = "DenyAllInbound";

    /// <summary>The priority of <see cref="DenyAllInboundRuleName"/>: the last one a custom rule can have.</summary>
    public const int DenyAllInboundPriority = 4096;

    /// <summary>The lowest priority an additional rule may have.</summary>
    public const int FirstAdditionalRulePriority = 200;

    /// <summary>The highest priority an additional rule may have.</summary>
    public const int LastAdditionalRulePriority = 4095;

    private const string HttpsPort = "443";

    private readonly Dictionary<string, Output<string>> _subnetIds;
    private readonly IReadOnlyList<SubnetSpec> _subnetSpecs;

    /// <summary>Creates the origin network <paramref name="name"/>; <paramref name="args"/> are checked first, and every problem is reported at once.</summary>
    /// <exception cref="SynthesisException">The arguments are invalid; nothing was created.</exception>
    public OriginNetwork(string name, OriginNetworkArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        AddressPlan = OriginNetworkValidation.Validate(name, args);
        var edgeCidrs = args.EdgeCidrs.Select(c => Ipv4Cidr.Parse(c).ToString()).ToList();

        var securityGroups = new Dictionary<string, NetworkSecurityGroup>(StringComparer.Ordinal);
        foreach (var subnet in args.Subnets)
        {
            securityGroups[subnet.Name] = new NetworkSecurityGroup($"nsg-{subnet.Name}", new NetworkSecurityGroupArgs
            {
                ResourceGroupName = args.ResourceGroupName,
                Location = args.Location,
                SecurityRules = InboundRules(AddressPlan.Subnets[subnet.Name], edgeCidrs, args),
                Tags = args.TagsWithDefaults(),
            }, args.LockedOptions(this));
        }

        var subnets = new NetworkInputs.SubnetArgs[args.Subnets.Count];
        for (var i = 0; i < args.Subnets.Count; i++)
        {
            var subnet = args.Subnets[i];
            subnets[i] = new NetworkInputs.SubnetArgs
            {
                Name = subnet.Name,
                AddressPrefix = AddressPlan.Subnets[subnet.Name].ToString(),
                NetworkSecurityGroup = new NetworkInputs.NetworkSecurityGroupArgs { Id = securityGroups[subnet.Name].Id },
                PrivateEndpointNetworkPolicies = VirtualNetworkPrivateEndpointNetworkPolicies.Enabled,
                PrivateLinkServiceNetworkPolicies = VirtualNetworkPrivateLinkServiceNetworkPolicies.Enabled,
                DefaultOutboundAccess = false,
                ServiceEndpoints = subnet.ServiceEndpoints.Count == 0
                    ? null
                    : [.. subnet.ServiceEndpoints.Select(service => new NetworkInputs.ServiceEndpointPropertiesFormatArgs { Service = service })],
            };
        }

        var networkArgs = new VirtualNetworkArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            AddressSpace = new NetworkInputs.AddressSpaceArgs { AddressPrefixes = AddressPlan.AddressSpace.Select(c => c.ToString()).ToArray() },
            Subnets = subnets,
            Tags = args.TagsWithDefaults(),
        };
        if (args.VirtualNetworkName is { } virtualNetworkName)
        {
            networkArgs.VirtualNetworkName = virtualNetworkName;
        }

        var network = new VirtualNetwork("vnet", networkArgs, args.LockedOptions(this));
        ManagementLocks.Create(this, "vnet", network.Id, args.Lock);

        RoleAssignments.GrantAll(this, "vnet-role", network.Id, args.RoleAssignments);
        if (args.DiagnosticSettings is { } diagnostics)
        {
            DiagnosticSettings.Create(this, "vnet", network.Id, DiagnosticCategories.VirtualNetworks, diagnostics);
            foreach (var (subnetName, securityGroup) in securityGroups)
            {
                DiagnosticSettings.Create(this, $"nsg-{subnetName}", securityGroup.Id, DiagnosticCategories.NetworkSecurityGroups, diagnostics);
            }
        }

        VirtualNetworkId = network.Id;
        VirtualNetworkName = network.Name;
        _subnetIds = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Subnets.Count; i++)
        {
            _subnetIds[args.Subnets[i].Name] = network.Subnets[i].Id;
        }

        SubnetIds = _subnetIds;
        _subnetSpecs = args.Subnets;
        NetworkSecurityGroupIds = securityGroups.ToDictionary(g => g.Key, g => g.Value.Id, StringComparer.Ordinal);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["virtualNetworkId"] = VirtualNetworkId,
            ["virtualNetworkName"] = VirtualNetworkName,
            ["subnetIds"] = SubnetIds,
            ["networkSecurityGroupIds"] = NetworkSecurityGroupIds,
        });
    }

    /// <summary>The names of the rules the component states itself on every security group.</summary>
    public static IReadOnlyList<string> OwnRuleNames { get; } = [EdgeHttpsRuleName, HealthProbeRuleName, DenyAllInboundRuleName];

    /// <summary>The checked address plan: the address space and each subnet's range.</summary>
    public AddressPlan AddressPlan { get; }

    /// <summary>The virtual network's resource id.</summary>
    public Output<string> VirtualNetworkId { get; }

    /// <summary>The virtual network's name in Azure.</summary>
    public Output<string> VirtualNetworkName { get; }

    /// <summary>Each subnet's resource id (<c>${vnet.subnets[i].id}</c>), by subnet name.</summary>
    public IReadOnlyDictionary<string, Output<string>> SubnetIds { get; }

    /// <summary>Each subnet's network security group's resource id, by subnet name.</summary>
    public IReadOnlyDictionary<string, Output<string>> NetworkSecurityGroupIds { get; }

    /// <summary>The resource id of the subnet <paramref name="subnetName"/>.</summary>
    /// <exception cref="ArgumentException">The network has no such subnet; the message lists those it has.</exception>
    public Output<string> SubnetId(string subnetName) =>
        subnetName is not null && _subnetIds.TryGetValue(subnetName, out var id)
            ? id
            : throw new ArgumentException($"'{subnetName}' is not a subnet of this network: {string.Join(", ", _subnetIds.Keys)}.", nameof(subnetName));

    /// <summary>
    /// The subnet <paramref name="subnetName"/> as a <see cref="SubnetReference"/> that carries its service endpoints,
    /// for the network rules of a Key Vault or storage account (see <see cref="SecretsVaultArgs.AllowedSubnets"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The network has no such subnet; the message lists those it has.</exception>
    public SubnetReference Subnet(string subnetName)
    {
        var id = SubnetId(subnetName);
        var spec = _subnetSpecs.Single(subnet => string.Equals(subnet.Name, subnetName, StringComparison.Ordinal));
        return new SubnetReference(id, spec.ServiceEndpoints, $"subnet '{subnetName}' of network '{LogicalName}'");
    }

    private static InputList<NetworkInputs.SecurityRuleArgs> InboundRules(Ipv4Cidr subnet, IReadOnlyList<string> edgeCidrs, OriginNetworkArgs args)
    {
        var rules = new InputList<NetworkInputs.SecurityRuleArgs>
        {
            new NetworkInputs.SecurityRuleArgs
            {
                Name = EdgeHttpsRuleName,
                Description = "HTTPS from the edge's egress ranges only.",
                Priority = EdgeHttpsPriority,
                Direction = SecurityRuleDirection.Inbound,
                Access = SecurityRuleAccess.Allow,
                Protocol = SecurityRuleProtocol.Tcp,
                SourceAddressPrefixes = edgeCidrs.ToArray(),
                SourcePortRange = "*",
                DestinationAddressPrefix = subnet.ToString(),
                DestinationPortRange = HttpsPort,
            },
            new NetworkInputs.SecurityRuleArgs
            {
                Name = HealthProbeRuleName,
                Description = "The Azure load balancer's health probe.",
                Priority = HealthProbePriority,
                Direction = SecurityRuleDirection.Inbound,
                Access = SecurityRuleAccess.Allow,
                Protocol = SecurityRuleProtocol.Tcp,
                SourceAddressPrefix = "AzureLoadBalancer",
                SourcePortRange = "*",
                DestinationAddressPrefix = subnet.ToString(),
                DestinationPortRange = args.HealthProbePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        foreach (var rule in args.AdditionalInboundRules)
        {
            var additional = new NetworkInputs.SecurityRuleArgs
            {
                Name = rule.Name,
                Priority = rule.Priority,
                Direction = SecurityRuleDirection.Inbound,
                Access = rule.Access,
                Protocol = rule.Protocol,
                SourceAddressPrefix = rule.SourceAddressPrefix,
                SourcePortRange = "*",
                DestinationAddressPrefix = subnet.ToString(),
                DestinationPortRange = rule.DestinationPortRange,
            };
            if (rule.Description is { } description)
            {
                additional.Description = description;
            }

            rules.Add(additional);
        }

        rules.Add(new NetworkInputs.SecurityRuleArgs
        {
            Name = DenyAllInboundRuleName,
            Description = "Everything not admitted above.",
            Priority = DenyAllInboundPriority,
            Direction = SecurityRuleDirection.Inbound,
            Access = SecurityRuleAccess.Deny,
            Protocol = SecurityRuleProtocol.Asterisk,
            SourceAddressPrefix = "*",
            SourcePortRange = "*",
            DestinationAddressPrefix = "*",
            DestinationPortRange = "*",
        });
        return rules;
    }

}
