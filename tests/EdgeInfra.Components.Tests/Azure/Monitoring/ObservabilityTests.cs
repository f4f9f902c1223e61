using System.Collections.Immutable;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Monitoring;
using static EdgeInfra.Components.Tests.Azure.Monitoring.MonitoringFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

public sealed class ObservabilityTests
{
    private const string Subject = "component 'obs' (edgeinfra:azure:Observability)";

    private static string Block(string program, string logicalName)
    {
        var start = program.IndexOf($"\n  {logicalName}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no resource '{logicalName}' in\n{program}");
        var end = program.IndexOf("\n  ", start + logicalName.Length + 4, StringComparison.Ordinal);
        while (end >= 0 && program[end + 3] == ' ')
        {
            end = program.IndexOf("\n  ", end + 1, StringComparison.Ordinal);
        }

        return end < 0 ? program[start..] : program[start..end];
    }

    [Fact]
    public void Defaults_state_a_locked_down_PerGB2018_workspace_with_30_days_retention()
    {
        var program = SynthConforming(() => new Observability("obs", DefaultArgs()));
        Assert.Equal("""

              obs-workspace:
                type: "azure-native:operationalinsights:Workspace"
                properties:
                  features:
                    disableLocalAuth: true
                    enableLogAccessUsingOnlyResourcePermissions: true
                  location: "westeurope"
                  publicNetworkAccessForIngestion: "Enabled"
                  publicNetworkAccessForQuery: "Enabled"
                  resourceGroupName: "rg-edge"
                  retentionInDays: 30
                  sku:
                    name: "PerGB2018"
                  tags:
                    managedBy: "edge-infra"
                options:
                  version: "3.28.0"
            """, Block(program, "obs-workspace"));
    }

    [Fact]
    public async Task Defaults_alert_at_severity_2_on_10_rejections_in_5_minutes_without_an_action_group()
    {
        static void Build() => _ = new Observability("obs", DefaultArgs());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var alert = result.Resource("obs-origin-auth-failed").Inputs;
        Assert.Equal(2.0, alert["severity"]);
        Assert.Equal("LogAlert", alert["kind"]);
        Assert.Equal("PT5M", alert["windowSize"]);
        Assert.Equal("PT5M", alert["evaluationFrequency"]);
        var criterion = Criterion(alert);
        Assert.Equal(10.0, criterion["threshold"]);
        Assert.Equal("GreaterThanOrEqual", criterion["operator"]);
        Assert.Equal("Count", criterion["timeAggregation"]);
        Assert.Equal([result.Resource("obs-workspace").Id], AsList(alert["scopes"]));
        Assert.Contains("edge-origin-auth-failed", (string)criterion["query"]!, StringComparison.Ordinal);
        Assert.False(alert.ContainsKey("actions"));
        Assert.DoesNotContain(result.Resources, r => r.LogicalName == "obs-alerts");
    }

    [Fact]
    public async Task Defaults_alert_at_severity_2_when_an_origin_logged_a_certificate_close_to_expiry_within_the_hour()
    {
        static void Build() => _ = new Observability("obs", DefaultArgs());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var alert = result.Resource("obs-origin-certificate-expiring").Inputs;
        Assert.Equal(2.0, alert["severity"]);
        Assert.Equal("LogAlert", alert["kind"]);
        Assert.Equal("PT1H", alert["windowSize"]);
        Assert.Equal("PT15M", alert["evaluationFrequency"]);
        Assert.Equal(true, alert["autoMitigate"]);
        var criterion = Criterion(alert);
        Assert.Equal(1.0, criterion["threshold"]);
        Assert.Equal("GreaterThanOrEqual", criterion["operator"]);
        Assert.Equal("Count", criterion["timeAggregation"]);
        Assert.Equal([result.Resource("obs-workspace").Id], AsList(alert["scopes"]));
        var query = (string)criterion["query"]!;
        Assert.Contains("(Syslog | where ProcessName == \"edge-origin-certificate-expiring\"", query, StringComparison.Ordinal);
        Assert.Contains("(Event | where Source == \"edge-origin-certificate-expiring\"", query, StringComparison.Ordinal);
        Assert.Contains("summarize arg_max(TimeGenerated, _ResourceId) by Computer", query, StringComparison.Ordinal);
        Assert.False(alert.ContainsKey("actions"));
    }

    [Fact]
    public void The_origin_scripts_log_what_the_certificate_alert_reads()
    {
        Assert.Equal(OriginCertificateExpiry.Tag, EdgeInfra.Components.Azure.Compute.OriginBootSettings.CertificateExpiringTag);
        Assert.Contains(OriginCertificateExpiry.Tag, EdgeInfra.Components.Azure.Compute.LinuxCertificateExpiryCheck.Text, StringComparison.Ordinal);
        Assert.Contains("-checkend 604800 ", EdgeInfra.Components.Azure.Compute.LinuxCertificateExpiryCheck.Text, StringComparison.Ordinal);
        Assert.Contains("logger -p local0.warning -t edge-origin-certificate-expiring", EdgeInfra.Components.Azure.Compute.LinuxCertificateExpiryCheck.Text, StringComparison.Ordinal);
        Assert.Contains("local0", OriginAuthFailures.SyslogFacilities);
        Assert.Contains("Warning", OriginAuthFailures.SyslogLevels);
    }

    [Fact]
    public async Task Defaults_send_the_workspace_own_diagnostics_to_itself_through_the_stack_pass()
    {
        static void Build() => _ = new Observability("obs", DefaultArgs());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var workspaceId = result.Resource("obs-workspace").Id;
        var diagnostics = result.Resource("obs-workspace-diag").Inputs;
        Assert.Equal(workspaceId, diagnostics["resourceUri"]);
        Assert.Equal(workspaceId, diagnostics["workspaceId"]);
        Assert.Contains(AsObjects(diagnostics["logs"]), log => Equals(log["categoryGroup"], "allLogs"));
        Assert.Contains(AsObjects(diagnostics["metrics"]), metric => Equals(metric["category"], "AllMetrics"));
    }

    [Fact]
    public async Task The_data_collection_rule_sends_syslog_windows_events_and_performance_counters_to_the_workspace()
    {
        static void Build() => _ = new Observability("obs", DefaultArgs());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var rule = result.Resource("obs-dcr").Inputs;
        var flow = Assert.Single(AsObjects(rule["dataFlows"]));
        Assert.Equal(["workspace"], AsList(flow["destinations"]));
        Assert.Equal(["Microsoft-Syslog", "Microsoft-Event", "Microsoft-Perf"], AsList(flow["streams"]));

        var destination = Assert.Single(AsObjects(AsObject(rule["destinations"])["logAnalytics"]));
        Assert.Equal("workspace", destination["name"]);
        Assert.Equal(result.Resource("obs-workspace").Id, destination["workspaceResourceId"]);

        var sources = AsObject(rule["dataSources"]);
        var syslog = Assert.Single(AsObjects(sources["syslog"]));
        Assert.Contains("local0", AsList(syslog["facilityNames"]));
        Assert.Contains("Warning", AsList(syslog["logLevels"]));
        Assert.DoesNotContain("Info", StringsIn(rule));
        Assert.Contains("Application!*[System[(Level=1 or Level=2 or Level=3)]]", AsList(Assert.Single(AsObjects(sources["windowsEventLogs"]))["xPathQueries"]));
        Assert.Contains(AsObjects(sources["performanceCounters"]), counters => Equals(counters["name"], "perfCountersLinux"));
        Assert.Contains(AsObjects(sources["performanceCounters"]), counters => Equals(counters["name"], "perfCountersWindows"));
    }

    [Fact]
    public async Task A_full_configuration_locks_closes_and_alerts_by_email()
    {
        static void Build() => _ = new Observability("obs", FullArgs());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var workspace = result.Resource("obs-workspace");
        Assert.Equal(90L, workspace.Inputs["retentionInDays"]);
        Assert.Equal("Disabled", workspace.Inputs["publicNetworkAccessForIngestion"]);
        Assert.Equal("Disabled", workspace.Inputs["publicNetworkAccessForQuery"]);
        Assert.Equal("prod", AsObject(workspace.Inputs["tags"])["env"]);
        Assert.True(workspace.Options.Protect);
        Assert.True(workspace.Options.RetainOnDelete);

        var group = result.Resource("obs-alerts").Inputs;
        AssertTree(
            new[]
            {
                Obj(("emailAddress", "oncall@example.com"), ("name", "email-1"), ("useCommonAlertSchema", true)),
                Obj(("emailAddress", "edge-team@example.org"), ("name", "email-2"), ("useCommonAlertSchema", true)),
            },
            group["emailReceivers"]);
        Assert.Equal(true, group["enabled"]);
        Assert.Equal("edge-alerts", group["groupShortName"]);
        Assert.Equal("Global", group["location"]);

        var actionGroupId = result.Resource("obs-alerts").Id;
        var alert = result.Resource("obs-origin-auth-failed").Inputs;
        Assert.Equal([actionGroupId], AsList(AsObject(alert["actions"])["actionGroups"]));
        Assert.Equal("PT1H", alert["windowSize"]);
        Assert.Equal(25.0, Criterion(alert)["threshold"]);
        var certificateAlert = result.Resource("obs-origin-certificate-expiring").Inputs;
        Assert.Equal([actionGroupId], AsList(AsObject(certificateAlert["actions"])["actionGroups"]));

        Assert.Equal(
            "/subscriptions/sub-1/resourceGroups/central/providers/Microsoft.OperationalInsights/workspaces/central",
            result.Resource("obs-workspace-diag").Inputs["workspaceId"]);
        Assert.Single(result.Resources, r => Equals(r.Inputs.GetValueOrDefault("resourceUri"), workspace.Id));

        var role = result.Resource("obs-workspace-readers").Inputs;
        Assert.Equal("Group", role["principalType"]);
        Assert.Equal(workspace.Id, role["scope"]);
    }

    [Theory]
    [InlineData(1, "PT1M", "PT1M")]
    [InlineData(45, "PT45M", "PT5M")]
    [InlineData(120, "PT2H", "PT5M")]
    [InlineData(1440, "P1D", "PT5M")]
    [InlineData(2880, "P2D", "PT5M")]
    public async Task The_window_is_stated_as_an_ISO_duration_and_evaluated_at_most_every_5_minutes(int minutes, string window, string frequency)
    {
        var result = await RunAsync(() => new Observability("obs", new ObservabilityArgs { ResourceGroupName = ResourceGroup, Location = Location, OriginAuthFailureWindowMinutes = minutes }));
        var alert = result.Resource("obs-origin-auth-failed").Inputs;
        Assert.Equal(window, alert["windowSize"]);
        Assert.Equal(frequency, alert["evaluationFrequency"]);
    }

    public static TheoryData<Func<ObservabilityArgs>, string, string> InvalidArgs() => new()
    {
        { () => DefaultArgs().With(retention: 29), "retentionInDays", "29 is outside 30..730: a PerGB2018 workspace keeps data 30 to 730 days" },
        { () => DefaultArgs().With(retention: 731), "retentionInDays", "731 is outside 30..730: a PerGB2018 workspace keeps data 30 to 730 days" },
        { () => DefaultArgs().With(threshold: 0), "originAuthFailureThreshold", "0 is outside 1..10000: the alert fires when at least this many rejections are logged in its window" },
        { () => DefaultArgs().With(threshold: 10001), "originAuthFailureThreshold", "10001 is outside 1..10000: the alert fires when at least this many rejections are logged in its window" },
        { () => DefaultArgs().With(window: 7), "originAuthFailureWindowMinutes", "7 is not a log alert window: use one of 1, 5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440, 2880 minutes" },
        { () => DefaultArgs().With(emails: ["oncall"]), "alertEmails[0]", "'oncall' is not an email address: it must read name@domain.tld, without spaces" },
        { () => DefaultArgs().With(emails: ["on call@example.com"]), "alertEmails[0]", "'on call@example.com' is not an email address: it must read name@domain.tld, without spaces" },
        { () => DefaultArgs().With(emails: ["oncall@example"]), "alertEmails[0]", "'oncall@example' is not an email address: it must read name@domain.tld, without spaces" },
        { () => DefaultArgs().With(emails: ["a@example.com", "A@example.com"]), "alertEmails[1]", "'A@example.com' is given twice: each address is one receiver" },
        { () => DefaultArgs().With(diagnostics: new DiagnosticSettingsSpec { WorkspaceId = "ws", LogCategoryGroups = ["allLogs", "everything"] }), "diagnosticSettings.logCategoryGroups[1]", "'everything' is not a log category group: use allLogs or audit" },
        { () => DefaultArgs().With(diagnostics: new DiagnosticSettingsSpec { WorkspaceId = "ws", LogCategoryGroups = [], Metrics = false }), "diagnosticSettings", "sends neither logs nor metrics: Azure rejects a diagnostic setting with nothing to send; give a log category group or keep metrics on" },
    };

    [Theory]
    [MemberData(nameof(InvalidArgs))]
    public void Each_invalid_input_is_named_with_its_value_and_rule(Func<ObservabilityArgs> args, string property, string message)
    {
        var error = Assert.Single(Errors(() => new Observability("obs", args())));
        Assert.Equal(new EdgeInfra.SynthesisError(Subject, property, message), error);
    }

    [Fact]
    public void Every_invalid_input_is_reported_at_once_and_nothing_is_built()
    {
        var args = DefaultArgs().With(retention: 1000, threshold: -1, window: 0, emails: ["x", "ok@example.com", "y@"]);
        var errors = Errors(() => new Observability("obs", args));
        Assert.Equal(["retentionInDays", "originAuthFailureThreshold", "originAuthFailureWindowMinutes", "alertEmails[0]", "alertEmails[2]"], errors.Select(e => e.Property));
        Assert.All(errors, e => Assert.Equal(Subject, e.Subject));
    }

    [Fact]
    public async Task A_run_wires_the_workspace_into_the_rule_the_alert_and_the_outputs()
    {
        Observability? observability = null;
        var result = await RunAsync(() => observability = new Observability("obs", FullArgs()), new WorkspaceMocks());
        Assert.NotNull(observability);
        Assert.Equal("obs-workspace_id", result.Evaluate(observability.WorkspaceId));
        Assert.Equal("obs-workspace", result.Evaluate(observability.WorkspaceName));
        Assert.Equal("obs-workspace-customer-guid", result.Evaluate(observability.WorkspaceCustomerId));
        Assert.Equal("obs-dcr_id", result.Evaluate(observability.DataCollectionRuleId));

        var alert = result.Resource("obs-origin-auth-failed").Inputs;
        Assert.Equal(["obs-workspace_id"], (IEnumerable<object?>)alert["scopes"]!);
        var actions = (ImmutableDictionary<string, object?>)alert["actions"]!;
        Assert.Equal(["obs-alerts_id"], (IEnumerable<object?>)actions["actionGroups"]!);
        Assert.Equal(2.0, Convert.ToDouble(alert["severity"], System.Globalization.CultureInfo.InvariantCulture));

        var destinations = (ImmutableDictionary<string, object?>)result.Resource("obs-dcr").Inputs["destinations"]!;
        var logAnalytics = (ImmutableDictionary<string, object?>)Assert.Single((IEnumerable<object?>)destinations["logAnalytics"]!)!;
        Assert.Equal("obs-workspace_id", logAnalytics["workspaceResourceId"]);
        Assert.Equal("obs-workspace_id", result.Resource("obs-workspace-readers").Inputs["scope"]);
    }

    /// <summary>The single criterion of a log alert's <c>criteria.allOf</c>.</summary>
    private static ImmutableDictionary<string, object?> Criterion(ImmutableDictionary<string, object?> alert) =>
        Assert.Single(AsObjects(AsObject(alert["criteria"])["allOf"]));
}
