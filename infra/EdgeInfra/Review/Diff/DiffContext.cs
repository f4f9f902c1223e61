namespace EdgeInfra.Review;

/// <summary>What <see cref="ProgramDiff.Compare"/> needs beyond the two programs.</summary>
public sealed class DiffContext
{
    /// <summary>The packages, for the metadata of each resource type: replace-on-change and secret inputs.</summary>
    public required PackageCatalog Packages { get; init; }

    /// <summary>
    /// Logical name → the label of the component group the resource belongs to (e.g. <c>app › net</c>), or null for
    /// a top-level resource. It is asked about the names of both programs.
    /// </summary>
    public required Func<string, string?> ComponentOf { get; init; }

    /// <summary>The stack the programs are of, e.g. <c>dev</c>.</summary>
    public required string StackName { get; init; }

    /// <summary>
    /// The stack settings the base program was synthesized with; with <see cref="StackConfig"/>, the diff compares the
    /// two and names the resources that read each changed key. Null when unknown (the base is a program file).
    /// </summary>
    public StackConfigValues? BaseStackConfig { get; init; }

    /// <summary>The stack settings of the working tree; null when not compared.</summary>
    public StackConfigValues? StackConfig { get; init; }
}
