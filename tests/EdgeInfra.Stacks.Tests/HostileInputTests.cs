namespace EdgeInfra.Stacks.Tests;

/// <summary>Input that used to crash the stack program (issue 14) now fails with exit 1, nothing on stdout and one clear message.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeinfra-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int ExitCode, string Output, string Error) RunIn(string stackFile, params string[] args)
    {
        File.WriteAllText(Path.Combine(_folder, "Pulumi.yaml"), "name: edge-infra\nruntime: yaml\n");
        File.WriteAllText(Path.Combine(_folder, "Pulumi.x.yaml"), stackFile);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new RunnerEnvironment(_ => null, _folder, StackProgram.Packages, output, error);
        var exitCode = StackRunner.Run(args.Length > 0 ? args : ["synth", "--stack", "x"], () => new EdgeStack(StackProgram.Clock), environment);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string FailsIn(string stackFile)
    {
        var (exitCode, output, error) = RunIn(stackFile);
        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        return error;
    }

    [Fact]
    public void A_non_scalar_key_in_the_stack_file_names_the_file_and_line() =>
        Assert.Contains("Pulumi.x.yaml:3: a config key must be a plain string", FailsIn("config:\n  edge-infra:location: westeurope\n  [a, b]: c\n"), StringComparison.Ordinal);

    [Fact]
    public void A_self_referencing_alias_is_refused() =>
        Assert.Contains("nested deeper than 32 levels", FailsIn("config:\n  edge-infra:regions: &a [*a]\n"), StringComparison.Ordinal);

    [Fact]
    public void An_alias_bomb_is_refused_quickly()
    {
        var bomb = "config:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 9).Select(i => $"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Contains("more than 100000 values once aliases are expanded", FailsIn(bomb), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact]
    public void Synth_into_a_missing_folder_is_an_error_not_a_crash()
    {
        var (exitCode, _, error) = RunIn("config: {}\n", "synth", "--out", Path.Combine(_folder, "missing", "program.yaml"));
        Assert.Equal(1, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_refuses_to_write_through_a_symbolic_link()
    {
        var target = Path.Combine(_folder, "target.txt");
        File.WriteAllText(target, "keep");
        var link = Path.Combine(_folder, "program.yaml");
        File.CreateSymbolicLink(link, target);
        var (exitCode, _, error) = RunIn("config: {}\n", "synth", "--out", link);
        Assert.Equal(1, exitCode);
        Assert.Contains("symbolic link", error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(target));
    }
}
