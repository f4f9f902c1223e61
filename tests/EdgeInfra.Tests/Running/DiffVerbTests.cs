using System.Diagnostics;
using EdgeInfra.Testing;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Running;

/// <summary>The <c>diff</c> verb against program files and git refs, and its bad input.</summary>
public sealed class DiffVerbTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("edgeinfra-diff-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public DiffVerbTests()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "name: proj\nruntime:\n  name: yaml\n  options:\n    compiler: cat base-program.yml\n");
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), "config:\n  proj:location: westeurope\n");
    }

    public void Dispose()
    {
        Directory.Delete(_project, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private int Run(string location, params string[] args) => StackRunner.Run(
        args,
        () => new LambdaStack(() => Group("rg", new PropertyMap { ["location"] = location })),
        new RunnerEnvironment(_ => null, _project, Packages, _out, _err));

    /// <summary>A stack whose resource group reads <c>location</c> and the secret <c>apiKey</c> from config, with the SKU given.</summary>
    private int RunIn(string project, string sku, params string[] args) => StackRunner.Run(
        args,
        () => new LambdaStack(() =>
        {
            var config = new Config();
            Group("rg", new PropertyMap { ["location"] = config.Require("location"), ["sku"] = sku, ["tags"] = new PropertyMap { ["apiKey"] = config.RequireSecret("apiKey") } });
        }),
        new RunnerEnvironment(_ => null, project, Packages, _out, _err));

    private string Program(string location)
    {
        Assert.Equal(0, Run(location, "synth", "--stack", "dev"));
        var program = _out.ToString();
        _out.GetStringBuilder().Clear();
        return program;
    }

    private void Git(params string[] args) => GitIn(_project, args);

    private static string GitIn(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "user.name=EdgeInfra Tests", "-c", "user.email=tests@edgeinfra.invalid", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, error);
        return output;
    }

    [Fact]
    public void Against_a_program_file_it_prints_markdown_and_exit_code_1_for_changes()
    {
        File.WriteAllText(Path.Combine(_project, "before.yml"), Program("westeurope"));
        Assert.Equal(1, Run("northeurope", "diff", "--stack", "dev", "--base", "before.yml", "--exit-code"));
        Assert.StartsWith("## Infrastructure diff: stack `dev`\n\n**0 to create, 1 to update", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("| `location` | `\"westeurope\"` | `\"northeurope\"` |", _out.ToString());
    }

    [Fact]
    public void Without_changes_exit_code_is_0_even_with_the_flag()
    {
        File.WriteAllText(Path.Combine(_project, "before.yml"), Program("westeurope"));
        Assert.Equal(0, Run("westeurope", "diff", "--stack", "dev", "--base", "before.yml", "--exit-code", "--format", "text"));
        Assert.Contains("No changes.", _out.ToString());
    }

    [Fact]
    public void Against_a_git_ref_it_synthesizes_that_tree_with_its_own_compiler()
    {
        File.WriteAllText(Path.Combine(_project, "base-program.yml"), Program("westeurope"));
        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "base");
        File.WriteAllText(Path.Combine(_project, "base-program.yml"), "not: the committed one\n");
        Assert.Equal(0, Run("northeurope", "diff", "--stack", "dev", "--base", "HEAD", "--format", "text"));
        Assert.Contains("  ~  update rg (azure-native:resources:ResourceGroup)\n", _out.ToString());
        Assert.Contains("diff: synthesizing stack 'dev' from the tree of HEAD", _err.ToString());
    }

    [Fact]
    public void A_project_in_a_subfolder_diffs_against_a_ref_with_the_stack_config_beside_the_program()
    {
        var repository = Directory.CreateTempSubdirectory("edgeinfra-diff-repo-").FullName;
        try
        {
            var project = Path.Combine(repository, "deploy", "edge");
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(repository, "README.md"), "The Pulumi project is in deploy/edge.\n");
            File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: proj\nruntime:\n  name: yaml\n  options:\n    compiler: cat base-program.yml\n");
            File.WriteAllText(Path.Combine(project, "Pulumi.dev.yaml"), "config:\n  proj:location: westeurope\n  proj:apiKey:\n    secure: v1:AAAAbeforeCipherText\n");
            Assert.Equal(0, RunIn(project, "Standard_LRS", "synth", "--stack", "dev"));
            File.WriteAllText(Path.Combine(project, "base-program.yml"), _out.ToString());
            _out.GetStringBuilder().Clear();
            GitIn(repository, "init", "-q");
            GitIn(repository, "add", "-A");
            GitIn(repository, "commit", "-q", "-m", "base");
            File.WriteAllText(Path.Combine(project, "Pulumi.dev.yaml"), "config:\n  proj:location: northeurope\n  proj:apiKey:\n    secure: v1:BBBBafterCipherText\n");
            var status = GitIn(repository, "status", "--porcelain", "--untracked-files=all");
            var exports = Directory.GetDirectories(Path.GetTempPath(), "edgeinfra-diff-base-*").Length;

            Assert.Equal(0, RunIn(project, "Premium_LRS", "diff", "--stack", "dev", "--base", "HEAD", "--format", "text"));

            Golden.AssertMatches(Path.Combine("tests", "EdgeInfra.Tests", "Running", "Golden", "subfolder-diff.golden.txt"), _out.ToString());
            Assert.DoesNotContain("CipherText", _out.ToString(), StringComparison.Ordinal);
            Assert.Equal(status, GitIn(repository, "status", "--porcelain", "--untracked-files=all"));
            Assert.Equal(exports, Directory.GetDirectories(Path.GetTempPath(), "edgeinfra-diff-base-*").Length);
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    [Fact]
    public void A_base_that_is_neither_a_file_nor_a_ref_exits_2_with_the_reason()
    {
        Assert.Equal(2, Run("westeurope", "diff", "--stack", "dev", "--base", "no-such-thing"));
        Assert.Equal(string.Empty, _out.ToString());
        Assert.StartsWith("error: 'no-such-thing' is neither a file nor a git commit of the repository at ", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ref_whose_tree_does_not_synthesize_exits_2_with_the_compiler_s_errors()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "name: proj\nruntime:\n  name: yaml\n  options:\n    compiler: cat missing-program.yml\n");
        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "broken");
        Assert.Equal(2, Run("westeurope", "diff", "--stack", "dev", "--base", "HEAD"));
        Assert.Contains("error: stack 'dev' does not synthesize at HEAD (compiler exit code 1):", _err.ToString());
        Assert.Contains("missing-program.yml", _err.ToString());
        Assert.Equal(string.Empty, _out.ToString());
    }

    [Fact]
    public void A_base_file_that_is_not_a_program_exits_2()
    {
        File.WriteAllText(Path.Combine(_project, "notes.txt"), "just: [text");
        Assert.Equal(2, Run("westeurope", "diff", "--stack", "dev", "--base", "notes.txt"));
        Assert.StartsWith("error: the base 'notes.txt' is not a Pulumi YAML program: ", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_working_tree_that_does_not_synthesize_exits_2()
    {
        File.WriteAllText(Path.Combine(_project, "before.yml"), Program("westeurope"));
        File.Delete(Path.Combine(_project, "Pulumi.dev.yaml"));
        var exit = StackRunner.Run(
            ["diff", "--stack", "dev", "--base", "before.yml"],
            () => new LambdaStack(() => new Config().Require("location")),
            new RunnerEnvironment(_ => null, _project, Packages, _out, _err));
        Assert.Equal(2, exit);
        Assert.StartsWith("error: stack 'dev' cannot be synthesized.", _err.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "diff", "--stack", "dev" }, "error: diff needs --base FILE|REF: the program file or git ref to compare with.\n")]
    [InlineData(new[] { "diff", "--stack", "dev", "--base", "x", "--format", "html" }, "error: --format 'html' is not a diff format: use markdown or text.\n")]
    [InlineData(new[] { "diff", "--stack", "dev", "--base", "x", "--max-length", "100" }, "error: --max-length '100' is not a number of characters of at least 2000.\n")]
    public void Missing_or_wrong_options_exit_2(string[] args, string message)
    {
        Assert.Equal(2, Run("westeurope", args));
        Assert.Equal(message, _err.ToString().ReplaceLineEndings("\n"));
    }
}
