namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// The one table of what each Azure resource type that the library creates (or that the stack-wide pass of
/// <see cref="Observability"/> covers) can send through an Azure Monitor diagnostic setting. Every diagnostic setting
/// the library makes is built from it by <see cref="DiagnosticSettings"/>, and <see cref="DiagnosticSupport"/> is read
/// from it: a category Azure does not have for a type makes Azure reject the whole setting.
/// </summary>
/// <remarks>
/// <para>Sources, for every row (each row names its two pages):</para>
/// <list type="bullet">
/// <item>Log categories: the type's "Supported logs" page,
/// <c>https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/{type}-logs</c>.</item>
/// <item>Metric categories: the type's "Supported metrics" page,
/// <c>https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/{type}-metrics</c>. Where that page has
/// a "Category" column (storage accounts and their services: <c>Capacity</c>, <c>Transaction</c>; Recovery Services
/// vaults: <c>Health</c>), those are the metric categories. Where it has none, the type's metrics form the single
/// category <c>AllMetrics</c>, the name Azure's own diagnostic-settings samples use
/// (<c>New-AzDiagnosticSettingMetricSettingsObject -Category AllMetrics</c>). A type with no metrics page has no metrics
/// (network security groups).</item>
/// <item>Category groups: <c>allLogs</c> (every resource log of the type) for every type with resource logs;
/// <c>audit</c> only for the types that Azure Policy's built-in initiative "Enable audit category group resource
/// logging for supported resources to Log Analytics" lists as supporting it
/// (https://github.com/Azure/azure-policy/blob/master/built-in-policies/policySetDefinitions/Monitoring/AzureMonitor_DiagSettings_logAnalytics_audit.json):
/// of ours, Key Vault, public IP addresses and Log Analytics workspaces. The "Supported logs" pages do not list groups.</item>
/// </list>
/// <para>Where the documents do not settle a question, the table takes the option Azure cannot reject:</para>
/// <list type="bullet">
/// <item>Blob services: no published list says whether they answer to <c>audit</c> (the audit initiative does not
/// list storage services, which Azure Policy covers with separate definitions), so the row has <c>allLogs</c> only.</item>
/// <item>Storage accounts: resource logs exist only on the blob, queue, table and file services
/// (<c>{account}/blobServices/default</c>, ...); the account itself has metrics only. The library sends the account's
/// metrics on the account and its logs on <c>{account}/blobServices/default</c>, the only service it uses.</item>
/// <item>Virtual machines are not in the table: their guest logs and counters come through the Azure Monitor agent and
/// a data collection rule (see <see cref="Observability"/>). Resource groups and the other types the library creates
/// send nothing through diagnostic settings.</item>
/// </list>
/// </remarks>
public static class DiagnosticCategories
{
    /// <summary>The category group of every resource log of a type.</summary>
    public const string AllLogs = "allLogs";

    /// <summary>The category group of a type's audit logs.</summary>
    public const string Audit = "audit";

    /// <summary>The metric category of every metric of a type whose metrics page has no "Category" column.</summary>
    public const string AllMetrics = "AllMetrics";

    /// <summary><c>Microsoft.KeyVault/vaults</c>.</summary>
    public const string KeyVaults = "Microsoft.KeyVault/vaults";

    /// <summary><c>Microsoft.Network/networkSecurityGroups</c>.</summary>
    public const string NetworkSecurityGroups = "Microsoft.Network/networkSecurityGroups";

    /// <summary><c>Microsoft.Network/virtualNetworks</c>.</summary>
    public const string VirtualNetworks = "Microsoft.Network/virtualNetworks";

    /// <summary><c>Microsoft.Network/loadBalancers</c>.</summary>
    public const string LoadBalancers = "Microsoft.Network/loadBalancers";

    /// <summary><c>Microsoft.Network/publicIPAddresses</c>.</summary>
    public const string PublicIpAddresses = "Microsoft.Network/publicIPAddresses";

    /// <summary><c>Microsoft.Network/networkInterfaces</c>.</summary>
    public const string NetworkInterfaces = "Microsoft.Network/networkInterfaces";

    /// <summary><c>Microsoft.RecoveryServices/vaults</c>.</summary>
    public const string RecoveryServicesVaults = "Microsoft.RecoveryServices/vaults";

    /// <summary><c>Microsoft.OperationalInsights/workspaces</c>.</summary>
    public const string LogAnalyticsWorkspaces = "Microsoft.OperationalInsights/workspaces";

    /// <summary><c>Microsoft.Storage/storageAccounts</c>.</summary>
    public const string StorageAccounts = "Microsoft.Storage/storageAccounts";

    /// <summary><c>Microsoft.Storage/storageAccounts/blobServices</c>, addressed as <c>{account}/blobServices/default</c>.</summary>
    public const string BlobServices = "Microsoft.Storage/storageAccounts/blobServices";

    /// <summary>The category groups Azure defines; a name outside them is no group of any type.</summary>
    public static IReadOnlyList<string> KnownCategoryGroups { get; } = [AllLogs, Audit];

    private const string Logs = "https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/";
    private const string Metrics = "https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/";

    /// <summary>The rows, by Azure resource type (ordinal, case-insensitive as Azure's types are).</summary>
    public static IReadOnlyDictionary<string, DiagnosticCategorySet> ByAzureType { get; } = new DiagnosticCategorySet[]
    {
        // Logs: AuditEvent, AzurePolicyEvaluationDetails. Metrics page has no Category column. Audit initiative lists it.
        new(KeyVaults,
            ["AuditEvent", "AzurePolicyEvaluationDetails"],
            [AllLogs, Audit],
            [AllMetrics],
            Logs + "microsoft-keyvault-vaults-logs",
            Metrics + "microsoft-keyvault-vaults-metrics"),

        // Logs only: its logs page links no metrics page and Azure publishes none.
        new(NetworkSecurityGroups,
            ["NetworkSecurityGroupEvent", "NetworkSecurityGroupFlowEvent", "NetworkSecurityGroupRuleCounter"],
            [AllLogs],
            [],
            Logs + "microsoft-network-networksecuritygroups-logs",
            null),

        new(VirtualNetworks,
            ["VMProtectionAlerts"],
            [AllLogs],
            [AllMetrics],
            Logs + "microsoft-network-virtualnetworks-logs",
            Metrics + "microsoft-network-virtualnetworks-metrics"),

        new(LoadBalancers,
            ["LoadBalancerHealthEvent"],
            [AllLogs],
            [AllMetrics],
            Logs + "microsoft-network-loadbalancers-logs",
            Metrics + "microsoft-network-loadbalancers-metrics"),

        // The DDoS Protection logs; the audit initiative lists public IP addresses.
        new(PublicIpAddresses,
            ["DDoSMitigationFlowLogs", "DDoSMitigationReports", "DDoSProtectionNotifications"],
            [AllLogs, Audit],
            [AllMetrics],
            Logs + "microsoft-network-publicipaddresses-logs",
            Metrics + "microsoft-network-publicipaddresses-metrics"),

        // Metrics only: Azure publishes no resource-log page for network interfaces.
        new(NetworkInterfaces,
            [],
            [],
            [AllMetrics],
            null,
            Metrics + "microsoft-network-networkinterfaces-metrics"),

        // Azure Backup and Site Recovery logs; the metrics page's only category is Health (BackupHealthEvent,
        // RestoreHealthEvent). Azure Backup's Addon* tables are resource-specific, hence Dedicated.
        new(RecoveryServicesVaults,
            [
                "AddonAzureBackupAlerts", "AddonAzureBackupJobs", "AddonAzureBackupPolicy", "AddonAzureBackupProtectedInstance",
                "AddonAzureBackupStorage", "ASRReplicatedItems", "AzureBackupReport", "AzureSiteRecoveryEvents",
                "AzureSiteRecoveryJobs", "AzureSiteRecoveryProtectedDiskDataChurn", "AzureSiteRecoveryRecoveryPoints",
                "AzureSiteRecoveryReplicatedItems", "AzureSiteRecoveryReplicationDataUploadRate",
                "AzureSiteRecoveryReplicationStats", "CoreAzureBackup",
            ],
            [AllLogs],
            ["Health"],
            Logs + "microsoft-recoveryservices-vaults-logs",
            Metrics + "microsoft-recoveryservices-vaults-metrics",
            ResourceSpecificTables: true),

        new(LogAnalyticsWorkspaces,
            ["Audit", "Jobs", "SummaryLogs"],
            [AllLogs, Audit],
            [AllMetrics],
            Logs + "microsoft-operationalinsights-workspaces-logs",
            Metrics + "microsoft-operationalinsights-workspaces-metrics"),

        // Metrics only, in the categories of the page's Category column; logs live on the services.
        new(StorageAccounts,
            [],
            [],
            ["Capacity", "Transaction"],
            null,
            Metrics + "microsoft-storage-storageaccounts-metrics"),

        // allLogs only: no document says whether blob services answer to audit (see the remarks).
        new(BlobServices,
            ["StorageDelete", "StorageRead", "StorageWrite"],
            [AllLogs],
            ["Capacity", "Transaction"],
            Logs + "microsoft-storage-storageaccounts-blobservices-logs",
            Metrics + "microsoft-storage-storageaccounts-blobservices-metrics"),
    }.ToDictionary(row => row.AzureType, StringComparer.OrdinalIgnoreCase);

    /// <summary>The Azure resource type of each <c>azure-native</c> resource type the table covers, by Pulumi type token.</summary>
    public static IReadOnlyDictionary<string, string> AzureTypeByPulumiType { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AzureNative.KeyVault.Vault.TypeToken] = KeyVaults,
        [AzureNative.Network.NetworkSecurityGroup.TypeToken] = NetworkSecurityGroups,
        [AzureNative.Network.VirtualNetwork.TypeToken] = VirtualNetworks,
        [AzureNative.Network.LoadBalancer.TypeToken] = LoadBalancers,
        [AzureNative.Network.PublicIPAddress.TypeToken] = PublicIpAddresses,
        [AzureNative.Network.NetworkInterface.TypeToken] = NetworkInterfaces,
        [AzureNative.RecoveryServices.Vault.TypeToken] = RecoveryServicesVaults,
        [AzureNative.OperationalInsights.Workspace.TypeToken] = LogAnalyticsWorkspaces,
        [AzureNative.Storage.StorageAccount.TypeToken] = StorageAccounts,
    };

    /// <summary>The row of <paramref name="azureType"/>, or null when the table does not list it.</summary>
    public static DiagnosticCategorySet? Of(string azureType)
    {
        ArgumentNullException.ThrowIfNull(azureType);
        return ByAzureType.GetValueOrDefault(azureType);
    }

    /// <summary>The Azure resource type of the Pulumi type <paramref name="pulumiType"/>, or null when the table does not cover it.</summary>
    public static string? AzureTypeOf(string pulumiType)
    {
        ArgumentNullException.ThrowIfNull(pulumiType);
        return AzureTypeByPulumiType.GetValueOrDefault(pulumiType);
    }
}
