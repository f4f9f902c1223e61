using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.AzureNative.KeyVault.Inputs;
using EdgeInfra.AzureNative.ManagedIdentity;
using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.AzureNative.Monitor.Inputs;
using EdgeInfra.AzureNative.OperationalInsights;
using EdgeInfra.AzureNative.OperationalInsights.Inputs;
using static EdgeInfra.Components.Tests.Policy.DataRuleFixtureResources;
using KeyVaultSku = EdgeInfra.AzureNative.KeyVault.Inputs.SkuArgs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>MonitorRules</c>.</summary>
internal static class MonitorRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-MON-001", "a vault with a diagnostic setting", true, () => Diagnose(KeyVault().Id)),
        new("EI-MON-001", "a resource of a type without diagnostic settings", true, () => _ = new UserAssignedIdentity("identity", new UserAssignedIdentityArgs { ResourceGroupName = ResourceGroupName, Location = Location })),
        new("EI-MON-001", "a vault without a diagnostic setting", false, () => KeyVault()),
        new("EI-MON-001", "a workspace whose diagnostic setting targets another resource", false, () =>
        {
            _ = Workspace(90, disableLocalAuth: true);
            Diagnose(KeyVault().Id);
        }),

        new("EI-MON-002", "a log alert that notifies an action group", true, () => LogAlert(Actions())),
        new("EI-MON-002", "a metric alert that notifies an action group", true, () => MetricAlert([new MetricAlertActionArgs { ActionGroupId = ActionGroup().Id }])),
        new("EI-MON-002", "a log alert without actions", false, () => LogAlert(null)),
        new("EI-MON-002", "a log alert with an empty action group list", false, () => LogAlert(new ActionsArgs { ActionGroups = new InputList<string>() })),
        new("EI-MON-002", "a metric alert without actions", false, () => MetricAlert(null)),

        new("EI-MON-003", "a workspace that keeps data 90 days", true, () => Workspace(90, disableLocalAuth: true)),
        new("EI-MON-003", "a workspace that keeps data 30 days", true, () => Workspace(30, disableLocalAuth: true)),
        new("EI-MON-003", "a workspace that leaves retention to its SKU", false, () => Workspace(null, disableLocalAuth: true)),
        new("EI-MON-003", "a Free workspace", false, () => Workspace(30, disableLocalAuth: true, sku: "Free")),

        new("EI-MON-004", "a workspace with local authentication disabled", true, () => Workspace(90, disableLocalAuth: true)),
        new("EI-MON-004", "a workspace that leaves local authentication on", false, () => Workspace(90, disableLocalAuth: null)),
        new("EI-MON-004", "a workspace that enables local authentication", false, () => Workspace(90, disableLocalAuth: false)),
    ];

    private static Vault KeyVault() =>
        new("vault", new VaultArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = Location,
            VaultName = "kv-fixture",
            Properties = new VaultPropertiesArgs
            {
                TenantId = TenantId,
                Sku = new KeyVaultSku { Family = "A", Name = SkuName.Standard },
                EnableRbacAuthorization = true,
            },
        });

    private static void Diagnose(Input<string> resourceUri) =>
        _ = new DiagnosticSetting("diag", new DiagnosticSettingArgs
        {
            Name = "fixture-diagnostics",
            ResourceUri = resourceUri,
            WorkspaceId = WorkspaceId,
            Logs = [new DiagnosticsLogSettingsArgs { CategoryGroup = "allLogs", Enabled = true }],
            Metrics = [new DiagnosticsMetricSettingsArgs { Category = "AllMetrics", Enabled = true }],
        });

    private static Workspace Workspace(int? retentionInDays, bool? disableLocalAuth, string sku = "PerGB2018") =>
        new("workspace", new WorkspaceArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = Location,
            Sku = new WorkspaceSkuArgs { Name = sku },
            RetentionInDays = retentionInDays is { } days ? days : null,
            Features = new WorkspaceFeaturesArgs { DisableLocalAuth = disableLocalAuth is { } disabled ? disabled : null },
        });

    private static ActionGroup ActionGroup() =>
        new("alerts", new ActionGroupArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = "Global",
            GroupShortName = "fixture",
            Enabled = true,
            EmailReceivers = [new MicrosoftCommonEmailReceiverArgs { Name = "email-1", EmailAddress = "oncall@example.com", UseCommonAlertSchema = true }],
        });

    private static ActionsArgs Actions() => new() { ActionGroups = [ActionGroup().Id] };

    private static void LogAlert(ActionsArgs? actions) =>
        _ = new ScheduledQueryRule("alert", new ScheduledQueryRuleArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = Location,
            Kind = "LogAlert",
            DisplayName = "Fixture alert",
            Severity = 2,
            Enabled = true,
            Scopes = [WorkspaceId],
            EvaluationFrequency = "PT5M",
            WindowSize = "PT5M",
            Criteria = new ScheduledQueryRuleCriteriaArgs
            {
                AllOf =
                [
                    new ConditionArgs
                    {
                        Query = "Syslog | where SyslogMessage has 'fixture'",
                        TimeAggregation = "Count",
                        Operator = "GreaterThanOrEqual",
                        Threshold = 1,
                        FailingPeriods = new ConditionFailingPeriodsArgs { NumberOfEvaluationPeriods = 1, MinFailingPeriodsToAlert = 1 },
                    },
                ],
            },
            Actions = actions is null ? null : (Input<ActionsArgs>)actions,
        });

    private static void MetricAlert(InputList<MetricAlertActionArgs>? actions) =>
        _ = new MetricAlert("metric-alert", new MetricAlertArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = "global",
            Description = "Fixture metric alert.",
            Enabled = true,
            Severity = 2,
            Scopes = [WorkspaceId],
            EvaluationFrequency = "PT5M",
            WindowSize = "PT15M",
            Criteria = new MetricAlertSingleResourceMultipleMetricCriteriaArgs
            {
                AllOf =
                [
                    new MetricCriteriaArgs
                    {
                        Name = "ingestion",
                        MetricName = "Heartbeat",
                        Operator = "LessThan",
                        Threshold = 1,
                        TimeAggregation = "Count",
                    },
                ],
            },
            Actions = actions,
        });
}
