namespace EdgeInfra.Review;

/// <summary>An edge of the topology: <see cref="From"/> is used by <see cref="To"/>.</summary>
/// <param name="From">The resource used.</param>
/// <param name="To">The resource that uses it.</param>
/// <param name="Kind">How it is used.</param>
public sealed record TopologyEdge(CustomResource From, CustomResource To, TopologyEdgeKind Kind);

/// <summary>How one resource uses another.</summary>
public enum TopologyEdgeKind
{
    /// <summary>An input property, or the id of a resource read with <c>get</c>, references the other resource's outputs.</summary>
    Reference,

    /// <summary>An explicit <c>dependsOn</c>, of the resource or of an invoke in its properties.</summary>
    DependsOn,

    /// <summary>The other resource is the explicit provider, of the resource or of an invoke in its properties.</summary>
    Provider,
}

/// <summary>
/// The topology of a stack for diagrams: resources as nodes, components as (nested) groups, references,
/// <c>dependsOn</c> and explicit providers (of <see cref="StackGraph.Edges"/>) as edges, in a stable order.
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

    /// <summary>The topology of <paramref name="graph"/>: its <see cref="StackGraph.Edges"/> that a diagram draws.</summary>
    public static Topology Of(StackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new Topology(graph, [.. graph.Edges
            .Select(e => KindOf(e.Kind) is { } kind ? new TopologyEdge(e.From, e.To, kind) : null)
            .OfType<TopologyEdge>()
            .Distinct()
            .OrderBy(e => e.From.LogicalName, StringComparer.Ordinal)
            .ThenBy(e => e.To.LogicalName, StringComparer.Ordinal)
            .ThenBy(e => e.Kind)]);
    }

    /// <summary>How a diagram draws an edge of <paramref name="kind"/>: parents and <c>deletedWith</c> are not drawn.</summary>
    private static TopologyEdgeKind? KindOf(GraphEdgeKind kind) => kind switch
    {
        GraphEdgeKind.Reference => TopologyEdgeKind.Reference,
        GraphEdgeKind.DependsOn or GraphEdgeKind.InvokeDependsOn => TopologyEdgeKind.DependsOn,
        GraphEdgeKind.Provider or GraphEdgeKind.InvokeProvider => TopologyEdgeKind.Provider,
        _ => null,
    };

    /// <summary>The components directly inside <paramref name="parent"/> (null: the stack), in name order.</summary>
    public IEnumerable<ComponentResource> ComponentsIn(ComponentResource? parent) =>
        Graph.Resources.OfType<ComponentResource>().Where(c => c.Component == parent).OrderBy(c => c.LogicalName, StringComparer.Ordinal);

    /// <summary>The resources directly inside <paramref name="component"/> (null: the stack), in name order.</summary>
    public IEnumerable<CustomResource> ResourcesIn(ComponentResource? component) =>
        Graph.CustomResources.Where(r => r.Component == component);
}
