namespace EdgeInfra;

/// <summary>
/// How a resource's logical name in the program follows from the name it was given and its nearest component
/// ancestor. Pulumi YAML has no components, so a child's name is prefixed with its component's logical name
/// (<c>vnet</c> under <c>shop</c> is <c>shop-vnet</c>) — unless the child already carries that prefix, as Pulumi users
/// name children by habit (<c>$"{name}-vnet"</c> under <c>shop</c> is <c>shop-vnet</c>, not <c>shop-shop-vnet</c>).
/// </summary>
/// <remarks>
/// The rule, for a child named <c>n</c> of a component given the name <c>c</c> whose logical name is <c>C</c>
/// (<c>C</c> is <c>c</c> prefixed with the component's own ancestors), when the component's
/// <see cref="ComponentResource.ChildNaming"/> is <see cref="ChildNaming.PrefixUnlessPrefixed"/>:
/// <list type="bullet">
/// <item><c>n</c> starts with <c>C-</c>: the logical name is <c>n</c>;</item>
/// <item>else <c>n</c> starts with <c>c-</c> (a nested component's children named from the name it was given): <c>C</c> followed by the rest of <c>n</c> after <c>c</c>;</item>
/// <item>else <c>C-n</c>.</item>
/// </list>
/// With <see cref="ChildNaming.AlwaysPrefix"/> (the library's own components) it is always <c>C-n</c>. So <c>vnet</c>
/// and <c>shop-vnet</c> under <c>shop</c> both become <c>shop-vnet</c>; synthesis refuses such a pair (the
/// duplicate-name check names both resources), so the rule never silently merges two resources.
/// </remarks>
internal static class ChildNames
{
    /// <summary>The logical name of a resource named <paramref name="name"/> whose nearest component ancestor is <paramref name="component"/> (null at the top level).</summary>
    public static string Qualify(ComponentResource? component, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (component is null)
        {
            return name;
        }

        var parent = component.LogicalName;
        if (component.ChildNaming == ChildNaming.AlwaysPrefix)
        {
            return parent + "-" + name;
        }

        if (name.StartsWith(parent + "-", StringComparison.Ordinal))
        {
            return name;
        }

        var given = component.GetResourceName();
        return name.StartsWith(given + "-", StringComparison.Ordinal)
            ? parent + name[given.Length..]
            : parent + "-" + name;
    }
}
