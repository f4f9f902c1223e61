namespace EdgeInfra.Generator.Cli;

/// <summary>The command line <c>generate --schema &lt;file&gt; [--schema ...] --out &lt;dir&gt; [--check]</c>.</summary>
/// <param name="Schemas">The schema files, in the order given.</param>
/// <param name="OutputFolder">The folder that holds one folder per package.</param>
/// <param name="Check">True to compare with the files on disk instead of writing.</param>
internal sealed record GenerateOptions(IReadOnlyList<string> Schemas, string OutputFolder, bool Check)
{
    /// <summary>How the command is used.</summary>
    public const string Usage = "usage: generate --schema <file.schema.json> [--schema <file> ...] --out <dir> [--check]";

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">The command line is not valid; the message says why.</exception>
    public static GenerateOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "generate")
        {
            throw new ArgumentException("the command must be 'generate'");
        }

        var schemas = new List<string>();
        string? output = null;
        var check = false;
        for (var index = 1; index < args.Count; index++)
        {
            switch (args[index])
            {
                case "--schema":
                    schemas.Add(ValueOf(args, ++index, "--schema"));
                    break;
                case "--out":
                    output = output is null ? ValueOf(args, ++index, "--out") : throw new ArgumentException("--out is given twice");
                    break;
                case "--check":
                    check = true;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[index]}'");
            }
        }

        if (schemas.Count == 0)
        {
            throw new ArgumentException("no --schema given");
        }

        return new GenerateOptions(schemas, output ?? throw new ArgumentException("no --out given"), check);
    }

    private static string ValueOf(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count && !args[index].StartsWith("--", StringComparison.Ordinal) ? args[index] : throw new ArgumentException($"{option} needs a value");
}
