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

    /// <summary>Runs <c>diff --base</c> with the base-tree cache under <paramref name="cache"/>.</summary>
    private int DiffCached(string cache, string location, string baseRef) => StackRunner.Run(
        ["diff", "--stack", "dev", "--base", baseRef, "--format", "text"],
        () => new LambdaStack(() => Group("rg", new PropertyMap { ["location"] = location })),
        new RunnerEnvironment(name => name == "EDGEINFRA_CACHE_HOME" ? cache : null, _project, Packages, _out, _err));

    /// <summary>Every file and folder of the working tree (the .git folder aside) with its size and timestamp.</summary>
    private string[] WorkingTreeListing() => new DirectoryInfo(_project).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
        .Where(entry => !Path.GetRelativePath(_project, entry.FullName).StartsWith(".git", StringComparison.Ordinal))
        .Select(entry => $"{Path.GetRelativePath(_project, entry.FullName)} {(entry as FileInfo)?.Length} {entry.LastWriteTimeUtc:O}")
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void With_a_cache_each_ref_gives_its_own_program_and_the_working_tree_is_untouched()
    {
        var cache = Directory.CreateTempSubdirectory("edgeinfra-diff-cache-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(_project, "base-program.yml"), Program("westeurope"));
            Git("init", "-q");
            Git("add", "-A");
            Git("commit", "-q", "-m", "in westeurope");
            File.WriteAllText(Path.Combine(_project, "base-program.yml"), Program("northeurope"));
            File.WriteAllText(Path.Combine(_project, "only-in-the-second.txt"), "a file the first tree lacks\n");
            Git("add", "-A");
            Git("commit", "-q", "-m", "in northeurope");
            File.WriteAllText(Path.Combine(_project, "base-program.yml"), "not: the committed one\n");
            File.WriteAllText(Path.Combine(_project, "untracked.txt"), "the reviewer's own file\n");
            var status = GitIn(_project, "status", "--porcelain", "--untracked-files=all");
            var listing = WorkingTreeListing();

            var outputs = new List<string>();
            foreach (var baseRef in new[] { "HEAD~1", "HEAD", "HEAD~1", "HEAD~1" })
            {
                Assert.Equal(0, DiffCached(cache, "northeurope", baseRef));
                outputs.Add(_out.ToString());
                _out.GetStringBuilder().Clear();
            }

            Assert.Contains("  ~  update rg (azure-native:resources:ResourceGroup)\n", outputs[0]);
            Assert.Contains("No changes.", outputs[1]);
            Assert.Equal(outputs[0], outputs[2]);
            Assert.Equal(outputs[0], outputs[3]);
            var tree = Assert.Single(Directory.GetDirectories(Path.Combine(cache, "diff-base")));
            Assert.Contains($"diff: synthesizing stack 'dev' from the tree of HEAD~1 (", _err.ToString());
            Assert.Contains($") in {Path.Combine(tree, "tree")}...", _err.ToString());
            Assert.False(File.Exists(Path.Combine(tree, "tree", "only-in-the-second.txt")), "the last tree synthesized was HEAD~1's, which lacks the file");
            Assert.False(File.Exists(Path.Combine(tree, "tree", "untracked.txt")));
            Assert.Equal(status, GitIn(_project, "status", "--porcelain", "--untracked-files=all"));
            Assert.Equal(listing, WorkingTreeListing());
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void While_another_diff_holds_the_cache_a_diff_builds_in_a_temporary_folder()
    {
        var cache = Directory.CreateTempSubdirectory("edgeinfra-diff-cache-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(_project, "base-program.yml"), Program("westeurope"));
            Git("init", "-q");
            Git("add", "-A");
            Git("commit", "-q", "-m", "base");
            var top = GitIn(_project, "rev-parse", "--show-toplevel").Trim();
            using var held = EdgeInfra.Review.BaseTreeWorkspace.TryOpen(cache, top);
            Assert.NotNull(held);

            Assert.Equal(0, DiffCached(cache, "northeurope", "HEAD"));

            Assert.Contains("  ~  update rg (azure-native:resources:ResourceGroup)\n", _out.ToString());
            Assert.Contains($"diff: the base-tree cache under {cache} is held by another diff or cannot be written: building in a temporary folder.", _err.ToString());
            Assert.Empty(Directory.EnumerateFileSystemEntries(held.Directory));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Theory]
    [InlineData("/own", "/xdg", "/home/me", "/own")]
    [InlineData(null, "/xdg", "/home/me", "/xdg/edgeinfra")]
    [InlineData(null, null, "/home/me", "/home/me/.cache/edgeinfra")]
    [InlineData("relative", "also/relative", "/home/me", "/home/me/.cache/edgeinfra")]
    [InlineData(null, null, null, null)]
    [InlineData("", "", "", null)]
    public void The_cache_is_the_first_absolute_of_EDGEINFRA_CACHE_HOME_XDG_CACHE_HOME_and_HOME(string? own, string? xdg, string? home, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["EDGEINFRA_CACHE_HOME"] = own, ["XDG_CACHE_HOME"] = xdg, ["HOME"] = home };

        var cache = DiffVerb.CacheDirectory(name => variables.GetValueOrDefault(name));

        Assert.Equal(expected?.Replace('/', Path.DirectorySeparatorChar), cache?.Replace('/', Path.DirectorySeparatorChar));
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
