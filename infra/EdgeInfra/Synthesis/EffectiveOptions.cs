using System.Collections.Immutable;

namespace EdgeInfra;

/// <summary>
/// The options a custom resource is stated with, once component ancestors are accounted for: inherited
/// providers, <c>protect</c> and <c>retainOnDelete</c>; component dependencies expanded to their resources;
/// aliases as URNs; the pinned version of its package.
/// </summary>
public sealed record EffectiveOptions
{
    /// <summary>The explicit provider, own or inherited.</summary>
    public ProviderResource? Provider { get; init; }

    /// <summary>The version pinned in the program (for resources on the default provider, and for providers themselves).</summary>
    public string? Version { get; init; }

    /// <summary>The custom resource parent, if any.</summary>
    public CustomResource? Parent { get; init; }

    /// <summary>Explicit dependencies, in logical name order.</summary>
    public ImmutableArray<CustomResource> DependsOn { get; init; } = [];

    /// <summary>True when protected, own or inherited.</summary>
    public bool Protect { get; init; }

    /// <summary>True when retained on delete, own or inherited.</summary>
    public bool RetainOnDelete { get; init; }

    /// <summary>Delete before replace, when set.</summary>
    public bool? DeleteBeforeReplace { get; init; }

    /// <summary>Ignored property changes.</summary>
    public ImmutableArray<string> IgnoreChanges { get; init; } = [];

    /// <summary>Property changes that force a replacement.</summary>
    public ImmutableArray<string> ReplaceOnChanges { get; init; } = [];

    /// <summary>Additional secret outputs.</summary>
    public ImmutableArray<string> AdditionalSecretOutputs { get; init; } = [];

    /// <summary>The resource whose deletion deletes this one.</summary>
    public CustomResource? DeletedWith { get; init; }

    /// <summary>Custom timeouts.</summary>
    public CustomTimeouts? CustomTimeouts { get; init; }

    /// <summary>Aliases as URNs.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
}
