namespace EdgeInfra;

/// <summary>
/// The command line of a stack program (see <see cref="Usage"/>). Pulumi runs <c>synth</c> as the YAML runtime's
/// compiler; reviewers run <c>preview</c>, <c>diff</c>, <c>graph</c> and <c>check</c>. Exit codes: 0 done, 1 the stack cannot be
/// synthesized (or, with <c>diff --exit-code</c>, there are changes), 2 the command line or its input is wrong.
/// Nothing is printed on standard output unless the verb succeeds.
/// </summary>
public static class StackRunner
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: <stack program> <verb> [options]

        verbs:
          synth   [--stack S] [--out FILE]   print the Pulumi YAML program of stack S (default: $PULUMI_STACK);
                                             with no stack at all, print the packages the program uses
          preview [--stack S]                the stack's components and resources as a tree, with counts
          graph   [--stack S] [--format mermaid|dot] [--out FILE]
                                             the topology as a Mermaid or Graphviz diagram
          diff    [--stack S] --base FILE|REF [--format markdown|text] [--max-length N] [--exit-code] [--out FILE]
                                             what the working tree's program changes against a program file
                                             or against the program a git ref's tree synthesizes (and, for a
                                             ref, its stack config); Markdown is trimmed to N characters
                                             (default 60000)
          check   [--stack S] [--format text|markdown|sarif] [--fail-on low|medium|high|critical] [--out FILE]
                                             the program's policy pack on the stack: exit 0 when no finding
                                             that is not suppressed is at or above --fail-on (default low),
                                             1 when one is; SARIF 2.1.0 for GitHub code scanning
        """;

    /// <summary>Runs the command line <paramref name="args"/> for the stack <paramref name="createStack"/> makes.</summary>
    public static int Run(string[] args, Func<Stack> createStack, RunnerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            environment.Error.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
            if (command.Verb is not ("synth" or "preview" or "graph" or "diff" or "check"))
            {
                throw new FormatException($"unknown verb '{command.Verb}'.");
            }
        }
        catch (FormatException e)
        {
            environment.Error.WriteLine($"error: {e.Message}");
            environment.Error.WriteLine(Usage);
            return 2;
        }

        ProjectFile project;
        try
        {
            project = ProjectFile.Find(environment.WorkingDirectory);
        }
        catch (Exception e) when (e is FileNotFoundException or FormatException)
        {
            environment.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        var context = new VerbContext(command, createStack, environment, project);
        return command.Verb switch
        {
            "synth" => SynthVerb.Run(context),
            "preview" => PreviewVerb.Run(context),
            "graph" => GraphVerb.Run(context),
            "check" => CheckVerb.Run(context),
            _ => DiffVerb.Run(context),
        };
    }
}
