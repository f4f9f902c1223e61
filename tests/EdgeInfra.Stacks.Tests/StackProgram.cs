namespace EdgeInfra.Stacks.Tests;

/// <summary>Runs the repository's stack program in process, in the repository's Pulumi project.</summary>
internal static class StackProgram
{
    public static readonly PackageCatalog Packages = PackageCatalog.Discover(typeof(EdgeStack).Assembly);

    /// <summary>The clock the stack checks config times against in tests: 2026-12-01T00:00:00Z.</summary>
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    public static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new RunnerEnvironment(name => variables.GetValueOrDefault(name), Repository.Root, Packages, output, error) { Policies = EdgeInfra.Components.Policy.EdgeInfraPolicies.Pack };
        var exitCode = StackRunner.Run(args, () => new EdgeStack(Clock), environment);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string Synth(string stack)
    {
        var (exitCode, output, error) = Run(new Dictionary<string, string>(), "synth", "--stack", stack);
        Assert.True(exitCode == 0, error);
        return output;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
