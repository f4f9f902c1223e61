namespace EdgeInfra.Components.Akamai;

/// <summary>How a rule's criteria combine (<c>criteriaMustSatisfy</c>).</summary>
public enum CriteriaMatch
{
    /// <summary>Every criterion must match (<c>all</c>).</summary>
    All,

    /// <summary>At least one criterion must match (<c>any</c>).</summary>
    Any,
}
