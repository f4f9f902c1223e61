using EdgeInfra.Review;

namespace EdgeInfra;

/// <summary><c>graph</c>: the selected stack's topology as a Mermaid (default) or Graphviz DOT diagram.</summary>
internal static class GraphVerb
{
    public static int Run(VerbContext context)
    {
        var format = context.Command.Option("format") ?? "mermaid";
        if (format is not ("mermaid" or "dot"))
        {
            context.Environment.Error.WriteLine($"error: --format '{format}' is not a diagram format: use mermaid or dot.");
            return 2;
        }

        return StackVerb.WithGraph(context, (graph, _) =>
        {
            var topology = Topology.Of(graph);
            return context.Emit(format == "dot" ? DotRenderer.Render(topology) : MermaidRenderer.Render(topology));
        });
    }
}
