using System.Text.Json;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.Components.Policy;
using EdgeInfra.Policy;
using EdgeInfra.Testing;
using EdgeInfra.TestSupport;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>The pack's reports: what counts, what is suppressed and why, and the SARIF GitHub code scanning reads.</summary>
public sealed class PolicyReportTests
{
    private const string Justification = "A build agent image: it is rebuilt nightly from a hardened template and never exposed.";

    /// <summary>The pack's two rules these fixtures are about, so that rules added elsewhere do not change the counts.</summary>
    private static readonly PolicyPack Pack = new(EdgeInfraPolicies.Pack.Name, EdgeInfraPolicies.Pack.Version, EdgeInfraPolicies.Pack.Rules.Where(r => r.Id is "EI-VM-001" or "EI-VM-002"));

    /// <summary>Two VMs that allow passwords and leave encryption at host unset; the second is suppressed for EI-VM-001 through its component.</summary>
    private static PolicyReport Report() => Pack.Evaluate(Deployment.Build(() => new LambdaStack(() =>
    {
        Vm("web", null);
        var agents = new ComponentResource("fixture:index:Agents", "agents");
        agents.SuppressPolicy("EI-VM-001", Justification);
        Vm("agent", agents);
    }), ComponentHarness.Settings()));

    private static void Vm(string name, ComponentResource? parent) => _ = new VirtualMachine(name, new VirtualMachineArgs
    {
        ResourceGroupName = "rg-fixture",
        Location = "westeurope",
        OsProfile = new OSProfileArgs { ComputerName = name, AdminUsername = "fixture", LinuxConfiguration = new LinuxConfigurationArgs { DisablePasswordAuthentication = false } },
    }, new CustomResourceOptions { Parent = parent });

    [Fact]
    public void A_suppression_covers_what_is_inside_its_component_and_keeps_its_justification()
    {
        var report = Report();

        var vm001 = report.Findings.Where(f => f.Rule.Id == "EI-VM-001").ToList();
        Assert.Equal(["agents-agent", "web"], vm001.Select(f => f.Violation.Resource.LogicalName).Order(StringComparer.Ordinal));
        var suppressed = Assert.Single(vm001, f => f.IsSuppressed);
        Assert.Equal("agents-agent", suppressed.Violation.Resource.LogicalName);
        Assert.Equal(Justification, suppressed.Suppression!.Justification);
        Assert.Equal("agents", suppressed.ComponentPath);
        Assert.Equal(3, report.Unsuppressed.Count());
        Assert.True(report.Fails(PolicySeverity.High));
        Assert.False(report.Fails(PolicySeverity.Critical));
    }

    [Fact]
    public void A_suppression_needs_a_justification_and_a_rule_the_pack_has()
    {
        var error = Assert.Throws<SynthesisException>(() => Deployment.Build(() => new LambdaStack(() => new ComponentResource("fixture:index:Agents", "agents").SuppressPolicy("EI-VM-001", "because")), ComponentHarness.Settings()));
        Assert.StartsWith("Suppressing EI-VM-001 on agents needs a justification of at least 20 characters", Assert.Single(error.Errors).Message, StringComparison.Ordinal);

        var graph = Deployment.Build(() => new LambdaStack(() => new ComponentResource("fixture:index:Agents", "agents").SuppressPolicy("EI-XX-999", Justification)), ComponentHarness.Settings());
        var unknown = Assert.Throws<ArgumentException>(() => EdgeInfraPolicies.Pack.Evaluate(graph));
        Assert.StartsWith("agents suppresses EI-XX-999, which pack EdgeInfra policy pack does not have.", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sarif_report_passes_the_sarif_multitool_with_githubs_rules()
    {
        var sarif = PolicySarifRenderer.Render(Report(), "Pulumi.test.yaml");

        Assert.Empty(SarifMultitool.Problems(sarif));
        using var log = JsonDocument.Parse(sarif);
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(2, rules.Count);
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.Matches(@"^\d+\.\d$", rule.GetProperty("properties").GetProperty("security-severity").GetString());
        });
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        var suppressed = Assert.Single(results, r => r.TryGetProperty("suppressions", out _));
        Assert.Equal(Justification, suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString());
        Assert.Equal("agents/agents-agent", suppressed.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal(4, results.Select(r => r.GetProperty("partialFingerprints").GetProperty("edgeInfraFinding/v1").GetString()).Distinct().Count());
        Assert.All(results, r => Assert.Equal(rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), r.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public void The_markdown_report_lists_what_counts_and_what_is_suppressed_with_its_reason()
    {
        var markdown = PolicyMarkdownRenderer.Render(Report());

        Assert.StartsWith("### Policy check of stack `test`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**3 findings**, 1 suppressed with a justification.", markdown, StringComparison.Ordinal);
        Assert.Contains("| high | EI-VM-001 Linux VMs refuse password authentication | `web` | osProfile.linuxConfiguration.disablePasswordAuthentication is false: set it to true and give an SSH key |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| EI-VM-001 Linux VMs refuse password authentication | `agents-agent` | {Justification} |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_report_ends_with_the_totals()
    {
        var text = PolicyTextRenderer.Render(Report());

        Assert.Contains("  high EI-VM-001 web: osProfile.linuxConfiguration.disablePasswordAuthentication is false", text, StringComparison.Ordinal);
        Assert.Contains($"  suppressed high EI-VM-001 agents-agent: ", text, StringComparison.Ordinal);
        Assert.Contains($"      justification: {Justification}\n", text, StringComparison.Ordinal);
        Assert.EndsWith("3 findings, 1 suppressed with a justification\n", text, StringComparison.Ordinal);
    }
}
