using System.Globalization;
using EdgeInfra.Akamai;
using EdgeInfra.Akamai.Inputs;
using EdgeInfra.AzureNative.Storage;
using EdgeInfra.AzureNative.Storage.Inputs;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Expressions;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// Streams properties' edge logs to Azure Blob Storage with DataStream 2, as an audit trail, in one deployment: a
/// locked-down storage account (<c>storage</c>), a private blob container (<c>container</c>) whose time-based
/// retention policy (<c>container-retention</c>) keeps every log immutable for <see cref="EdgeLogStreamArgs.RetentionDays"/>,
/// and a stream (<c>stream</c>) of the <see cref="DataStreamField.AuditTrail"/> fields as JSON, delivered every 30 or
/// 60 seconds. Also <c>storage-diag</c> (the account's metrics) and <c>storage-blob-diag</c> (the blob service's logs
/// and metrics) when diagnostic settings are given (see <see cref="DiagnosticSettings"/>), and <c>role-{name}</c> per
/// role assignment. With a <see cref="LockKind.CanNotDelete"/> lock, <c>storage-lock</c> is the Azure lock on the
/// account (the container and its retention policy inherit it); it leaves <c>listKeys</c> working, which only a
/// read-only lock blocks (see <see cref="ManagementLocks"/>). Each property also needs <see cref="PropertyBehavior"/> in its rule tree.
/// <para>
/// The account: StorageV2, geo- or zone-redundant, HTTPS only, TLS 1.2 minimum, no public blob access, no
/// cross-tenant replication, infrastructure (double) encryption, no SFTP or local users, Entra ID as the portal's
/// default authentication.
/// </para>
/// <para>
/// <b>The access key.</b> Akamai's Azure connector authenticates with the account's access key. The stream reads it
/// at deployment with <c>azure-native:storage:listStorageAccountKeys</c> (a <c>fn::invoke</c> whose options
/// <c>dependsOn</c> the account, so it is called once the account exists; in a preview that creates the account the
/// key is unknown) and states <c>keys[0].value</c> in <c>fn::secret</c>: azure-native marks nothing of the result
/// secret, so the wrap is what keeps the key out of the state and the console in plain text. The key is never in
/// the program or in config. Rotating the account's first key and running <c>pulumi up</c> updates the stream.
/// </para>
/// <para>
/// <b>Retention.</b> The container's policy is time-based and left <b>unlocked</b>: while unlocked it protects every
/// blob from being changed or deleted, and an administrator can still shorten or remove it, or fix a wrong period.
/// Locking is a one-way step: a locked policy can only be lengthened, and neither the container nor the account can
/// be deleted (nor the stack destroyed) until the last blob has aged out. The provider schemas hold no operation
/// that locks a policy, and the step is a compliance decision for a person: when the period is final, run
/// <c>az storage container immutability-policy lock</c> on the container (with the policy's etag).
/// </para>
/// <para>
/// <b>Trade-off.</b> Akamai's Azure connector uploads from Akamai's network and authenticates with the account's
/// access key, so the account must accept public network traffic and shared-key authorization: it cannot be
/// private-endpoint only or Entra-ID only. Narrow it with <see cref="EdgeLogStreamArgs.AllowedIpRanges"/> (default
/// action <c>Deny</c> and only those ranges) and rotate the key; the container holds only logs.
/// </para>
/// </summary>
public sealed partial class EdgeLogStream : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:akamai:EdgeLogStream";

    /// <summary>The log format DataStream delivers.</summary>
    public const string DeliveryFormat = "JSON";

    /// <summary>The seconds between deliveries DataStream 2 offers (<c>deliveryConfiguration.frequency.intervalInSecs</c>): 30 or 60.</summary>
    public static IReadOnlyList<int> DeliveryFrequenciesSeconds { get; } = [30, 60];

    /// <summary>The longest time-based retention Azure Blob Storage allows, in days (400 years).</summary>
    public const int MaxRetentionDays = 146000;

    /// <summary>The name Azure gives a container's one immutability policy.</summary>
    public const string ImmutabilityPolicyName = "default";

    /// <summary>The most properties one stream may monitor (Akamai's limit).</summary>
    public const int MaxProperties = 100;

    /// <summary>Why the account keeps shared key authorization (policy rule EI-STG-004).</summary>
    private const string SharedKeyJustification =
        "Akamai DataStream's Azure Storage destination authenticates only with the storage account's access key "
        + "(https://techdocs.akamai.com/datastream2/docs/stream-azure-storage; the provider's azureConnector requires accessKey), so "
        + "shared key authorization must stay on for the edge logs to arrive. The key is read from the account at deployment and kept "
        + "secret (never in the program or config); the account holds only the edge logs, in a private container under a time-based "
        + "retention policy, over HTTPS with TLS 1.2 only, without public blob access; Entra ID is the portal's default. Rotate the key "
        + "and run pulumi up to move the stream to the new one.";

    /// <summary>Why the account's firewall allows all networks when no ranges are given (policy rule EI-STG-006).</summary>
    private const string OpenFirewallJustification =
        "Akamai DataStream uploads the edge logs from Akamai's network to the account's public blob endpoint "
        + "(https://techdocs.akamai.com/datastream2/docs/stream-azure-storage), and this stream was given no source ranges "
        + "(EdgeLogStreamArgs.AllowedIpRanges is empty), so a default-deny firewall would stop delivery. Every request still needs the "
        + "account key over HTTPS with TLS 1.2, and the container is private and immutable. Give AllowedIpRanges the ranges Akamai "
        + "delivers from for your account to make the firewall deny everything else.";

    private static readonly SkuName[] RedundantSkus =
        [SkuName.Standard_GRS, SkuName.Standard_RAGRS, SkuName.Standard_ZRS, SkuName.Standard_GZRS, SkuName.Standard_RAGZRS];

    /// <summary>Creates the storage account and the stream named <paramref name="name"/>.</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/> are invalid; every problem is listed.</exception>
    public EdgeLogStream(string name, EdgeLogStreamArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        Validate(name, args);

        StorageAccount = new StorageAccount("storage", new StorageAccountArgs
        {
            AccountName = args.StorageAccountName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = args.TagsWithDefaults(),
            Kind = AzureNative.Storage.Kind.StorageV2,
            Sku = new SkuArgs { Name = args.StorageSku },
            MinimumTlsVersion = MinimumTlsVersion.TLS1_2,
            EnableHttpsTrafficOnly = true,
            AllowBlobPublicAccess = false,
            AllowCrossTenantReplication = false,
            AllowSharedKeyAccess = true,
            DefaultToOAuthAuthentication = true,
            IsLocalUserEnabled = false,
            IsSftpEnabled = false,
            PublicNetworkAccess = "Enabled",
            Encryption = new EncryptionArgs
            {
                KeySource = KeySource.Microsoft_Storage,
                RequireInfrastructureEncryption = true,
                Services = new EncryptionServicesArgs
                {
                    Blob = new EncryptionServiceArgs { Enabled = true, KeyType = "Account" },
                },
            },
            NetworkRuleSet = new NetworkRuleSetArgs
            {
                DefaultAction = args.AllowedIpRanges.Count == 0 ? DefaultAction.Allow : DefaultAction.Deny,
                Bypass = Bypass.AzureServices,
                IpRules = args.AllowedIpRanges.Count == 0
                    ? null
                    : [.. args.AllowedIpRanges.Select(range => new IPRuleArgs { IPAddressOrRange = range, Action = AzureNative.Storage.Action.Allow })],
            },
        }, args.LockedOptions(this));
        StorageAccount.SuppressPolicy("EI-STG-004", SharedKeyJustification);
        if (args.AllowedIpRanges.Count == 0)
        {
            StorageAccount.SuppressPolicy("EI-STG-006", OpenFirewallJustification);
        }

        ManagementLocks.Create(this, "storage", StorageAccount.Id, args.Lock);

        Container = new BlobContainer("container", new BlobContainerArgs
        {
            AccountName = StorageAccount.Name,
            ResourceGroupName = args.ResourceGroupName,
            ContainerName = args.ContainerName,
            PublicAccess = PublicAccess.None,
        }, args.LockedOptions(this));

        RetentionPolicy = new BlobContainerImmutabilityPolicy("container-retention", new BlobContainerImmutabilityPolicyArgs
        {
            AccountName = StorageAccount.Name,
            ResourceGroupName = args.ResourceGroupName,
            ContainerName = Container.Name,
            ImmutabilityPolicyName = ImmutabilityPolicyName,
            ImmutabilityPeriodSinceCreationInDays = args.RetentionDays,
            AllowProtectedAppendWrites = args.AllowProtectedAppendWrites,
        }, args.LockedOptions(this));

        var streamOptions = new CustomResourceOptions { Parent = this };
        streamOptions.DependsOn.Add(RetentionPolicy);
        Stream = new Datastream("stream", new DatastreamArgs
        {
            StreamName = args.StreamName,
            Active = args.Active,
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            Properties = [.. args.PropertyIds],
            DatasetFields = [.. args.DatasetFields.Select(field => field.Id)],
            NotificationEmails = args.NotificationEmails,
            DeliveryConfiguration = new DatastreamDeliveryConfigurationArgs
            {
                Format = DeliveryFormat,
                Frequency = new DatastreamDeliveryConfigurationFrequencyArgs { IntervalInSecs = args.DeliveryFrequencySeconds },
            },
            AzureConnector = new DatastreamAzureConnectorArgs
            {
                AccountName = StorageAccount.Name,
                AccessKey = AccessKeyOf(StorageAccount, args.ResourceGroupName),
                ContainerName = Container.Name,
                Path = args.Path,
                DisplayName = args.ConnectorDisplayName ?? $"azure-{args.StorageAccountName}-{args.ContainerName}",
                CompressLogs = args.CompressLogs,
            },
        }, streamOptions);
        PropertyBehavior = Behavior.DataStream([Stream.Id], args.SamplingPercentage);

        if (args.DiagnosticSettings is { } diagnostics)
        {
            DiagnosticSettings.Create(this, "storage", StorageAccount.Id, DiagnosticCategories.StorageAccounts, diagnostics);
        }

        RoleAssignments.GrantAll(this, "role", StorageAccount.Id, args.RoleAssignments);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["storageAccountId"] = StorageAccountId,
            ["storageAccountName"] = StorageAccountName,
            ["containerName"] = Container.Name,
            ["streamId"] = StreamId,
        });
    }

    /// <summary>The storage account the logs are delivered to.</summary>
    public StorageAccount StorageAccount { get; }

    /// <summary>The private blob container the logs are delivered to.</summary>
    public BlobContainer Container { get; }

    /// <summary>The container's time-based retention policy (unlocked; see the remarks on <see cref="EdgeLogStream"/>).</summary>
    public BlobContainerImmutabilityPolicy RetentionPolicy { get; }

    /// <summary>The DataStream stream.</summary>
    public Datastream Stream { get; }

    /// <summary>The stream's id, which Akamai assigns when it creates the stream.</summary>
    public Output<string> StreamId => Stream.Id;

    /// <summary>
    /// The <c>datastream</c> behavior each monitored property's rule tree needs for its logs to reach this stream
    /// (<see cref="Behavior.DataStream"/> naming <see cref="StreamId"/>). The stream's own <c>papiJson</c> output is not
    /// used: it states <c>logStreamName</c> as a number, which rule formats since v2023-05-30 refuse.
    /// </summary>
    public Behavior PropertyBehavior { get; }

    /// <summary>The storage account's resource id.</summary>
    public Output<string> StorageAccountId => StorageAccount.Id;

    /// <summary>The storage account's name.</summary>
    public Output<string> StorageAccountName => StorageAccount.Name;

    /// <summary>
    /// The account's first access key, read at deployment once the account exists (<c>fn::invoke</c> of
    /// <c>listStorageAccountKeys</c> with <c>dependsOn</c> the account) and kept secret (<c>fn::secret</c>).
    /// </summary>
    private static Output<string> AccessKeyOf(StorageAccount account, Input<string> resourceGroupName)
    {
        var keys = ListStorageAccountKeys.Invoke(
            new ListStorageAccountKeysArgs { AccountName = account.Name, ResourceGroupName = resourceGroupName },
            new InvokeOptions { DependsOn = [account] });
        return Output.CreateSecret<string>(keys.Keys[0].Value);
    }

    private static void Validate(string name, EdgeLogStreamArgs args)
    {
        var errors = new ComponentErrors(TypeToken, name);
        if (string.IsNullOrWhiteSpace(args.StreamName?.Value))
        {
            errors.Add("streamName", $"'{args.StreamName?.Value}' is blank: give the stream's name");
        }

        var propertyIds = args.PropertyIds ?? [];
        if (propertyIds.Count is 0 or > MaxProperties)
        {
            errors.Add("propertyIds", $"has {Count(propertyIds.Count)} properties: a stream monitors 1 to {Count(MaxProperties)}");
        }

        for (var i = 0; i < propertyIds.Count; i++)
        {
            if (propertyIds[i] is null || IsBlankLiteral(propertyIds[i]))
            {
                errors.Add($"propertyIds[{Count(i)}]", "is empty: give a property id, e.g. 'prp_123456'");
            }
        }

        CheckNotBlank(args.ContractId, "contractId", "a contract id, e.g. 'ctr_C-0N7RAC7'", errors);
        CheckNotBlank(args.GroupId, "groupId", "a group id, e.g. 'grp_12345'", errors);
        CheckEmails(args.NotificationEmails?.Values ?? [], errors);
        CheckFields(args.DatasetFields ?? [], errors);

        if (!DeliveryFrequenciesSeconds.Contains(args.DeliveryFrequencySeconds))
        {
            errors.Add("deliveryFrequencySeconds", $"{Count(args.DeliveryFrequencySeconds)} is not a DataStream delivery interval: deliveryConfiguration.frequency.intervalInSecs is exactly 30 or 60 seconds");
        }

        if (args.RetentionDays is < 1 or > MaxRetentionDays)
        {
            errors.Add("retentionDays", $"{Count(args.RetentionDays)} is out of range: a container's time-based retention (immutabilityPeriodSinceCreationInDays) is 1 to {Count(MaxRetentionDays)} days");
        }

        if (args.SamplingPercentage is < 1 or > 100)
        {
            errors.Add("samplingPercentage", $"{Count(args.SamplingPercentage)} is out of range: the datastream behavior samples 1 to 100 percent of requests");
        }

        if (!ValidationPatterns.StorageAccountName().IsMatch(args.StorageAccountName ?? string.Empty))
        {
            errors.Add("storageAccountName", $"'{args.StorageAccountName}' is not a valid storage account name: 3 to 24 lowercase letters and digits (global uniqueness is checked by Azure at deployment)");
        }

        var containerName = args.ContainerName ?? string.Empty;
        if (!ValidationPatterns.BlobContainerName().IsMatch(containerName) || containerName.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("containerName", $"'{args.ContainerName}' is not a valid blob container name: 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, no consecutive hyphens");
        }

        if (string.IsNullOrWhiteSpace(args.Path) || args.Path.StartsWith('/'))
        {
            errors.Add("path", $"'{args.Path}' is not a folder path in the container: not blank, no leading '/'");
        }

        if (args.ConnectorDisplayName is not null && string.IsNullOrWhiteSpace(args.ConnectorDisplayName))
        {
            errors.Add("connectorDisplayName", $"'{args.ConnectorDisplayName}' is blank: give a name, or leave it null for the default");
        }

        if (!RedundantSkus.Contains(args.StorageSku))
        {
            errors.Add("storageSku", $"'{args.StorageSku}' is not allowed: an audit trail needs redundancy beyond one datacenter, one of {string.Join(", ", RedundantSkus)}");
        }

        CheckIpRanges(args.AllowedIpRanges ?? [], errors);

        DiagnosticSettings.Check(args.DiagnosticSettings, errors);
        ManagementLocks.Check(args.Lock, errors);
        DiagnosticSettings.CheckKeepsLogs(args.DiagnosticSettings, DiagnosticCategories.BlobServices, "the log account must log who reads and writes it", errors);

        ManagedIdentityBlock.Reject(args.ManagedIdentities, "EdgeLogStream", errors);
        errors.ThrowIfAny();
    }

    private static void CheckNotBlank(Input<string>? value, string property, string example, ComponentErrors errors)
    {
        if (value is null || IsBlankLiteral(value))
        {
            errors.Add(property, $"is empty: give {example}");
        }
    }

    private static bool IsBlankLiteral(Input<string> value) =>
        value.ToExpression() is LiteralExpression { Value: string text } && string.IsNullOrWhiteSpace(text);

    private static void CheckEmails(IReadOnlyList<string> emails, ComponentErrors errors)
    {
        if (emails.Count == 0)
        {
            errors.Add("notificationEmails", "is empty: give at least one address, so that a stream that stops is noticed");
        }

        for (var i = 0; i < emails.Count; i++)
        {
            if (!ValidationPatterns.Email().IsMatch(emails[i] ?? string.Empty))
            {
                errors.Add($"notificationEmails[{Count(i)}]", $"'{emails[i]}' is not an email address: name@domain.tld, no spaces");
            }
        }
    }

    private static void CheckFields(IReadOnlyList<DataStreamField> fields, ComponentErrors errors)
    {
        if (fields.Count == 0)
        {
            errors.Add("datasetFields", "is empty: a stream logs at least one data set field");
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is null || fields[i].Id <= 0)
            {
                errors.Add($"datasetFields[{Count(i)}]", $"{(fields[i] is null ? "null" : Count(fields[i].Id))} is not a data set field id: a positive integer from Akamai's data set parameters");
            }
            else if (!seen.Add(fields[i].Id))
            {
                errors.Add($"datasetFields[{Count(i)}]", $"{Count(fields[i].Id)} ({fields[i].Name}) is listed twice: each field is logged once");
            }
        }
    }

    private static void CheckIpRanges(IReadOnlyList<string> ranges, ComponentErrors errors)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i] ?? string.Empty;
            var property = $"allowedIpRanges[{Count(i)}]";
            var isAddress = !range.Contains('/', StringComparison.Ordinal);
            if (!Ipv4Cidr.TryParse(isAddress ? range + "/32" : range, out var cidr, out _))
            {
                errors.Add(property, $"'{range}' is not an IPv4 address or CIDR range, e.g. 203.0.113.7 or 203.0.113.0/24");
            }
            else if (!isAddress && cidr.PrefixLength > 30)
            {
                errors.Add(property, $"'{range}' is a /{Count(cidr.PrefixLength)}: Azure storage takes CIDR ranges up to /30; give single addresses without a prefix");
            }
            else if (cidr.IsPrivate)
            {
                errors.Add(property, $"'{range}' is a private range: storage IP rules take public addresses only");
            }
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
