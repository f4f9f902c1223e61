using EdgeInfra.Policy;
using EdgeInfra.Testing;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Policy;

/// <summary>
/// <c>check</c>: a pack of two rules (a low one that finds every resource group, a critical one that finds groups
/// outside westeurope) on a stack whose location comes from config.
/// </summary>
public sealed class CheckVerbTests : IDisposable
{
    private static readonly PolicyRule EveryGroup = new(
        "EI-TEST-001", "Tests", PolicySeverity.Low, "Every group is noted", "A rule that finds every resource group.", ["https://example.com/every-group"],
        graph => graph.CustomResources.Select(r => new PolicyViolation(r, "is a resource group")));

    private static readonly PolicyRule OnlyWestEurope = new(
        "EI-TEST-002", "Tests", PolicySeverity.Critical, "Groups stay in westeurope", "A rule that reads a config value through the typed reader.", ["CKV_TEST_2"],
        graph => graph.CustomResources
            .Select(r => (Resource: r, Location: graph.ValueOf(((PropertyMap)r.Args)["location"] is ConfigValue<string> location ? (Input<string>)location : null)))
            .Where(p => !p.Location.Is("westeurope"))
            .Select(p => new PolicyViolation(p.Resource, $"location is {(p.Location.IsKnown ? p.Location.Value : "not known")}", "location")));

    private readonly string _project = Directory.CreateTempSubdirectory("edgeinfra-check-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public CheckVerbTests()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "name: proj\nruntime: yaml\n");
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), "config:\n  proj:location: westeurope\n");
        File.WriteAllText(Path.Combine(_project, "Pulumi.prod.yaml"), "config:\n  proj:location: northeurope\n");
    }

    public void Dispose()
    {
        Directory.Delete(_project, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private int Run(PolicyPack? pack, bool suppress, params string[] args) => StackRunner.Run(
        args,
        () => new LambdaStack(() =>
        {
            var group = Group("rg", new PropertyMap { ["location"] = new Config().Require("location") });
            if (suppress)
            {
                group.SuppressPolicy("EI-TEST-001", "Resource groups are expected here: the rule is only a tracer.");
            }
        }),
        new RunnerEnvironment(_ => null, _project, Packages, _out, _err) { Policies = pack });

    private static PolicyPack Pack() => new("test pack", "0.1.0", [OnlyWestEurope, EveryGroup]);

    [Fact]
    public void A_finding_that_counts_fails_the_check_and_the_report_names_it()
    {
        Assert.Equal(1, Run(Pack(), false, "check", "--stack", "dev"));
        Assert.Equal(
            "Policy pack test pack 0.1.0: 2 rules on stack dev (1 resources)\n  low EI-TEST-001 rg: is a resource group\n1 finding, 0 suppressed with a justification\n",
            _out.ToString());
    }

    [Fact]
    public void A_suppressed_finding_is_reported_with_its_justification_and_passes()
    {
        Assert.Equal(0, Run(Pack(), true, "check", "--stack", "dev"));
        Assert.Contains("  suppressed low EI-TEST-001 rg: is a resource group\n      justification: Resource groups are expected here: the rule is only a tracer.\n", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_sets_the_severity_that_fails_and_config_values_are_read_by_the_rules()
    {
        Assert.Equal(0, Run(Pack(), false, "check", "--stack", "dev", "--fail-on", "medium"));
        Assert.Equal(1, Run(Pack(), false, "check", "--stack", "prod", "--fail-on", "critical"));
        Assert.Contains("critical EI-TEST-002 rg: location is northeurope", _out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "html", "error: --format 'html' is not a report format: use text, markdown or sarif.")]
    [InlineData("--fail-on", "severe", "error: --fail-on 'severe' is not a severity: use low, medium, high or critical.")]
    [InlineData("--fail-on", "1", "error: --fail-on '1' is not a severity: use low, medium, high or critical.")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        Assert.Equal(2, Run(Pack(), false, "check", "--stack", "dev", option, value));
        Assert.Equal(message + "\n", _err.ToString());
        Assert.Equal(string.Empty, _out.ToString());
    }

    [Fact]
    public void A_program_without_a_pack_or_a_stack_is_a_usage_error()
    {
        Assert.Equal(2, Run(null, false, "check", "--stack", "dev"));
        Assert.Contains("has no policy pack", _err.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, Run(Pack(), false, "check"));
        Assert.Contains("check needs a stack", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_and_markdown_go_to_out_files()
    {
        var sarif = Path.Combine(_project, "check.sarif");
        Assert.Equal(1, Run(Pack(), false, "check", "--stack", "prod", "--format", "sarif", "--out", sarif));
        var text = File.ReadAllText(sarif);
        Assert.Contains("\"uri\": \"Pulumi.prod.yaml\"", text, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"EI-TEST-002\"", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _out.ToString());

        Assert.Equal(0, Run(Pack(), true, "check", "--stack", "dev", "--format", "markdown"));
        Assert.StartsWith("### Policy check of stack `dev`\n\ntest pack 0.1.0, 2 rules, 1 resources: **no finding**, 1 suppressed with a justification.\n", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_ids_and_anchors_are_checked_when_a_rule_is_made()
    {
        var id = Assert.Throws<ArgumentException>(() => new PolicyRule("VM-1", "Tests", PolicySeverity.Low, "t", "r", ["CKV_AZURE_1"], _ => []));
        Assert.StartsWith("'VM-1' is not a rule id: EI- followed by an area and a number, e.g. EI-VM-001.", id.Message, StringComparison.Ordinal);
        var anchors = Assert.Throws<ArgumentException>(() => new PolicyRule("EI-VM-999", "Tests", PolicySeverity.Low, "t", "r", [], _ => []));
        Assert.StartsWith("Rule EI-VM-999 names no scanner rule or document it follows.", anchors.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => new PolicyPack("p", "1", [EveryGroup, EveryGroup]));
        Assert.StartsWith("Rule id EI-TEST-001 is used by 2 rules of pack p.", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_of_a_rule_the_pack_lacks_fails_the_check_with_the_resource_and_the_rule()
    {
        Assert.Equal(1, Run(new PolicyPack("test pack", "0.1.0", [OnlyWestEurope]), true, "check", "--stack", "dev"));

        Assert.StartsWith("error: rg suppresses EI-TEST-001, which pack test pack does not have.", _err.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _out.ToString());
    }

    [Fact]
    public void A_rule_that_throws_is_a_bug_and_is_not_reported_as_the_user_s_error()
    {
        var broken = new PolicyRule(
            "EI-TEST-003", "Tests", PolicySeverity.Low, "A broken rule", "A rule with a bug.", ["https://example.com/broken"],
            _ => throw new ArgumentException("An item with the same key has already been added."));

        Assert.Throws<ArgumentException>(() => Run(new PolicyPack("test pack", "0.1.0", [broken]), false, "check", "--stack", "dev"));
    }
}
