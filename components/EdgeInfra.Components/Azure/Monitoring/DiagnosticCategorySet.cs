namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// What one Azure resource type can send through a diagnostic setting, as Azure Monitor's reference publishes it: its
/// resource-log categories, the category groups it answers to, and its metric categories. A row of
/// <see cref="DiagnosticCategories"/>.
/// </summary>
/// <param name="AzureType">The Azure resource type, e.g. <c>Microsoft.KeyVault/vaults</c>.</param>
/// <param name="LogCategories">The resource-log categories of the type's "Supported logs" page; empty when it has none.</param>
/// <param name="CategoryGroups">
/// The log category groups the type answers to (<c>allLogs</c>, <c>audit</c>); empty when it has no resource logs.
/// </param>
/// <param name="MetricCategories">
/// The metric categories a diagnostic setting may name: the "Category" column of the type's "Supported metrics" page,
/// or <c>AllMetrics</c> where the page has no such column; empty when the type has no exportable metrics.
/// </param>
/// <param name="LogsReference">The Microsoft Learn page of the type's resource logs, or null when Azure publishes none.</param>
/// <param name="MetricsReference">The Microsoft Learn page of the type's metrics, or null when Azure publishes none.</param>
/// <param name="ResourceSpecificTables">
/// True when the type's logs are meant for resource-specific Log Analytics tables (the setting then states
/// <c>logAnalyticsDestinationType: Dedicated</c>).
/// </param>
public sealed record DiagnosticCategorySet(
    string AzureType,
    IReadOnlyList<string> LogCategories,
    IReadOnlyList<string> CategoryGroups,
    IReadOnlyList<string> MetricCategories,
    string? LogsReference,
    string? MetricsReference,
    bool ResourceSpecificTables = false)
{
    /// <summary>True when the type has resource logs.</summary>
    public bool HasLogs => CategoryGroups.Count > 0;

    /// <summary>True when the type has metrics a diagnostic setting can export.</summary>
    public bool HasMetrics => MetricCategories.Count > 0;
}
