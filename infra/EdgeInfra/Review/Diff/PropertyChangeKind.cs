namespace EdgeInfra.Review;

/// <summary>How one value of a resource, or one entry of a program section, changes.</summary>
public enum PropertyChangeKind
{
    /// <summary>The value is new.</summary>
    Added,

    /// <summary>The value is gone.</summary>
    Removed,

    /// <summary>The value is different.</summary>
    Changed,
}
