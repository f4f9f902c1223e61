using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.Components.Azure.Network;

namespace EdgeInfra.Components.Azure;

/// <summary>
/// The arguments of a <see cref="SecretsVault"/>: a Key Vault with RBAC authorization, purge protection and soft
/// delete, closed to the public network unless subnets are allowed.
/// </summary>
public sealed class SecretsVaultArgs : AzureComponentArgs
{
    /// <summary>
    /// The vault's name: 3 to 24 characters, letters, digits and hyphens, starting with a letter, ending with a
    /// letter or digit, without consecutive hyphens. It must also be globally unique (it is the host name of the
    /// vault's URI); that cannot be checked at synthesis and is reported by Azure at deployment. Required.
    /// </summary>
    public required ValidatedInput<string> VaultName { get; init; }

    /// <summary>The SKU: <see cref="SkuName.Standard"/> or <see cref="SkuName.Premium"/> (HSM-backed keys). Default: <see cref="SkuName.Standard"/>.</summary>
    public SkuName Sku { get; init; } = SkuName.Standard;

    /// <summary>How many days a deleted vault or secret can be recovered: 7 to 90. Default: 90, the longest Azure allows.</summary>
    public int SoftDeleteRetentionDays { get; init; } = 90;

    /// <summary>
    /// The subnets allowed to reach the vault (stated as <c>networkAcls.virtualNetworkRules</c>). Azure refuses the rule
    /// for a subnet without the <c>Microsoft.KeyVault</c> service endpoint; a subnet of the stack
    /// (<see cref="OriginNetwork.Subnet"/>) carries its endpoints, so that is checked at synthesis; a resource id (a
    /// string or an output converts) is checked by Azure at deployment. Default: none, and the vault's public network
    /// access is disabled.
    /// </summary>
    public IReadOnlyList<SubnetReference> AllowedSubnets { get; init; } = [];
}
