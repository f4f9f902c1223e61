using System.Collections.Immutable;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Monitoring;
using static EdgeInfra.Components.Tests.Azure.Monitoring.MonitoringFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;

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
    public void Defaults_alert_at_severity_2_on_10_rejections_in_5_minutes_without_an_action_group()
    {
        var program = SynthConforming(() => new Observability("obs", DefaultArgs()));
        var alert = Block(program, "obs-origin-auth-failed");
        Assert.Contains("      severity: 2.0\n", alert);
        Assert.Contains("      kind: \"LogAlert\"\n", alert);
        Assert.Contains("      windowSize: \"PT5M\"\n", alert);
        Assert.Contains("      evaluationFrequency: \"PT5M\"\n", alert);
        Assert.Contains("            threshold: 10.0\n", alert);
        Assert.Contains("            operator: \"GreaterThanOrEqual\"\n", alert);
        Assert.Contains("            timeAggregation: \"Count\"\n", alert);
        Assert.Contains("        - \"${obs-workspace.id}\"\n", alert);
        Assert.Contains("edge-origin-auth-failed", alert);
        Assert.DoesNotContain("actions:", alert);
        Assert.DoesNotContain("obs-alerts:", program);
    }

    [Fact]
    public void Defaults_alert_at_severity_2_when_an_origin_logged_a_certificate_close_to_expiry_within_the_hour()
    {
        var program = SynthConforming(() => new Observability("obs", DefaultArgs()));
        var alert = Block(program, "obs-origin-certificate-expiring");
        Assert.Contains("      severity: 2.0\n", alert);
        Assert.Contains("      kind: \"LogAlert\"\n", alert);
        Assert.Contains("      windowSize: \"PT1H\"\n", alert);
        Assert.Contains("      evaluationFrequency: \"PT15M\"\n", alert);
        Assert.Contains("      autoMitigate: true\n", alert);
        Assert.Contains("            threshold: 1.0\n", alert);
        Assert.Contains("            operator: \"GreaterThanOrEqual\"\n", alert);
        Assert.Contains("            timeAggregation: \"Count\"\n", alert);
        Assert.Contains("        - \"${obs-workspace.id}\"\n", alert);
        Assert.Contains("(Syslog | where ProcessName == \"edge-origin-certificate-expiring\"", alert);
        Assert.Contains("(Event | where Source == \"edge-origin-certificate-expiring\"", alert);
        Assert.Contains("summarize arg_max(TimeGenerated, _ResourceId) by Computer", alert);
        Assert.DoesNotContain("actions:", alert);
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
    public void Defaults_send_the_workspace_own_diagnostics_to_itself_through_the_stack_pass()
    {
        var program = SynthConforming(() => new Observability("obs", DefaultArgs()));
        var diagnostics = Block(program, "obs-workspace-diag");
        Assert.Contains("      resourceUri: \"${obs-workspace.id}\"\n", diagnostics);
        Assert.Contains("      workspaceId: \"${obs-workspace.id}\"\n", diagnostics);
        Assert.Contains("        - categoryGroup: \"allLogs\"\n", diagnostics);
        Assert.Contains("        - category: \"AllMetrics\"\n", diagnostics);
    }

    [Fact]
    public void The_data_collection_rule_sends_syslog_windows_events_and_performance_counters_to_the_workspace()
    {
        var program = SynthConforming(() => new Observability("obs", DefaultArgs()));
        var rule = Block(program, "obs-dcr");
        Assert.Contains("""
                  dataFlows:
                    - destinations:
                        - "workspace"
                      streams:
                        - "Microsoft-Syslog"
                        - "Microsoft-Event"
                        - "Microsoft-Perf"
            """, rule);
        Assert.Contains("""
                  destinations:
                    logAnalytics:
                      - name: "workspace"
                        workspaceResourceId: "${obs-workspace.id}"
            """, rule);
        Assert.Contains("          - \"local0\"\n", rule);
        Assert.Contains("          - \"Warning\"\n", rule);
        Assert.DoesNotContain("\"Info\"", rule);
        Assert.Contains("Application!*[System[(Level=1 or Level=2 or Level=3)]]", rule);
        Assert.Contains("name: \"perfCountersLinux\"", rule);
        Assert.Contains("name: \"perfCountersWindows\"", rule);
    }

    [Fact]
    public void A_full_configuration_locks_closes_and_alerts_by_email()
    {
        var program = SynthConforming(() => new Observability("obs", FullArgs()));
        var workspace = Block(program, "obs-workspace");
        Assert.Contains("      retentionInDays: 90\n", workspace);
        Assert.Contains("      publicNetworkAccessForIngestion: \"Disabled\"\n", workspace);
        Assert.Contains("      publicNetworkAccessForQuery: \"Disabled\"\n", workspace);
        Assert.Contains("        env: \"prod\"\n", workspace);
        Assert.Contains("      protect: true\n      retainOnDelete: true\n", workspace);

        Assert.Contains("""
                  emailReceivers:
                    - emailAddress: "oncall@example.com"
                      name: "email-1"
                      useCommonAlertSchema: true
                    - emailAddress: "edge-team@example.org"
                      name: "email-2"
                      useCommonAlertSchema: true
                  enabled: true
                  groupShortName: "edge-alerts"
                  location: "Global"
            """, Block(program, "obs-alerts"));

        var alert = Block(program, "obs-origin-auth-failed");
        Assert.Contains("      actions:\n        actionGroups:\n          - \"${obs-alerts.id}\"\n", alert);
        Assert.Contains("      windowSize: \"PT1H\"\n", alert);
        Assert.Contains("            threshold: 25.0\n", alert);
        Assert.Contains("      actions:\n        actionGroups:\n          - \"${obs-alerts.id}\"\n", Block(program, "obs-origin-certificate-expiring"));

        var diagnostics = Block(program, "obs-workspace-diag");
        Assert.Contains("      workspaceId: \"/subscriptions/sub-1/resourceGroups/central/providers/Microsoft.OperationalInsights/workspaces/central\"\n", diagnostics);
        Assert.Equal(1, CountOccurrences(program, "      resourceUri: \"${obs-workspace.id}\"\n"));

        var role = Block(program, "obs-workspace-readers");
        Assert.Contains("      principalType: \"Group\"\n", role);
        Assert.Contains("      scope: \"${obs-workspace.id}\"\n", role);
    }

    [Theory]
    [InlineData(1, "PT1M", "PT1M")]
    [InlineData(45, "PT45M", "PT5M")]
    [InlineData(120, "PT2H", "PT5M")]
    [InlineData(1440, "P1D", "PT5M")]
    [InlineData(2880, "P2D", "PT5M")]
    public void The_window_is_stated_as_an_ISO_duration_and_evaluated_at_most_every_5_minutes(int minutes, string window, string frequency)
    {
        var program = Synth(() => new Observability("obs", new ObservabilityArgs { ResourceGroupName = ResourceGroup, Location = Location, OriginAuthFailureWindowMinutes = minutes }));
        var alert = Block(program, "obs-origin-auth-failed");
        Assert.Contains($"      windowSize: \"{window}\"\n", alert);
        Assert.Contains($"      evaluationFrequency: \"{frequency}\"\n", alert);
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

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
