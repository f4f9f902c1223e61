using EdgeInfra.Components.Azure.Compute;

namespace EdgeInfra.Components.Application;

/// <summary>
/// One origin region of an <see cref="EdgeFrontedApplication"/>: its virtual network, its VM cluster behind a load
/// balancer, and its Recovery Services vault (Azure Backup protects a VM only from a vault in the VM's region).
/// </summary>
public sealed record OriginRegionSpec
{
    /// <summary>
    /// The region's short name, unique in the application: 1 to 12 lowercase letters and digits, starting with a
    /// letter (e.g. <c>weu</c>). It names the region's components (<c>{name}-net</c>, <c>{name}-origin</c>,
    /// <c>{name}-backup</c>), the edge-gateway origin group and the property's conditional origin <c>origin_{name}</c>. Required.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>The Azure region, e.g. <c>westeurope</c>. Required.</summary>
    public required string Location { get; init; }

    /// <summary>The virtual network's address space, one IPv4 CIDR (e.g. <c>10.20.0.0/16</c>); regions must not overlap, so that they can be peered. Required.</summary>
    public required string AddressSpace { get; init; }

    /// <summary>The origin subnet, an IPv4 CIDR inside <see cref="AddressSpace"/>, /29 or larger (e.g. <c>10.20.1.0/24</c>). Required.</summary>
    public required string OriginSubnet { get; init; }

    /// <summary>
    /// What this region's origin VMs run, when it differs from the application's
    /// <see cref="EdgeFrontedApplicationArgs.Flavor"/> (e.g. Kong in one region, IIS in another). Everything that depends
    /// on the flavor follows the region's: its boot and refresh scripts, its VMs' operating system, the admin password
    /// in Key Vault (IIS) or the SSH key (Linux flavors). Default: null, the application's flavor.
    /// </summary>
    public OriginFlavor? Flavor { get; init; }

    /// <summary>The number of origin VMs, 1 to 10. Default: 2.</summary>
    public int VmCount { get; init; } = 2;

    /// <summary>The availability zones the VMs are spread over, each "1", "2" or "3". Default: ["1", "2", "3"].</summary>
    public IReadOnlyList<string> Zones { get; init; } = ["1", "2", "3"];

    /// <summary>The VM size; it must support premium storage, encryption at host and Trusted Launch. Default: <c>Standard_D2s_v5</c>.</summary>
    public string VmSize { get; init; } = "Standard_D2s_v5";

    /// <summary>The DNS label of the region's load balancer (see <c>OriginVmClusterArgs.DomainNameLabel</c>). Required.</summary>
    public required string DomainNameLabel { get; init; }

    /// <summary>The name of the region's Recovery Services vault: 2 to 50 letters, digits and hyphens, starting with a letter. Required.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>
    /// Countries (ISO 3166 alpha-2, e.g. <c>DE</c>) whose requests the edge gateway routes to this region; a country
    /// in one region only. Requests from anywhere else go to the first region. Default: none.
    /// </summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
}
