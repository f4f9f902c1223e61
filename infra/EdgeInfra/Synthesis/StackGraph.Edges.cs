using System.Collections.Immutable;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A dependency of the program: <see cref="To"/> uses <see cref="From"/>, so the engine creates <see cref="From"/>
/// first and deletes it last.
/// </summary>
/// <param name="From">The resource used.</param>
/// <param name="To">The resource that uses it.</param>
/// <param name="Kind">How it is used.</param>
public sealed record GraphEdge(CustomResource From, CustomResource To, GraphEdgeKind Kind);

/// <summary>How one custom resource of a program uses another.</summary>
public enum GraphEdgeKind
{
    /// <summary>An input property, or the id of a resource read with <c>get</c>, references the other resource (its outputs, or the resource itself); references in an invoke's arguments included.</summary>
    Reference,

    /// <summary>The other resource is in the resource's <c>dependsOn</c> (its own, or a component ancestor's, expanded to resources).</summary>
    DependsOn,

    /// <summary>The other resource is the resource's explicit provider, own or inherited.</summary>
    Provider,

    /// <summary>The other resource is the resource's (custom resource) parent.</summary>
    Parent,

    /// <summary>The other resource is the resource's <c>deletedWith</c>.</summary>
    DeletedWith,

    /// <summary>An invoke in an input property (or in the <c>get</c> id) names the other resource in its <c>dependsOn</c>.</summary>
    InvokeDependsOn,

    /// <summary>An invoke in an input property (or in the <c>get</c> id) is made through the other resource, its explicit provider.</summary>
    InvokeProvider,
}

public sealed partial class StackGraph
{
    private EdgeView? _edges;

    /// <summary>
    /// Every dependency between the custom resources of the stack, each (from, to, kind) once, ordered by the logical
    /// names of <see cref="GraphEdge.From"/> and <see cref="GraphEdge.To"/> and then by kind: the one account of what
    /// uses what, which validation (cycles), test runs (registration order) and diagrams read.
    /// </summary>
    public ImmutableArray<GraphEdge> Edges => EdgeData.All;

    /// <summary>The resources <paramref name="resource"/> depends on, each once, in logical name order.</summary>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is not a custom resource of this stack.</exception>
    public ImmutableArray<CustomResource> DependenciesOf(CustomResource resource)
    {
        RequireOwn(resource);
        return OwnDependenciesOf(resource);
    }

    /// <summary><see cref="DependenciesOf"/> of a resource known to be of this stack.</summary>
    internal ImmutableArray<CustomResource> OwnDependenciesOf(CustomResource resource) =>
        EdgeData.Dependencies.GetValueOrDefault(resource, []);

    private EdgeView EdgeData => Volatile.Read(ref _edges) ?? LazyInitializer.EnsureInitialized(ref _edges, () => new EdgeView(this));

    /// <summary>The edges, computed once per graph, and each resource's dependencies.</summary>
    private sealed class EdgeView
    {
        public EdgeView(StackGraph graph)
        {
            var ranks = graph.NameRanks;
            var edges = new HashSet<GraphEdge>();
            var ordered = new List<GraphEdge>();
            foreach (var resource in graph.SortedCustomResources)
            {
                void Add(CustomResource? used, GraphEdgeKind kind)
                {
                    // Resources of other stacks are no part of this graph (validation reports references to them).
                    if (used is not null && ranks.ContainsKey(used))
                    {
                        var edge = new GraphEdge(used, resource, kind);
                        if (edges.Add(edge))
                        {
                            ordered.Add(edge);
                        }
                    }
                }

                foreach (var (_, node) in graph.LinksOf(resource))
                {
                    switch (node)
                    {
                        case ResourceReferenceExpression { Resource: CustomResource used }:
                            Add(used, GraphEdgeKind.Reference);
                            break;
                        case InvokeExpression invoke:
                            Add(invoke.Options.Provider, GraphEdgeKind.InvokeProvider);
                            foreach (var dependency in invoke.Options.DependsOn)
                            {
                                Add(dependency, GraphEdgeKind.InvokeDependsOn);
                            }

                            break;
                    }
                }

                var options = graph.OptionsOf(resource);
                Add(options.Provider, GraphEdgeKind.Provider);
                Add(options.Parent, GraphEdgeKind.Parent);
                Add(options.DeletedWith, GraphEdgeKind.DeletedWith);
                foreach (var dependency in options.DependsOn)
                {
                    Add(dependency, GraphEdgeKind.DependsOn);
                }
            }

            // Ordered by the names of From and To (as ranks of the names: the same order, without comparing strings),
            // then by kind; a stable sort of the edges in the order they were found, as before.
            All = [.. ordered
                .OrderBy(e => ranks[e.From])
                .ThenBy(e => ranks[e.To])
                .ThenBy(e => e.Kind)];
            // All is in the order of the used resources' names, and so is each resource's group.
            var dependencies = new Dictionary<CustomResource, List<CustomResource>>();
            foreach (var edge in All)
            {
                if (!dependencies.TryGetValue(edge.To, out var list))
                {
                    list = [];
                    dependencies[edge.To] = list;
                }

                // Each From once: its edges are adjacent, unless resources of the same name (an invalid graph) mix.
                if (list.Count == 0 || (list[^1] != edge.From && (ranks[list[^1]] != ranks[edge.From] || !list.Contains(edge.From))))
                {
                    list.Add(edge.From);
                }
            }

            Dependencies = dependencies.ToDictionary(d => d.Key, d => d.Value.ToImmutableArray());
        }

        public ImmutableArray<GraphEdge> All { get; }

        public Dictionary<CustomResource, ImmutableArray<CustomResource>> Dependencies { get; }
    }
}
