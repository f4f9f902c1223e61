namespace EdgeInfra.Components.Azure.Network;

/// <summary>
/// The arguments of <see cref="OriginNetwork"/>: the virtual network's address space, its subnets, and the edge ranges
/// (Akamai Site Shield or origin IP ACL CIDRs) that alone may reach the origin on 443.
/// </summary>
public sealed class OriginNetworkArgs : AzureComponentArgs
{
    /// <summary>
    /// The virtual network's name in Azure: 2 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit
    /// and ending with a letter, digit or '_'. Default: null, the provider names it after the logical name with a
    /// random suffix.
    /// </summary>
    public string? VirtualNetworkName { get; init; }

    /// <summary>The virtual network's address space: one or more non-overlapping IPv4 CIDRs, e.g. <c>10.0.0.0/16</c>. Required, non-empty.</summary>
    public required IReadOnlyList<string> AddressSpace { get; init; }

    /// <summary>
    /// The subnets, each /29 or larger, inside <see cref="AddressSpace"/>, not overlapping each other, with unique
    /// names. Required, non-empty. Each gets its own network security group, private endpoint network policies
    /// enabled and no default outbound access.
    /// </summary>
    public required IReadOnlyList<SubnetSpec> Subnets { get; init; }

    /// <summary>
    /// The edge's egress ranges as IPv4 CIDRs (Akamai Site Shield maps or origin IP ACL CIDRs): the only sources
    /// admitted on TCP 443. Required, non-empty, no duplicates.
    /// </summary>
    public required IReadOnlyList<string> EdgeCidrs { get; init; }

    /// <summary>The TCP port of the load balancer's health probe, admitted from the <c>AzureLoadBalancer</c> service tag. Default: 443.</summary>
    public int HealthProbePort { get; init; } = 443;

    /// <summary>
    /// Extra inbound rules for every subnet's security group. A rule that allows port 22 or 3389 (alone, in a range
    /// or as <c>*</c>) from any source but <c>VirtualNetwork</c>, <c>AzureLoadBalancer</c> or a private CIDR is a
    /// synthesis error. Default: none.
    /// </summary>
    public IReadOnlyList<InboundRuleSpec> AdditionalInboundRules { get; init; } = [];
}
