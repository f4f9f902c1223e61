using System.Text;

namespace EdgeInfra.Review;

/// <summary>
/// The topology as a Graphviz DOT digraph: components as nested clusters, resources as boxes filled by kind (edge,
/// Azure, generated), references as solid edges, <c>dependsOn</c> as dashed ones, explicit providers as dotted ones.
/// </summary>
public static class DotRenderer
{
    /// <summary>The DOT text of <paramref name="topology"/>.</summary>
    public static string Render(Topology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var ids = new NodeIds(topology.Graph.Resources);
        var settings = topology.Graph.Settings;
        var text = new StringBuilder();
        text.Append($"digraph {Quote($"{settings.ProjectName}-{settings.StackName}")} {{\n");
        text.Append("  rankdir=LR;\n");
        text.Append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
        text.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        WriteScope(null, 1);
        foreach (var edge in topology.Edges)
        {
            var style = edge.Kind switch
            {
                TopologyEdgeKind.Reference => string.Empty,
                TopologyEdgeKind.DependsOn => " [style=dashed]",
                _ => " [style=dotted, label=\"provider\"]",
            };
            text.Append($"  {ids[edge.From]} -> {ids[edge.To]}{style};\n");
        }

        text.Append("}\n");
        return text.ToString();

        void WriteScope(ComponentResource? component, int depth)
        {
            var indent = new string(' ', depth * 2);
            foreach (var resource in topology.ResourcesIn(component))
            {
                var (fill, stroke) = Colors(ResourceKinds.Of(resource.Package));
                var label = resource.LogicalName + "\n" + ResourceKinds.ShortType(resource.GetResourceType());
                text.Append($"{indent}{ids[resource]} [label={Quote(label)}, fillcolor=\"{fill}\", color=\"{stroke}\"];\n");
            }

            foreach (var child in topology.ComponentsIn(component))
            {
                text.Append($"{indent}subgraph cluster_{ids[child]} {{\n");
                text.Append($"{indent}  label={Quote($"{child.GetResourceName()} · {child.GetResourceType()}")};\n");
                text.Append($"{indent}  style=rounded;\n");
                WriteScope(child, depth + 1);
                text.Append($"{indent}}}\n");
            }
        }
    }

    private static (string Fill, string Stroke) Colors(ResourceKind kind) => kind switch
    {
        ResourceKind.Edge => ("#fff1e0", "#f38b00"),
        ResourceKind.Azure => ("#e8f1fb", "#0078d4"),
        ResourceKind.Generated => ("#f3eefa", "#8661c5"),
        _ => ("#f4f4f4", "#888888"),
    };

    /// <summary>A DOT string: backslashes and quotes escaped, line breaks as DOT's <c>\n</c>.</summary>
    private static string Quote(string text) => "\"" + text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
