namespace EdgeInfra.Review;

/// <summary>What <c>pulumi up</c> would do to a resource, as in Pulumi's preview.</summary>
public enum ResourceChangeKind
{
    /// <summary>A new resource is created (<c>+</c>).</summary>
    Create,

    /// <summary>The resource is updated in place (<c>~</c>).</summary>
    Update,

    /// <summary>The resource is replaced: a new one is created and the old one deleted (<c>+-</c>).</summary>
    Replace,

    /// <summary>The resource is deleted (<c>-</c>).</summary>
    Delete,
}
