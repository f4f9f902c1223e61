using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// The reviewers' workflow, <c>.github/workflows/infrastructure-diff.yml</c>, read as GitHub reads it: its trigger,
/// permissions, pinned actions, the stack program commands it runs (which must exist in the CLI), the hidden marker
/// of its one comment, and the steps that run only with cloud credentials or once the <c>check</c> verb exists.
/// </summary>
public sealed partial class InfrastructureDiffWorkflowTests
{
    private const string Marker = "<!-- edge-infra-diff -->";
    private static readonly string WorkflowPath = Path.Combine(Repository.Root, ".github", "workflows", "infrastructure-diff.yml");
    private readonly YamlMappingNode _workflow = Load();

    private YamlMappingNode Job => (YamlMappingNode)((YamlMappingNode)_workflow["jobs"])["diff"];

    private IReadOnlyList<YamlMappingNode> Steps => [.. ((YamlSequenceNode)Job["steps"]).Children.Cast<YamlMappingNode>()];

    [Fact]
    public void It_runs_on_pull_requests_with_only_the_permissions_it_needs()
    {
        Assert.True(((YamlMappingNode)_workflow["on"]).Children.ContainsKey("pull_request"));
        var permissions = ((YamlMappingNode)_workflow["permissions"]).Children.ToDictionary(p => Text(p.Key), p => Text(p.Value));
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read", ["pull-requests"] = "write", ["security-events"] = "write" }, permissions);
    }

    [Fact]
    public void It_checks_out_the_full_history_and_sets_up_dotnet_10_and_node()
    {
        var checkout = Step("actions/checkout");
        Assert.Equal("0", Text(((YamlMappingNode)checkout["with"])["fetch-depth"]));
        var dotnet = (YamlMappingNode)Step("actions/setup-dotnet")["with"];
        var globalJson = Path.Combine(Repository.Root, Text(dotnet["global-json-file"]));
        using var sdk = JsonDocument.Parse(File.ReadAllText(globalJson));
        Assert.StartsWith("10.", sdk.RootElement.GetProperty("sdk").GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.NotNull(Step("actions/setup-node"));
    }

    [Fact]
    public void Every_action_is_pinned_by_at_least_a_major_version()
    {
        var actions = Steps.Where(s => s.Children.ContainsKey("uses")).Select(s => Text(s["uses"])).ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Matches(PinnedAction(), a));
    }

    [Fact]
    public void It_diffs_every_stack_against_the_target_branch_in_markdown()
    {
        var env = Env(Job);
        Assert.Equal("origin/${{ github.base_ref }}", env["BASE_REF"]);
        var stacks = env["STACKS"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["dev", "prod"], stacks);
        Assert.All(stacks, s => Assert.True(File.Exists(Path.Combine(Repository.Root, $"Pulumi.{s}.yaml")), $"no Pulumi.{s}.yaml"));
        var diff = Assert.Single(Commands(), c => c.Verb == "diff");
        Assert.Contains("--base \"$BASE_REF\"", diff.Line, StringComparison.Ordinal);
        Assert.Contains("--format markdown", diff.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stack_program_commands_it_runs_exist_in_the_cli()
    {
        var usage = StackRunner.Usage.Split('\n');
        var commands = Commands();
        Assert.Contains(commands, c => c.Verb == "check");
        foreach (var command in commands)
        {
            var verbLine = Assert.Single(usage, l => Regex.IsMatch(l, $"^ +{Regex.Escape(command.Verb)} "));
            var verbUsage = string.Join('\n', usage.SkipWhile(l => l != verbLine).Take(2));
            foreach (Match option in Option().Matches(command.Line))
            {
                Assert.True(verbUsage.Contains($"[{option.Value} ", StringComparison.Ordinal) || verbUsage.Contains($"{option.Value} ", StringComparison.Ordinal), $"{command.Verb} has no option {option.Value}");
            }
        }
    }

    [Fact]
    public void The_policy_check_runs_for_every_stack_beside_the_diff_and_its_sarif_goes_to_code_scanning()
    {
        var checks = Commands().Where(c => c.Verb == "check").Select(c => c.Line).ToList();
        Assert.Equal(2, checks.Count);
        Assert.All(checks, line => Assert.Contains("--stack \"$stack\"", line, StringComparison.Ordinal));
        Assert.Contains(checks, line => line.Contains("--format markdown --out \"$REVIEW_DIR/check-$stack.md\"", StringComparison.Ordinal));
        Assert.Contains(checks, line => line.Contains("--format sarif --out \"$REVIEW_DIR/check-$stack.sarif\"", StringComparison.Ordinal));

        var upload = Step("github/codeql-action/upload-sarif");
        Assert.Equal(".build/review", Text(((YamlMappingNode)upload["with"])["sarif_file"]));
        Assert.Equal("${{ github.event.pull_request.head.repo.full_name == github.repository }}", Text(upload["if"]));

        // The comment carries each stack's report, and the job fails afterwards when a check failed.
        Assert.Contains("cat \"$REVIEW_DIR/check-$stack.md\" >> \"$comment\"", Run(Steps.Single(s => Run(s).Contains("comment.md", StringComparison.Ordinal) && Run(s).Contains("echo '<!-- edge-infra-diff -->'", StringComparison.Ordinal))), StringComparison.Ordinal);
        Assert.Contains("check-*.status", Run(Steps[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Pulumi_preview_runs_only_with_cloud_credentials_through_an_env_indirection()
    {
        Assert.Equal("${{ secrets.PULUMI_ACCESS_TOKEN }}", Env(Job)["PULUMI_ACCESS_TOKEN"]);
        var previews = Steps.Where(s => PulumiPreview().IsMatch(Run(s)) || (s.Children.ContainsKey("uses") && Text(s["uses"]).StartsWith("pulumi/", StringComparison.Ordinal))).ToList();
        Assert.Equal(2, previews.Count);
        Assert.All(previews, s => Assert.Equal("${{ env.PULUMI_ACCESS_TOKEN != '' }}", Text(s["if"])));

        // GitHub refuses `secrets` in `if:`.
        Assert.All(Steps.Where(s => s.Children.ContainsKey("if")), s => Assert.DoesNotContain("secrets.", Text(s["if"]), StringComparison.Ordinal));
    }

    [Fact]
    public void It_posts_or_updates_one_comment_found_by_its_hidden_marker()
    {
        var compose = Steps.Single(s => Run(s).Contains(Marker, StringComparison.Ordinal));
        Assert.Contains("diff-$stack.md", Run(compose), StringComparison.Ordinal);
        var post = Step("actions/github-script");
        var script = Text(((YamlMappingNode)post["with"])["script"]);
        Assert.Contains(Marker, script, StringComparison.Ordinal);
        Assert.Contains("updateComment", script, StringComparison.Ordinal);
        Assert.Contains("createComment", script, StringComparison.Ordinal);
        Assert.Contains("paginate", script, StringComparison.Ordinal);
    }

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(WorkflowPath))
        {
            yaml.Load(reader);
        }

        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private YamlMappingNode Step(string action) =>
        Steps.Single(s => s.Children.ContainsKey("uses") && Text(s["uses"]).StartsWith(action + "@", StringComparison.Ordinal));

    /// <summary>Each stack program invocation in the run scripts: its verb (or <c>--help</c>) and its line, continuations joined.</summary>
    private List<(string Verb, string Line)> Commands() =>
        [.. Steps.SelectMany(s => Run(s).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
            .Select(l => StackProgramCall().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["verb"].Value, m.Groups["rest"].Value))];

    private static Dictionary<string, string> Env(YamlMappingNode node) =>
        ((YamlMappingNode)node["env"]).Children.ToDictionary(e => Text(e.Key), e => Text(e.Value));

    private static string Run(YamlMappingNode step) => step.Children.TryGetValue("run", out var run) ? Text(run) : string.Empty;

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    [GeneratedRegex(@"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*@(v[0-9]+(\.[0-9]+)*|[0-9a-f]{40})$")]
    private static partial Regex PinnedAction();

    [GeneratedRegex(@"--project stacks/EdgeInfra\.Stacks -- +(?<verb>[a-z-]+)(?<rest>.*)$")]
    private static partial Regex StackProgramCall();

    [GeneratedRegex(@"^\s*pulumi preview --diff ", RegexOptions.Multiline)]
    private static partial Regex PulumiPreview();

    [GeneratedRegex(@"--[a-z-]+")]
    private static partial Regex Option();
}
