namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>The arguments of <see cref="Observability"/>: the stack's Log Analytics workspace, agent data collection and alerting.</summary>
public sealed class ObservabilityArgs : AzureComponentArgs
{
    /// <summary>The fewest days a PerGB2018 workspace keeps data.</summary>
    public const int MinRetentionInDays = 30;

    /// <summary>The most days a PerGB2018 workspace keeps data (interactive retention).</summary>
    public const int MaxRetentionInDays = 730;

    /// <summary>The highest <see cref="OriginAuthFailureThreshold"/>.</summary>
    public const int MaxOriginAuthFailureThreshold = 10000;

    /// <summary>The windows, in minutes, a log search alert accepts (PT1M … P2D).</summary>
    public static IReadOnlyList<int> AllowedWindowMinutes { get; } = [1, 5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440, 2880];

    /// <summary>
    /// How many days the workspace keeps data, 30 to 730. Default: 30, the retention included in the PerGB2018 price,
    /// which suits dev stacks; production stacks usually set 90 or more.
    /// </summary>
    public int RetentionInDays { get; init; } = MinRetentionInDays;

    /// <summary>
    /// Whether agents and services may send data to the workspace over the public network. Default: true, because this
    /// library creates no Azure Monitor Private Link Scope and without one the Azure Monitor agent could not send
    /// anything. Access still needs Microsoft Entra ID: the workspace's local (shared key) authentication is always
    /// disabled. Set false only when the workspace is reached through a private link scope.
    /// </summary>
    public bool PublicNetworkAccessForIngestion { get; init; } = true;

    /// <summary>
    /// Whether the workspace may be queried over the public network (the Azure portal, alerts). Default: true, for the
    /// same reason as <see cref="PublicNetworkAccessForIngestion"/>; queries still need Microsoft Entra ID and RBAC.
    /// </summary>
    public bool PublicNetworkAccessForQuery { get; init; } = true;

    /// <summary>
    /// How many rejected origin-verification requests (see <see cref="OriginAuthFailures"/>) within
    /// <see cref="OriginAuthFailureWindowMinutes"/> raise the alert, 1 to 10000. Default: 10.
    /// </summary>
    public int OriginAuthFailureThreshold { get; init; } = 10;

    /// <summary>
    /// The window, in minutes, over which the alert counts rejections: one of <see cref="AllowedWindowMinutes"/>.
    /// Default: 5. The alert is evaluated every 5 minutes (every minute for a 1-minute window).
    /// </summary>
    public int OriginAuthFailureWindowMinutes { get; init; } = 5;

    /// <summary>
    /// Addresses that receive the alert by email, through an action group; each must be a valid email address and
    /// appear once. Default: none (no action group: the alert still shows in Azure Monitor).
    /// </summary>
    public ValidatedInputList<string> AlertEmails { get; init; } = [];
}
