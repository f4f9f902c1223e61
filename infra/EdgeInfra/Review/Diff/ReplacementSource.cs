namespace EdgeInfra.Review;

/// <summary>What makes a changed value force a replacement.</summary>
public enum ReplacementSource
{
    /// <summary>The provider schema marks the input replace-on-change (<see cref="ResourceMetadata.ReplaceOnChanges"/>).</summary>
    TypeMetadata,

    /// <summary>The resource's own <c>replaceOnChanges</c> option lists it.</summary>
    ReplaceOnChangesOption,

    /// <summary>The resource's <c>provider</c> option changed.</summary>
    ProviderChange,

    /// <summary>
    /// The <c>keepers</c> of a <c>random</c> resource changed: the random provider creates a new value whenever they
    /// do (its schema does not mark them replace-on-change; the provider's diff decides).
    /// </summary>
    RandomKeepers,
}
