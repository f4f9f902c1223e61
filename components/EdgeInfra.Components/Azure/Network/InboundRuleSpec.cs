namespace EdgeInfra.Components.Azure.Network;

/// <summary>
/// An extra inbound security rule that <see cref="OriginNetwork"/> adds to every subnet's network security group, to
/// the subnet's address range. A rule that allows port 22 or 3389 from the Internet is refused.
/// </summary>
public sealed record InboundRuleSpec
{
    /// <summary>The rule's name, unique within the security group: a letter or digit, then letters, digits, '_', '.' or '-' (at most 80 characters).</summary>
    public required string Name { get; init; }

    /// <summary>The priority, from 200 to 4095 and unique: 100 to 199 belong to the component's own rules and 4096 to <c>DenyAllInbound</c>.</summary>
    public required int Priority { get; init; }

    /// <summary>The source: an IPv4 CIDR (e.g. <c>10.1.0.0/16</c>), a service tag (e.g. <c>VirtualNetwork</c>) or <c>*</c>.</summary>
    public required string SourceAddressPrefix { get; init; }

    /// <summary>The destination ports: a port (<c>8443</c>), a range (<c>8000-8100</c>) or <c>*</c>.</summary>
    public required string DestinationPortRange { get; init; }

    /// <summary>The protocol: <c>Tcp</c>, <c>Udp</c>, <c>Icmp</c>, <c>Esp</c>, <c>Ah</c> or <c>*</c>. Default: <c>Tcp</c>.</summary>
    public string Protocol { get; init; } = "Tcp";

    /// <summary>Whether the rule allows or denies: <c>Allow</c> or <c>Deny</c>. Default: <c>Allow</c>.</summary>
    public string Access { get; init; } = "Allow";

    /// <summary>A description stated on the rule. Default: none.</summary>
    public string? Description { get; init; }
}
