namespace EdgeInfra;

/// <summary>The part the review verbs share: they need a selected stack whose graph builds.</summary>
internal static class StackVerb
{
    /// <summary>
    /// Builds the selected stack's graph and runs <paramref name="use"/> with it and the stack name. No stack
    /// selected is a usage error (2); a stack that cannot be synthesized exits <paramref name="synthesisFailure"/>.
    /// </summary>
    public static int WithGraph(VerbContext context, Func<StackGraph, string, int> use, int synthesisFailure = 1)
    {
        if (context.StackName is not { } stack)
        {
            context.Environment.Error.WriteLine($"error: {context.Command.Verb} needs a stack: pass --stack S or set PULUMI_STACK.");
            return 2;
        }

        StackGraph graph;
        try
        {
            graph = context.BuildGraph(stack);
        }
        catch (SynthesisException e)
        {
            context.ReportSynthesisFailure(stack, e);
            return synthesisFailure;
        }
        catch (FormatException e)
        {
            context.Environment.Error.WriteLine($"error: {e.Message}");
            return synthesisFailure;
        }

        return use(graph, stack);
    }
}
