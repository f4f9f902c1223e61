namespace EdgeInfra.Compiler;

/// <summary>The command line: <c>[--project PATH] ARGS...</c>, where ARGS go to the stack program unchanged.</summary>
internal sealed record CompilerCommand(string ProjectFile, IReadOnlyList<string> ProgramArguments)
{
    public const string Usage = """
        usage: edgeinfra-compile [--project PATH] <stack program arguments>
          e.g. in Pulumi.yaml:  compiler: edgeinfra-compile --project MyStacks/MyStacks.csproj synth
        Builds the project (only when a source changed; build output on standard error) and runs it with the
        arguments; its standard output is the program's. PATH is a .csproj or a folder holding one, relative to the
        working directory (Pulumi runs the compiler in the folder of Pulumi.yaml); default: the working directory.
        """;

    /// <summary>Reads the command line in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="FormatException">The command line or the project is wrong.</exception>
    public static CompilerCommand Parse(IReadOnlyList<string> args, string workingDirectory)
    {
        var project = workingDirectory;
        var rest = args;
        if (args.Count > 0 && args[0] == "--project")
        {
            if (args.Count < 2)
            {
                throw new FormatException("--project needs a path.");
            }

            project = Path.GetFullPath(args[1], workingDirectory);
            rest = [.. args.Skip(2)];
        }

        if (rest.Count == 0)
        {
            throw new FormatException("no arguments for the stack program (e.g. synth).");
        }

        return new CompilerCommand(FindProjectFile(project), rest);
    }

    private static string FindProjectFile(string path)
    {
        if (File.Exists(path) && path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new FormatException($"'{path}' is neither a .csproj nor a folder.");
        }

        var projects = Directory.GetFiles(path, "*.csproj");
        return projects.Length == 1
            ? projects[0]
            : throw new FormatException($"'{path}' holds {projects.Length} .csproj files: name one with --project.");
    }
}
