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
    /// property also needs the <c>datastream</c> behavior in its rule tree (see <see cref="EdgeLogStream.PropertyBehavior"/>)
    /// and must be active on PRODUCTION. Required.
    /// </summary>
    public required IReadOnlyList<Input<string>> PropertyIds { get; init; }

    /// <summary>The stream's name in Akamai. Required.</summary>
    public required ValidatedInput<string> StreamName { get; init; }

    /// <summary>
    /// Who Akamai notifies when the stream is activated or deactivated, at least one address: an audit trail must
    /// not stop silently. Required.
    /// </summary>
    public required ValidatedInputList<string> NotificationEmails { get; init; }

    /// <summary>Whether the stream is active. Activating takes Akamai about 90 minutes. Default: true.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The data set fields, in log order, no duplicates. Default: <see cref="DataStreamField.AuditTrail"/>.</summary>
    public IReadOnlyList<DataStreamField> DatasetFields { get; init; } = DataStreamField.AuditTrail;

    /// <summary>
    /// How often Akamai delivers a log file (<c>deliveryConfiguration.frequency.intervalInSecs</c>), in seconds:
    /// exactly 30 or 60, the two intervals DataStream 2 offers. Default: 30.
    /// </summary>
    public int DeliveryFrequencySeconds { get; init; } = 30;

    /// <summary>
    /// The storage account's name: 3 to 24 lowercase letters and digits, globally unique (checked by Azure at
    /// deployment). Required.
    /// </summary>
    public required string StorageAccountName { get; init; }

    /// <summary>
    /// The blob container the logs go to, which the component creates (private, with a time-based retention policy,
    /// see <see cref="RetentionDays"/>): 3 to 63 lowercase letters, digits and hyphens, starting and ending with a
    /// letter or digit, no consecutive hyphens. Required.
    /// </summary>
    public required string ContainerName { get; init; }

    /// <summary>
    /// The folder path inside the container. DataStream expands the time variables <c>{%Y}</c>, <c>{%m}</c> and
    /// <c>{%d}</c>. Default: <c>edge-logs/{%Y}/{%m}/{%d}</c>.
    /// </summary>
    public string Path { get; init; } = "edge-logs/{%Y}/{%m}/{%d}";

    /// <summary>
    /// How many days each log blob stays immutable after it is written: the container's time-based retention policy
    /// (<c>immutabilityPeriodSinceCreationInDays</c>), 1 to 146000 (Azure's limit, 400 years). While a blob is under
    /// retention nobody can change or delete it, which is what makes the logs evidence (SOC 2 auditors commonly ask for
    /// a year of logs). Default: 365.
    /// </summary>
    public int RetentionDays { get; init; } = 365;

    /// <summary>
    /// Whether new blocks may be appended to append blobs under retention (<c>allowProtectedAppendWrites</c>): what
    /// was written stays immutable, only appends are allowed, so a writer that appends log lines keeps working.
    /// DataStream uploads every log file as a new blob, which retention always allows; the option only matters to
    /// an appending writer, and costs no protection of anything already written. Default: true.
    /// </summary>
    public bool AllowProtectedAppendWrites { get; init; } = true;

    /// <summary>The connector's display name in Akamai. Default: null, <c>azure-{StorageAccountName}-{ContainerName}</c>.</summary>
    public string? ConnectorDisplayName { get; init; }

    /// <summary>Whether Akamai gzips the log files it uploads. Default: true.</summary>
    public bool CompressLogs { get; init; } = true;

    /// <summary>The percentage of requests the properties log (<c>samplingPercentage</c> of the <c>datastream</c> behavior), 1 to 100; an audit trail logs them all. Default: 100.</summary>
    public int SamplingPercentage { get; init; } = 100;

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
