using System.Collections.Immutable;

namespace EdgeInfra.Review;

/// <summary>The change a pull request makes to a stack's program: resources, stack outputs, config declarations and variables.</summary>
public sealed class DiffResult
{
    /// <summary>The stack the programs are of.</summary>
    public required string StackName { get; init; }

    /// <summary>The resources that change, in ordinal order of logical name (a delete before a create of the same name).</summary>
    public required ImmutableArray<ResourceChange> Resources { get; init; }

    /// <summary>How many resources stay exactly as they are.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Stack outputs added, removed or changed, by name.</summary>
    public required ImmutableArray<EntryChange> Outputs { get; init; }

    /// <summary>Config declarations added, removed or changed, by key.</summary>
    public required ImmutableArray<EntryChange> Config { get; init; }

    /// <summary>Program variables added, removed or changed, by name.</summary>
    public required ImmutableArray<EntryChange> Variables { get; init; }

    /// <summary>
    /// Keys of the stack settings file added, removed or changed, with the resources that read them; empty when the
    /// settings were not compared.
    /// </summary>
    public ImmutableArray<StackConfigChange> StackConfig { get; init; } = [];

    /// <summary>The stack settings file compared, e.g. <c>Pulumi.dev.yaml</c>; null when the settings were not compared.</summary>
    public string? StackConfigFile { get; init; }

    /// <summary>True when anything differs between the two programs or the two stack settings.</summary>
    public bool HasChanges => Resources.Length > 0 || Outputs.Length > 0 || Config.Length > 0 || Variables.Length > 0 || StackConfig.Length > 0;

    /// <summary>How many resources change in the way <paramref name="kind"/>.</summary>
    public int Count(ResourceChangeKind kind) => Resources.Count(r => r.Kind == kind);
}
