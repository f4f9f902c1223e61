using EdgeInfra.Review;

namespace EdgeInfra;

/// <summary><c>preview</c>: the selected stack's components and resources as a tree, with counts per provider and per type.</summary>
internal static class PreviewVerb
{
    public static int Run(VerbContext context) => StackVerb.WithGraph(context, (graph, _) =>
        context.Emit(PreviewRenderer.Render(graph, context.Environment.Color && context.Command.Option("out") is null)));
}
