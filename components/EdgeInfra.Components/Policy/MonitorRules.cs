using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.AzureNative.OperationalInsights;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;
using static EdgeInfra.Components.Policy.PolicyReferences;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on Azure Monitor: diagnostic settings for every resource that can send them (through
/// <see cref="DiagnosticCoverage"/>), alert rules (<c>azure-native:monitor:ScheduledQueryRule</c>, <c>MetricAlert</c>) and
/// Log Analytics workspaces (<c>azure-native:operationalinsights:Workspace</c>).
/// </summary>
/// <remarks>
/// Unset workspace settings take Azure's defaults: local (shared key) authentication enabled, and the retention of the
/// SKU (30 days for PerGB2018). A deploy-time value fails a rule whose control is off by default; an alert's action
/// group list counts as stated when it is built at deployment.
/// </remarks>
internal static class MonitorRules
{
    private const string Area = "Monitor";

    /// <summary>The fewest days a paid Log Analytics workspace keeps data (30 to 730 days are accepted; only the Free tier keeps 7).</summary>
    public const int MinRetentionInDays = ObservabilityArgs.MinRetentionInDays;

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-MON-001", Area, PolicySeverity.High,
            "Every resource that supports diagnostic settings has one",
            "Azure keeps resource logs nowhere until a diagnostic setting sends them, so a resource without one leaves no audit trail of who used or changed it.",
            ["https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings", "Azure.KeyVault.Logs"],
            graph => DiagnosticCoverage.MissingIn(graph).Select(resource => new PolicyViolation(
                resource,
                $"no diagnostic setting names this {DiagnosticCategories.AzureTypeOf(resource.GetResourceType())} in its resourceUri: send its logs and metrics to the Log Analytics workspace (an Observability component adds a setting to every such resource)"))),
        new(
            "EI-MON-002", Area, PolicySeverity.Medium,
            "Alert rules notify an action group",
            "An alert rule without an action group only changes state in the portal: nobody is told that origins reject requests or certificates are about to expire.",
            ["https://learn.microsoft.com/azure/azure-monitor/alerts/action-groups"],
            graph => LogAlertsWithoutActions(graph).Concat(MetricAlertsWithoutActions(graph))),
        new(
            "EI-MON-003", Area, PolicySeverity.Medium,
            $"Log Analytics workspaces state a retention of at least {MinRetentionInDays} days",
            "Logs are evidence only while they are kept: retentionInDays must be a deliberate number, at least 30 days (the least a paid workspace accepts), not the SKU's default.",
            ["log-analytics-retention", "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/log_analytics_workspace"],
            Each<Workspace, WorkspaceArgs>(RetentionProblem, "retentionInDays")),
        new(
            "EI-MON-004", Area, PolicySeverity.Medium,
            "Log Analytics workspaces disable local authentication",
            "With local authentication on, anyone holding the workspace's shared key can write or read logs without Entra ID or RBAC; it is on unless features.disableLocalAuth is true.",
            ["https://learn.microsoft.com/azure/azure-monitor/logs/azure-ad-authentication-logs"],
            Each<Workspace, WorkspaceArgs>((graph, workspace) =>
                graph.ValueOf(Plain(workspace.Features)?.DisableLocalAuth) is var disabled && !disabled.Is(true)
                    ? $"features.disableLocalAuth is {ShowOr(disabled, "shared keys are accepted")}: set it to true"
                    : null,
                "features.disableLocalAuth")),
    ];

    private static IEnumerable<PolicyViolation> LogAlertsWithoutActions(StackGraph graph) =>
        from alert in graph.ResourcesOf<ScheduledQueryRule>()
        let actions = Plain(graph.InputsOf<ScheduledQueryRuleArgs>(alert).Actions)
        where HasItems(actions?.ActionGroups) is false
        select new PolicyViolation(alert, "actions.actionGroups is empty or unset: name an action group whose receivers act on the alert", "actions.actionGroups");

    private static IEnumerable<PolicyViolation> MetricAlertsWithoutActions(StackGraph graph)
    {
        foreach (var alert in graph.ResourcesOf<MetricAlert>())
        {
            var actions = graph.InputsOf<MetricAlertArgs>(alert).Actions;

            // A list or an item built at deployment counts as stated; a plain item must name its action group.
            var stated = HasItems(actions) switch
            {
                null => true,
                false => false,
                true => actions!.Any(item => !item.TryGetValue(out var action) || !graph.ValueOf(action.ActionGroupId).IsUnset),
            };
            if (!stated)
            {
                yield return new PolicyViolation(alert, "actions names no actionGroupId: name an action group whose receivers act on the alert", "actions");
            }
        }
    }

    private static IEnumerable<string> RetentionProblem(StackGraph graph, WorkspaceArgs workspace)
    {
        var sku = graph.ValueOf(Plain(workspace.Sku)?.Name);
        if (IsText(sku, "Free"))
        {
            yield return "sku.name is 'Free', which keeps data 7 days and cannot keep it longer: use 'PerGB2018'";
        }

        var days = graph.ValueOf(workspace.RetentionInDays);
        if (!days.IsKnown || days.Value < MinRetentionInDays)
        {
            yield return $"retentionInDays is {Show(days)}: state a retention of at least {MinRetentionInDays} days (longer where logs are audit evidence)";
        }
    }
}
