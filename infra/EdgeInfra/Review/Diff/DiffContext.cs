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
}
