namespace EdgeInfra.Components.Azure;

/// <summary>Where a component's resources send their diagnostics (Azure Verified Modules' <c>diagnosticSettings</c>).</summary>
public sealed record DiagnosticSettingsSpec
{
    /// <summary>The Log Analytics workspace's resource id.</summary>
    public required Input<string> WorkspaceId { get; init; }

    /// <summary>Log category groups to send; default <c>allLogs</c>.</summary>
    public IReadOnlyList<string> LogCategoryGroups { get; init; } = ["allLogs"];

    /// <summary>Whether to send all metrics; default true.</summary>
    public bool Metrics { get; init; } = true;
}
