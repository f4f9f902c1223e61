using System.Collections.Immutable;

namespace EdgeInfra.Review;

/// <summary>What a pull request does to one resource of the program.</summary>
public sealed class ResourceChange
{
    /// <summary>The logical name (for a rename through an alias, the new name).</summary>
    public required string Name { get; init; }

    /// <summary>The type token (for a delete, the type the resource had).</summary>
    public required string Type { get; init; }

    /// <summary>Create, update, replace or delete.</summary>
    public required ResourceChangeKind Kind { get; init; }

    /// <summary>The component group the resource belongs to (e.g. <c>app › net</c>), or null for a top-level resource.</summary>
    public string? Component { get; init; }

    /// <summary>
    /// The changed values, properties first and then options, each in path order. For a create, every value the
    /// new resource states (as added); for a delete, none.
    /// </summary>
    public ImmutableArray<PropertyChange> Changes { get; init; } = [];

    /// <summary>For a replace, what forces it; empty otherwise.</summary>
    public ImmutableArray<ReplacementCause> ReplacementCauses { get; init; } = [];

    /// <summary>True when the program before protects the resource (<c>protect: true</c>): Pulumi refuses to delete or replace it.</summary>
    public bool IsProtected { get; init; }

    /// <summary>True when the program before sets <c>retainOnDelete</c>: a delete only forgets the cloud resource.</summary>
    public bool RetainOnDelete { get; init; }

    /// <summary>For a replace, true when the program sets <c>deleteBeforeReplace</c>: the old resource goes first.</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>For an update or replace: the former logical name when the resource is renamed through one of its aliases; Pulumi keeps the cloud resource.</summary>
    public string? RenamedFrom { get; init; }

    /// <summary>For a create or a delete: the other half of what looks like a rename without an alias, or null.</summary>
    public RenameCandidate? RenameCandidate { get; init; }

    /// <summary>
    /// For a create whose logical name had another type before: that type (Pulumi deletes the old resource and creates
    /// this one). For an update or replace: the former type, which one of the resource's aliases names.
    /// </summary>
    public string? TypeChangedFrom { get; init; }

    /// <summary>For a delete whose logical name has another type after: that type.</summary>
    public string? TypeChangedTo { get; init; }

    /// <summary>
    /// False for an update whose changes are all options or properties covered by <c>ignoreChanges</c>: it updates
    /// the stack's state but touches no cloud resource. True for every other change.
    /// </summary>
    public bool ChangesCloudResource => Kind != ResourceChangeKind.Update || Changes.Any(c => !c.IsOption && !c.IsIgnored);
}
