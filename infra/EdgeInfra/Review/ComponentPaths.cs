namespace EdgeInfra.Review;

/// <summary>Which component a resource belongs to, as reviews label it: <c>app › net</c>.</summary>
public sealed class ComponentPaths
{
    private readonly List<ComponentResource> _components;

    /// <summary>Creates the labels of the components of <paramref name="graph"/>.</summary>
    public ComponentPaths(StackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _components = [.. graph.Resources.OfType<ComponentResource>().OrderByDescending(c => c.LogicalName.Length).ThenBy(c => c.LogicalName, StringComparer.Ordinal)];
    }

    /// <summary>The label of a component: its ancestors' names and its own, joined with <c> › </c>.</summary>
    public static string Label(ComponentResource component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var names = new List<string>();
        for (ComponentResource? current = component; current is not null; current = current.Component)
        {
            names.Insert(0, current.GetResourceName());
        }

        return string.Join(" › ", names);
    }

    /// <summary>
    /// The label of the component that the resource named <paramref name="logicalName"/> belongs to, or null for a
    /// resource of the stack itself. A name no component of the graph has (a deleted resource) is matched by the
    /// longest component name it starts with.
    /// </summary>
    public string? Of(string logicalName)
    {
        ArgumentNullException.ThrowIfNull(logicalName);
        var component = _components.FirstOrDefault(c => logicalName.StartsWith(c.LogicalName + "-", StringComparison.Ordinal));
        return component is null ? null : Label(component);
    }
}
