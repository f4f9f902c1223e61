namespace EdgeInfra;

/// <summary>A parsed command line: a verb, its <c>--name value</c> options and its <c>--flag</c> switches.</summary>
internal sealed class CommandLine
{
    private static readonly HashSet<string> KnownOptions = new(StringComparer.Ordinal) { "stack", "out", "format", "max-length", "base", "fail-on" };
    private static readonly HashSet<string> KnownFlags = new(StringComparer.Ordinal) { "exit-code" };
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _flags;

    private CommandLine(string verb, Dictionary<string, string> options, HashSet<string> flags)
    {
        Verb = verb;
        _options = options;
        _flags = flags;
    }

    public string Verb { get; }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    /// <exception cref="FormatException">An option is unknown, given twice or has no value.</exception>
    public static CommandLine Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new FormatException($"unexpected argument '{arg}'.");
            }

            var name = arg[2..];
            if (KnownFlags.Contains(name))
            {
                if (!flags.Add(name))
                {
                    throw new FormatException($"option --{name} is given twice.");
                }

                continue;
            }

            string value;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else if (KnownOptions.Contains(name))
            {
                throw new FormatException($"option --{name} needs a value.");
            }
            else
            {
                throw new FormatException($"unknown option --{name}.");
            }

            if (!KnownOptions.Contains(name))
            {
                throw new FormatException($"unknown option --{name}.");
            }

            if (value.Length == 0)
            {
                throw new FormatException($"option --{name} needs a value.");
            }

            if (!options.TryAdd(name, value))
            {
                throw new FormatException($"option --{name} is given twice.");
            }
        }

        return new CommandLine(args[0], options, flags);
    }
}
