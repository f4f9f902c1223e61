using EdgeInfra.Policy;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// The policy pack of EdgeInfra's components: rules on the Azure resources (VMs, disks, network, Key Vault, RBAC,
/// Backup, Monitor, storage) and on the edge (Akamai properties, EdgeWorkers, DataStream), each following scanner
/// rules (Checkov, PSRule for Azure, Trivy) or Akamai's and Azure's documentation. Give it to
/// <c>Deployment.Run(args, createStack, EdgeInfraPolicies.Pack)</c> for the <c>check</c> verb.
/// </summary>
public static class EdgeInfraPolicies
{
    /// <summary>The pack's version: changes when a rule is added, removed or changes what it finds.</summary>
    public const string Version = "1.0.0";

    /// <summary>Every rule.</summary>
    public static PolicyPack Pack { get; } = new("EdgeInfra policy pack", Version,
    [
        .. VirtualMachineRules.All,
        .. KeyVaultRules.All,
        .. RbacRules.All,
        .. BackupRules.All,
        .. MonitorRules.All,
        .. StorageRules.All,
        .. EdgeRules.All,
        .. ManagedDiskRules.All,
        .. NetworkInterfaceRules.All,
        .. PublicIpAddressRules.All,
        .. NetworkSecurityGroupRules.All,
        .. VirtualNetworkRules.All,
        .. LoadBalancerRules.All,
    ]);
}
