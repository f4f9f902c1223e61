namespace EdgeInfra;

/// <summary>What every verb works with: the command line, the stack to build, the project and the environment.</summary>
internal sealed class VerbContext(CommandLine command, Func<Stack> createStack, RunnerEnvironment environment, ProjectFile project)
{
    public CommandLine Command { get; } = command;

    public RunnerEnvironment Environment { get; } = environment;

    public ProjectFile Project { get; } = project;

    public string ProjectName { get; } =
        environment.Variables("PULUMI_PROJECT") is { Length: > 0 } fromPulumi ? fromPulumi : project.Name;

    /// <summary>The selected stack: <c>--stack</c>, else <c>PULUMI_STACK</c>; null when neither is given.</summary>
    public string? StackName { get; } = command.Option("stack") is { } fromCommand
        ? fromCommand
        : environment.Variables("PULUMI_STACK") is { Length: > 0 } fromPulumi ? fromPulumi : null;

    /// <summary>Builds the selected stack's graph with its config.</summary>
    /// <exception cref="SynthesisException">The stack cannot be built.</exception>
    /// <exception cref="FormatException">The stack's config cannot be read.</exception>
    public StackGraph BuildGraph(string stack) => StackBuilder.Build(createStack, new DeploymentSettings
    {
        ProjectName = ProjectName,
        StackName = stack,
        Config = ReadConfig(stack),
        Packages = Environment.Packages,
        ProjectDirectory = Environment.WorkingDirectory,
        LogWriter = Environment.Error,
    });

    /// <summary>Writes a synthesis failure to standard error.</summary>
    public void ReportSynthesisFailure(string stack, SynthesisException failure)
    {
        Environment.Error.WriteLine($"error: stack '{stack}' cannot be synthesized.");
        foreach (var error in failure.Errors)
        {
            Environment.Error.WriteLine($"  - {error}");
        }
    }

    /// <summary>Writes <paramref name="text"/> to <c>--out</c> (atomically) or standard output.</summary>
    /// <returns>0, or 1 when the file cannot be written.</returns>
    public int Emit(string text)
    {
        if (Command.Option("out") is not { } outFile)
        {
            Environment.Output.Write(text);
            Environment.Output.Flush();
            return 0;
        }

        var path = Path.GetFullPath(outFile, Environment.WorkingDirectory);
        if (WriteAtomically(path, text) is { } problem)
        {
            Environment.Error.WriteLine($"error: cannot write {ConfigException.Quote(path)}: {problem}");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// Writes <paramref name="text"/> to a new file of an unpredictable name in <paramref name="path"/>'s folder (created
    /// exclusively, so no file or link of that name is followed), then renames it over <paramref name="path"/>. A
    /// symbolic link at <paramref name="path"/> is refused. Returns what went wrong, or null.
    /// </summary>
    private static string? WriteAtomically(string path, string text)
    {
        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            return $"the folder {ConfigException.Quote(folder)} does not exist";
        }

        if (new FileInfo(path) is { LinkTarget: not null })
        {
            return "it is a symbolic link: give the path of a regular file";
        }

        if (Directory.Exists(path))
        {
            return "it is a folder";
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None }))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file could not be created or is already gone; the first error is the one to report.
            }

            return e.Message;
        }
    }

    private ConfigSource ReadConfig(string stack)
    {
        var pulumiStack = Environment.Variables("PULUMI_STACK");
        var pulumiConfig = Environment.Variables("PULUMI_CONFIG");
        if (!string.IsNullOrEmpty(pulumiConfig) && (string.IsNullOrEmpty(pulumiStack) || pulumiStack == stack))
        {
            return PulumiConfigEnvironment.Read(pulumiConfig, Environment.Variables("PULUMI_CONFIG_SECRET_KEYS"));
        }

        var file = Project.StackFile(stack);
        return File.Exists(file) ? StackConfigFile.Read(file) : ConfigSource.Empty;
    }
}
