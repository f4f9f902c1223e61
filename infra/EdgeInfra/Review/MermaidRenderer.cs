using System.Text;

namespace EdgeInfra.Review;

/// <summary>
/// The topology as a Mermaid flowchart: components as nested subgraphs, resources as nodes coloured by kind (edge,
/// Azure, generated), references as solid arrows, <c>dependsOn</c> as dashed arrows, explicit providers as dotted ones.
/// </summary>
public static class MermaidRenderer
{
    /// <summary>The Mermaid text of <paramref name="topology"/> (without the Markdown fence).</summary>
    public static string Render(Topology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var ids = new NodeIds(topology.Graph.Resources);
        var text = new StringBuilder("flowchart LR\n");
        WriteScope(null, 1);

        foreach (var edge in topology.Edges)
        {
            var arrow = edge.Kind switch
            {
                TopologyEdgeKind.Reference => "-->",
                TopologyEdgeKind.DependsOn => "-.->",
                _ => "-. provider .->",
            };
            text.Append($"  {ids[edge.From]} {arrow} {ids[edge.To]}\n");
        }

        foreach (var kind in Enum.GetValues<ResourceKind>())
        {
            var members = topology.Graph.CustomResources.Where(r => ResourceKinds.Of(r.Package) == kind).Select(r => ids[r]).ToList();
            if (members.Count > 0)
            {
                text.Append($"  class {string.Join(',', members)} {ClassName(kind)}\n");
            }
        }

        text.Append("  classDef edge fill:#fff1e0,stroke:#f38b00,color:#5c3300\n");
        text.Append("  classDef azure fill:#e8f1fb,stroke:#0078d4,color:#0b3a6e\n");
        text.Append("  classDef generated fill:#f3eefa,stroke:#8661c5,color:#3b2566\n");
        text.Append("  classDef other fill:#f4f4f4,stroke:#888888,color:#333333\n");
        return text.ToString();

        void WriteScope(ComponentResource? component, int depth)
        {
            var indent = new string(' ', depth * 2);
            foreach (var resource in topology.ResourcesIn(component))
            {
                text.Append($"{indent}{ids[resource]}[\"{Escape(resource.LogicalName)}<br/>{Escape(ResourceKinds.ShortType(resource.GetResourceType()))}\"]\n");
            }

            foreach (var child in topology.ComponentsIn(component))
            {
                text.Append($"{indent}subgraph {ids[child]}[\"{Escape(child.GetResourceName())} · {Escape(child.GetResourceType())}\"]\n");
                WriteScope(child, depth + 1);
                text.Append($"{indent}end\n");
            }
        }
    }

    private static string ClassName(ResourceKind kind) => kind switch
    {
        ResourceKind.Edge => "edge",
        ResourceKind.Azure => "azure",
        ResourceKind.Generated => "generated",
        _ => "other",
    };

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
