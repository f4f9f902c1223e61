namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// Which resource types can send diagnostics through an Azure Monitor diagnostic setting, and what they send: resource
/// logs (as the category group <c>allLogs</c>) and/or platform metrics (as the category <c>AllMetrics</c>).
/// </summary>
/// <remarks>
/// <para>
/// The source of truth is Azure Monitor's reference of supported resource log categories and supported metrics
/// ("Supported logs for Microsoft.X/y" and "Supported metrics for Microsoft.X/y", whose "DS Export" column says whether
/// metrics can leave through a diagnostic setting). The table is kept explicit and small: a type is added only after
/// checking both pages, because a category the type does not have makes Azure reject the whole setting.
/// </para>
/// <list type="bullet">
/// <item>Key Vault, public IP, load balancer, virtual network, Log Analytics workspace: logs and metrics.</item>
/// <item>Network security group: logs only (it has no exportable metrics).</item>
/// <item>Recovery Services vault: logs only (its only metric category is <c>Health</c>, not <c>AllMetrics</c>).</item>
/// <item>Storage account: metrics only; resource logs exist only on its blob, queue, table and file services.</item>
/// <item>Network interface: metrics only.</item>
/// </list>
/// <para>
/// Virtual machines are not in the table on purpose: their guest logs and performance counters come through the
/// Azure Monitor agent and a data collection rule (see <see cref="Observability"/>), not a diagnostic setting.
/// </para>
/// </remarks>
/// <param name="Logs">True when the type has resource logs (sent as the category group <c>allLogs</c>).</param>
/// <param name="Metrics">True when the type's platform metrics can be exported (sent as <c>AllMetrics</c>).</param>
public sealed record DiagnosticSupport(bool Logs, bool Metrics)
{
    private static readonly DiagnosticSupport LogsAndMetrics = new(Logs: true, Metrics: true);
    private static readonly DiagnosticSupport LogsOnly = new(Logs: true, Metrics: false);
    private static readonly DiagnosticSupport MetricsOnly = new(Logs: false, Metrics: true);

    /// <summary>The supported resource types, by Pulumi type token.</summary>
    public static IReadOnlyDictionary<string, DiagnosticSupport> ByType { get; } = new Dictionary<string, DiagnosticSupport>(StringComparer.Ordinal)
    {
        [AzureNative.KeyVault.Vault.TypeToken] = LogsAndMetrics,
        [AzureNative.Network.NetworkSecurityGroup.TypeToken] = LogsOnly,
        [AzureNative.Network.PublicIPAddress.TypeToken] = LogsAndMetrics,
        [AzureNative.Network.LoadBalancer.TypeToken] = LogsAndMetrics,
        [AzureNative.Network.VirtualNetwork.TypeToken] = LogsAndMetrics,
        [AzureNative.Network.NetworkInterface.TypeToken] = MetricsOnly,
        [AzureNative.RecoveryServices.Vault.TypeToken] = LogsOnly,
        [AzureNative.OperationalInsights.Workspace.TypeToken] = LogsAndMetrics,
        [AzureNative.Storage.StorageAccount.TypeToken] = MetricsOnly,
    };

    /// <summary>What resources of type <paramref name="typeToken"/> can send, or null when the table does not list the type.</summary>
    public static DiagnosticSupport? Of(string typeToken) =>
        ByType.TryGetValue(typeToken, out var support) ? support : null;
}
