namespace EdgeInfra;

/// <summary>The arguments of a <see cref="StackReference"/>.</summary>
public sealed class StackReferenceArgs
{
    /// <summary>
    /// The stack to read, <c>stack</c>, <c>project/stack</c> or <c>organization/project/stack</c>; null for the
    /// reference's own name. A plain string: the Pulumi YAML runtime needs it before any resource exists, so it
    /// may come from config read in C# but not from another resource's output.
    /// </summary>
    public string? Name { get; init; }
}
