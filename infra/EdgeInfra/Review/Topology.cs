using EdgeInfra.Expressions;

namespace EdgeInfra.Review;

/// <summary>An edge of the topology: <see cref="From"/> is used by <see cref="To"/>.</summary>
/// <param name="From">The resource used.</param>
/// <param name="To">The resource that uses it.</param>
/// <param name="Kind">How it is used.</param>
public sealed record TopologyEdge(CustomResource From, CustomResource To, TopologyEdgeKind Kind);

/// <summary>How one resource uses another.</summary>
public enum TopologyEdgeKind
{
    /// <summary>An input property references the other resource's outputs.</summary>
    Reference,

    /// <summary>An explicit <c>dependsOn</c>.</summary>
    DependsOn,

    /// <summary>The other resource is the explicit provider.</summary>
    Provider,
}

/// <summary>
/// The topology of a stack for diagrams: resources as nodes, components as (nested) groups, references,
/// <c>dependsOn</c> and explicit providers as edges, in a stable order.
/// </summary>
public sealed class Topology
{
    private Topology(StackGraph graph, IReadOnlyList<TopologyEdge> edges)
    {
        Graph = graph;
        Edges = edges;
    }

    /// <summary>The graph drawn.</summary>
    public StackGraph Graph { get; }

    /// <summary>The edges, ordered by the names of their ends and then by kind.</summary>
    public IReadOnlyList<TopologyEdge> Edges { get; }

    /// <summary>The topology of <paramref name="graph"/>.</summary>
    public static Topology Of(StackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var edges = new HashSet<TopologyEdge>();
        foreach (var resource in graph.CustomResources)
        {
            foreach (var node in graph.Properties[resource].DescendantsAndSelf())
            {
                if (node is ResourceReferenceExpression { Resource: CustomResource used } && used != resource)
                {
                    edges.Add(new(used, resource, TopologyEdgeKind.Reference));
                }
                else if (node is InvokeExpression invoke)
                {
                    foreach (var dependency in invoke.Options.DependsOn.Where(d => d != resource))
                    {
                        edges.Add(new(dependency, resource, TopologyEdgeKind.DependsOn));
                    }
                }
            }

            var options = graph.Options[resource];
            foreach (var dependency in options.DependsOn)
            {
                edges.Add(new(dependency, resource, TopologyEdgeKind.DependsOn));
            }

            if (options.Provider is { } provider)
            {
                edges.Add(new(provider, resource, TopologyEdgeKind.Provider));
            }
        }

        return new Topology(graph, [.. edges
            .OrderBy(e => e.From.LogicalName, StringComparer.Ordinal)
            .ThenBy(e => e.To.LogicalName, StringComparer.Ordinal)
            .ThenBy(e => e.Kind)]);
    }

    /// <summary>The components directly inside <paramref name="parent"/> (null: the stack), in name order.</summary>
    public IEnumerable<ComponentResource> ComponentsIn(ComponentResource? parent) =>
        Graph.Resources.OfType<ComponentResource>().Where(c => c.Component == parent).OrderBy(c => c.LogicalName, StringComparer.Ordinal);

    /// <summary>The resources directly inside <paramref name="component"/> (null: the stack), in name order.</summary>
    public IEnumerable<CustomResource> ResourcesIn(ComponentResource? component) =>
        Graph.CustomResources.Where(r => r.Component == component);
}
