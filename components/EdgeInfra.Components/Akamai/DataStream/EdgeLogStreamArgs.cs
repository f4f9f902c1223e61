using EdgeInfra.AzureNative.Storage;
using EdgeInfra.Components.Azure;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The arguments of an <see cref="EdgeLogStream"/>: a DataStream 2 stream of properties' edge logs, and the Azure
/// storage account it delivers them to. <see cref="AzureComponentArgs.ResourceGroupName"/> and
/// <see cref="AzureComponentArgs.Location"/> place the storage account; <see cref="AzureComponentArgs.Tags"/>,
/// <see cref="AzureComponentArgs.Lock"/>, <see cref="AzureComponentArgs.RoleAssignments"/> and
/// <see cref="AzureComponentArgs.DiagnosticSettings"/> apply to it; <see cref="AzureComponentArgs.ManagedIdentities"/>
/// is rejected (the account needs none).
/// </summary>
public sealed class EdgeLogStreamArgs : AzureComponentArgs
{
    /// <summary>The Akamai contract id (<c>ctr_…</c>, the prefix is optional). Required.</summary>
    public required Input<string> ContractId { get; init; }

    /// <summary>The Akamai group id (<c>grp_…</c>, the prefix is optional). Required.</summary>
    public required Input<string> GroupId { get; init; }

    /// <summary>
    /// The ids of the properties whose logs are streamed (<c>prp_…</c>, the prefix is optional), 1 to 100. Each
    /// property also needs the <c>datastream</c> behavior in its rule tree (see <see cref="EdgeLogStream.PropertyRuleJson"/>)
    /// and must be active on PRODUCTION. Required.
    /// </summary>
    public required IReadOnlyList<Input<string>> PropertyIds { get; init; }

    /// <summary>The stream's name in Akamai. Required.</summary>
    public required string StreamName { get; init; }

    /// <summary>
    /// Who Akamai notifies when the stream is activated or deactivated, at least one address: an audit trail must
    /// not stop silently. Required.
    /// </summary>
    public required IReadOnlyList<string> NotificationEmails { get; init; }

    /// <summary>Whether the stream is active. Activating takes Akamai about 90 minutes. Default: true.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The data set fields, in log order, no duplicates. Default: <see cref="DataStreamField.AuditTrail"/>.</summary>
    public IReadOnlyList<DataStreamField> DatasetFields { get; init; } = DataStreamField.AuditTrail;

    /// <summary>How often Akamai delivers a log file, in seconds: 30 to 60. Default: 30.</summary>
    public int DeliveryFrequencySeconds { get; init; } = 30;

    /// <summary>
    /// The storage account's name: 3 to 24 lowercase letters and digits, globally unique (checked by Azure at
    /// deployment). Required.
    /// </summary>
    public required string StorageAccountName { get; init; }

    /// <summary>
    /// The blob container the logs go to: 3 to 63 lowercase letters, digits and hyphens, starting and ending with a
    /// letter or digit, no consecutive hyphens. The container must exist: the azure-native schema this library is
    /// generated from holds no blob container resource, so create it once, e.g.
    /// <c>az storage container create --account-name {account} --name {container} --auth-mode login</c>. Required.
    /// </summary>
    public required string ContainerName { get; init; }

    /// <summary>
    /// The folder path inside the container. DataStream expands the time variables <c>{%Y}</c>, <c>{%m}</c> and
    /// <c>{%d}</c>. Default: <c>edge-logs/{%Y}/{%m}/{%d}</c>.
    /// </summary>
    public string Path { get; init; } = "edge-logs/{%Y}/{%m}/{%d}";

    /// <summary>
    /// The storage account's access key, which Akamai's Azure connector authenticates with. It must be a reference,
    /// never a literal: a secret config value (<c>config.GetSecret("logStorageKey")</c>) or another resource's
    /// output. The provider schemas this library is generated from hold no function that lists storage account keys,
    /// so the key cannot be read from the account in the program, and the account must exist before its key does.
    /// Hence two deployments: the first, without a key, creates the account and no stream; then store the key with
    /// <c>pulumi config set --secret</c> (from <c>az storage account keys list</c>) and the next deployment creates
    /// the stream. Default: null (the account only).
    /// </summary>
    public Output<string>? AccessKey { get; init; }

    /// <summary>The connector's display name in Akamai. Default: null, <c>azure-{StorageAccountName}-{ContainerName}</c>.</summary>
    public string? ConnectorDisplayName { get; init; }

    /// <summary>Whether Akamai gzips the log files it uploads. Default: true.</summary>
    public bool CompressLogs { get; init; } = true;

    /// <summary>
    /// The account's redundancy: <see cref="SkuName.Standard_GRS"/>, <see cref="SkuName.Standard_RAGRS"/>,
    /// <see cref="SkuName.Standard_ZRS"/>, <see cref="SkuName.Standard_GZRS"/> or <see cref="SkuName.Standard_RAGZRS"/>;
    /// locally redundant storage is rejected, since an audit trail must survive the loss of a datacenter.
    /// Default: <see cref="SkuName.Standard_GRS"/>.
    /// </summary>
    public SkuName StorageSku { get; init; } = SkuName.Standard_GRS;

    /// <summary>
    /// Public IPv4 addresses or CIDR ranges allowed to reach the account (Akamai's DataStream egress ranges, and the
    /// operators' own). When given, the account's network default action is <c>Deny</c> and only these (and trusted
    /// Azure services) get in; keep them current with Akamai's published list, or delivery fails. Default: none,
    /// and the default action is <c>Allow</c> (see <see cref="EdgeLogStream"/> for the trade-off).
    /// </summary>
    public IReadOnlyList<string> AllowedIpRanges { get; init; } = [];
}
