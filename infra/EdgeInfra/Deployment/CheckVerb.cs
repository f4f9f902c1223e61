using EdgeInfra.Policy;

namespace EdgeInfra;

/// <summary>
/// <c>check</c>: the program's policy pack on the selected stack's graph, as text, Markdown or SARIF. Exit 0 when no
/// finding that counts (not suppressed) is at or above <c>--fail-on</c> (default <c>low</c>: every one counts), 1 when
/// one is or the stack cannot be synthesized, 2 on a usage error.
/// </summary>
internal static class CheckVerb
{
    public static int Run(VerbContext context)
    {
        var format = context.Command.Option("format") ?? "text";
        if (format is not ("text" or "markdown" or "sarif"))
        {
            context.Environment.Error.WriteLine($"error: --format '{format}' is not a report format: use text, markdown or sarif.");
            return 2;
        }

        var failOnText = context.Command.Option("fail-on") ?? "low";
        if (!Enum.TryParse<PolicySeverity>(failOnText, ignoreCase: true, out var failOn) || !Enum.IsDefined(failOn) || !failOnText.All(char.IsAsciiLetter))
        {
            context.Environment.Error.WriteLine($"error: --fail-on '{failOnText}' is not a severity: use low, medium, high or critical.");
            return 2;
        }

        if (context.Environment.Policies is not { } pack)
        {
            context.Environment.Error.WriteLine("error: this stack program has no policy pack: give one to Deployment.Run(args, createStack, pack).");
            return 2;
        }

        return StackVerb.WithGraph(context, (graph, stack) =>
        {
            PolicyReport report;
            try
            {
                report = pack.Evaluate(graph);
            }
            catch (ArgumentException e) when (e.ParamName == "graph")
            {
                // A suppression that names a rule the pack does not have (PolicyPack.Evaluate); anything else a rule
                // throws is a bug, reported as one.
                context.Environment.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            var stackFile = Path.GetRelativePath(context.Environment.WorkingDirectory, context.Project.StackFile(stack)).Replace('\\', '/');
            var emitted = context.Emit(format switch
            {
                "markdown" => PolicyMarkdownRenderer.Render(report),
                "sarif" => PolicySarifRenderer.Render(report, stackFile),
                _ => PolicyTextRenderer.Render(report),
            });
            return emitted != 0 ? emitted : report.Fails(failOn) ? 1 : 0;
        });
    }
}
