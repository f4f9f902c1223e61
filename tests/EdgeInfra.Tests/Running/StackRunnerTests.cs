using EdgeInfra.Testing;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Running;

/// <summary>The stack program's command line, run with a test environment.</summary>
public sealed class StackRunnerTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("edgeinfra-runner-").FullName;
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public StackRunnerTests()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "name: proj\nruntime: yaml\n");
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), "config:\n  proj:location: westeurope\n");
    }

    public void Dispose()
    {
        Directory.Delete(_project, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private int Run(params string[] args) => StackRunner.Run(
        args,
        () => new LambdaStack(() => Group("rg", new PropertyMap { ["location"] = new Config().Require("location") })),
        new RunnerEnvironment(name => _variables.GetValueOrDefault(name), _project, Packages, _out, _err));

    [Fact]
    public void Synth_prints_the_program_of_the_stack_named_on_the_command_line()
    {
        Assert.Equal(0, Run("synth", "--stack", "dev"));
        Assert.StartsWith("name: \"proj\"\nruntime: \"yaml\"\nconfig:\n  location:\n", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _err.ToString());
    }

    [Fact]
    public void Synth_takes_stack_and_config_from_pulumi_s_environment()
    {
        _variables["PULUMI_STACK"] = "prod";
        _variables["PULUMI_CONFIG"] = "{\"proj:location\":\"northeurope\"}";
        Assert.Equal(0, Run("synth"));
        Assert.Contains("location: \"${location}\"", _out.ToString());
    }

    [Fact]
    public void Synth_twice_gives_the_same_bytes()
    {
        Run("synth", "--stack", "dev");
        var first = _out.ToString();
        _out.GetStringBuilder().Clear();
        Run("synth", "--stack", "dev");
        Assert.Equal(first, _out.ToString());
    }

    [Fact]
    public void Without_any_stack_synth_prints_the_pinned_packages_for_package_discovery()
    {
        Assert.Equal(0, Run("synth"));
        Assert.Equal("""
            name: "proj"
            runtime: "yaml"
            resources:
              package-akamai:
                type: "pulumi:providers:akamai"
                options:
                  version: "11.4.0"
              package-azure-native:
                type: "pulumi:providers:azure-native"
                options:
                  version: "3.28.0"
              package-random:
                type: "pulumi:providers:random"
                options:
                  version: "4.21.1"

            """, _out.ToString());
    }

    [Fact]
    public void A_stack_that_cannot_be_synthesized_prints_nothing_on_stdout_and_exits_1()
    {
        Assert.Equal(1, Run("synth", "--stack", "test"));
        Assert.Equal(string.Empty, _out.ToString());
        Assert.Equal(
            "error: stack 'test' cannot be synthesized.\n  - config 'proj:location': Missing required config 'proj:location' for stack 'test': set it with `pulumi config set proj:location <value> --stack test`.\n",
            _err.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Out_writes_the_program_to_a_file_and_nothing_to_stdout()
    {
        Assert.Equal(0, Run("synth", "--stack", "dev", "--out", "program.yaml"));
        Assert.Equal(string.Empty, _out.ToString());
        Assert.StartsWith("name: \"proj\"", File.ReadAllText(Path.Combine(_project, "program.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_synthesis_leaves_an_existing_out_file_as_it_was()
    {
        var target = Path.Combine(_project, "program.yaml");
        File.WriteAllText(target, "previous");
        Assert.Equal(1, Run("synth", "--stack", "test", "--out", target));
        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(_project, "program.yaml*"));
    }

    [Theory]
    [InlineData(new[] { "deploy" }, "error: unknown verb 'deploy'.")]
    [InlineData(new[] { "synth", "--stack" }, "error: option --stack needs a value.")]
    [InlineData(new[] { "synth", "--colour", "x" }, "error: unknown option --colour.")]
    [InlineData(new[] { "synth", "--stack", "a", "--stack", "b" }, "error: option --stack is given twice.")]
    [InlineData(new[] { "synth", "dev" }, "error: unexpected argument 'dev'.")]
    [InlineData(new string[0], "usage:")]
    public void Wrong_command_lines_exit_2_with_the_reason_and_the_usage(string[] args, string message)
    {
        Assert.Equal(2, Run(args));
        Assert.StartsWith(message, _err.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", _err.ToString());
        Assert.Equal(string.Empty, _out.ToString());
    }

    [Fact]
    public void Outside_a_pulumi_project_synth_exits_2()
    {
        File.Delete(Path.Combine(_project, "Pulumi.yaml"));
        Assert.Equal(2, Run("synth", "--stack", "dev"));
        Assert.StartsWith("error: No Pulumi.yaml in ", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pulumi_yaml_without_a_name_exits_2()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "runtime: yaml\n");
        Assert.Equal(2, Run("synth", "--stack", "dev"));
        Assert.EndsWith("Pulumi.yaml: the project has no 'name'.\n", _err.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_prints_the_tree_of_the_selected_stack()
    {
        Assert.Equal(0, Run("preview", "--stack", "dev"));
        Assert.StartsWith("Stack dev of project proj: 1 resources in 0 components", _out.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\n     └─ azure-native:resources:ResourceGroup +rg +azure-native 3\.28\.0\n", _out.ToString());
    }

    [Theory]
    [InlineData("mermaid", "flowchart LR\n")]
    [InlineData("dot", "digraph \"proj-dev\" {\n")]
    public void Graph_prints_the_topology_in_the_format_asked(string format, string start)
    {
        Assert.Equal(0, Run("graph", "--stack", "dev", "--format", format));
        Assert.StartsWith(start, _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_refuses_an_unknown_format()
    {
        Assert.Equal(2, Run("graph", "--stack", "dev", "--format", "png"));
        Assert.Equal("error: --format 'png' is not a diagram format: use mermaid or dot.\n", _err.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("graph")]
    public void Review_verbs_need_a_stack(string verb)
    {
        Assert.Equal(2, Run(verb));
        Assert.Equal($"error: {verb} needs a stack: pass --stack S or set PULUMI_STACK.\n", _err.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, _out.ToString());
    }

    [Fact]
    public void Review_verbs_of_a_stack_that_cannot_be_synthesized_exit_1_and_print_nothing()
    {
        Assert.Equal(1, Run("preview", "--stack", "test"));
        Assert.Equal(string.Empty, _out.ToString());
        Assert.StartsWith("error: stack 'test' cannot be synthesized.", _err.ToString(), StringComparison.Ordinal);
    }
}
