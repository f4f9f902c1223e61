namespace EdgeInfra;

/// <summary>How a <see cref="ComponentResource"/> prefixes its children's logical names (see <see cref="ComponentResource.ChildNaming"/>).</summary>
public enum ChildNaming
{
    /// <summary>
    /// A child's name is prefixed with the component's logical name and a hyphen, unless it already starts with it
    /// (or, for a nested component, with the name the component was given and a hyphen): children named the Pulumi way,
    /// <c>$"{name}-rg"</c>, keep that name. The default.
    /// </summary>
    PrefixUnlessPrefixed,

    /// <summary>
    /// Every child's name is prefixed, whatever it starts with. The library's own components use it, so that the names
    /// they give their children, and therefore existing stacks' resources, never change.
    /// </summary>
    AlwaysPrefix,
}
