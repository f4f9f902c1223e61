namespace EdgeInfra.Stacks;

/// <summary>One entry of the <c>regions</c> config: an origin region (see <c>OriginRegionSpec</c> for each field's rule).</summary>
public sealed record RegionConfig
{
    /// <summary>The region's short name, e.g. <c>weu</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The Azure region, e.g. <c>westeurope</c>.</summary>
    public string? Location { get; init; }

    /// <summary>The virtual network's address space, one IPv4 CIDR.</summary>
    public string? AddressSpace { get; init; }

    /// <summary>The origin subnet, inside the address space.</summary>
    public string? OriginSubnet { get; init; }

    /// <summary>The number of origin VMs; null means the component's default.</summary>
    public int? VmCount { get; init; }

    /// <summary>The availability zones; null means all three.</summary>
    public IReadOnlyList<string>? Zones { get; init; }

    /// <summary>The VM size; null means the component's default.</summary>
    public string? VmSize { get; init; }

    /// <summary>The load balancer's DNS label.</summary>
    public string? DomainNameLabel { get; init; }

    /// <summary>The Recovery Services vault's name.</summary>
    public string? BackupVaultName { get; init; }

    /// <summary>Countries the edge routes to this region.</summary>
    public IReadOnlyList<string>? Countries { get; init; }
}
