namespace EdgeInfra;

/// <summary>What the stack program's command line sees of its surroundings; tests give their own.</summary>
/// <param name="Variables">Environment variable lookup.</param>
/// <param name="WorkingDirectory">The folder the command runs in; Pulumi runs it in the folder of <c>Pulumi.yaml</c>.</param>
/// <param name="Packages">The packages the program may use, with their pinned versions.</param>
/// <param name="Output">Where the verb's result is printed.</param>
/// <param name="Error">Where errors and progress go.</param>
public sealed record RunnerEnvironment(
    Func<string, string?> Variables,
    string WorkingDirectory,
    PackageCatalog Packages,
    TextWriter Output,
    TextWriter Error)
{
    /// <summary>True when <see cref="Output"/> is a terminal that shows colour (and <c>NO_COLOR</c> is not set).</summary>
    public bool Color { get; init; }

    /// <summary>The policy pack <c>check</c> evaluates; null when the program gives none.</summary>
    public Policy.PolicyPack? Policies { get; init; }
}
