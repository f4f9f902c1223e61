using EdgeInfra.Review;

namespace EdgeInfra;

/// <summary>
/// <c>diff</c>: what the working tree's program of the selected stack changes against a base program — a file, or
/// the program a git ref's tree synthesizes, with the changes of the stack settings file beside it — as Markdown for a pull-request comment or as plain text. Exit codes:
/// 0 (1 with <c>--exit-code</c> when there are changes); 2 when the base or the working tree cannot be had.
/// </summary>
internal static class DiffVerb
{
    public static int Run(VerbContext context)
    {
        if (context.Command.Option("base") is not { } baseName)
        {
            context.Environment.Error.WriteLine("error: diff needs --base FILE|REF: the program file or git ref to compare with.");
            return 2;
        }

        var format = context.Command.Option("format") ?? "markdown";
        if (format is not ("markdown" or "text"))
        {
            context.Environment.Error.WriteLine($"error: --format '{format}' is not a diff format: use markdown or text.");
            return 2;
        }

        var limits = DiffRenderOptions.Default;
        if (context.Command.Option("max-length") is { } maxLength)
        {
            if (!int.TryParse(maxLength, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) || length < MinMaxLength)
            {
                context.Environment.Error.WriteLine($"error: --max-length '{maxLength}' is not a number of characters of at least {MinMaxLength}.");
                return 2;
            }

            limits = new DiffRenderOptions { MaxLength = length };
        }

        return StackVerb.WithGraph(context, (graph, stack) => Compare(context, graph, stack, baseName, format, limits), synthesisFailure: 2);
    }

    /// <summary>
    /// Where base trees are kept between diffs: <c>EDGEINFRA_CACHE_HOME</c>, else <c>$XDG_CACHE_HOME/edgeinfra</c>,
    /// else <c>$HOME/.cache/edgeinfra</c> (absolute paths only, as the XDG base directory specification asks); null
    /// (a temporary folder per diff) when none is set.
    /// </summary>
    internal static string? CacheDirectory(Func<string, string?> variables) =>
        variables("EDGEINFRA_CACHE_HOME") is { } own && Path.IsPathFullyQualified(own) ? own
        : variables("XDG_CACHE_HOME") is { } xdg && Path.IsPathFullyQualified(xdg) ? Path.Combine(xdg, "edgeinfra")
        : variables("HOME") is { } home && Path.IsPathFullyQualified(home) ? Path.Combine(home, ".cache", "edgeinfra")
        : null;

    /// <summary>The smallest <c>--max-length</c>: room for the summary, the risks and the note on what was left out.</summary>
    private const int MinMaxLength = 2000;

    private static int Compare(VerbContext context, StackGraph graph, string stack, string baseName, string format, DiffRenderOptions limits)
    {
        ProgramDocument before;
        StackConfigValues? baseSettings;
        try
        {
            var loaded = BaseProgramSource.LoadWithConfig(baseName, stack, context.Project.Directory, context.Environment.Error, CacheDirectory(context.Environment.Variables));
            before = ProgramDocument.Parse(loaded.Program);
            baseSettings = loaded.StackConfig;
        }
        catch (BaseProgramException e)
        {
            context.Environment.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (FormatException e)
        {
            context.Environment.Error.WriteLine($"error: the base '{baseName}' is not a Pulumi YAML program: {e.Message}");
            return 2;
        }

        // The working tree's settings already synthesized the graph: they are readable.
        var settings = baseSettings is null ? null : StackConfigValues.Read(context.Project.StackFile(stack), context.Project.Name);
        var after = ProgramDocument.Parse(ProgramSynthesizer.Synthesize(graph));
        var components = new ComponentPaths(graph);
        var diff = ProgramDiff.Compare(before, after, new DiffContext
        {
            Packages = graph.Settings.Packages,
            ComponentOf = components.Of,
            StackName = stack,
            BaseStackConfig = baseSettings,
            StackConfig = settings,
        });
        var written = context.Emit(format == "text"
            ? DiffRenderer.PlainText(diff, DiffRenderOptions.Unlimited)
            : DiffRenderer.Markdown(diff, limits));
        if (written != 0)
        {
            return written;
        }

        return context.Command.Flag("exit-code") && diff.HasChanges ? 1 : 0;
    }
}
