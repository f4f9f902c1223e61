namespace EdgeInfra;

/// <summary>
/// The command line of a stack program. <c>synth [--stack S] [--out FILE]</c> prints the Pulumi YAML program of a
/// stack; Pulumi runs it as the YAML runtime's compiler. Exit codes: 0 done, 1 the stack cannot be synthesized,
/// 2 the command line or the project is wrong. Nothing is printed on standard output unless the verb succeeds.
/// </summary>
public static class StackRunner
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: <stack program> <verb> [options]

        verbs:
          synth [--stack S] [--out FILE]   print the Pulumi YAML program of stack S (default: $PULUMI_STACK);
                                           with no stack at all, print the packages the program uses
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
        }
        catch (FormatException e)
        {
            environment.Error.WriteLine($"error: {e.Message}");
            environment.Error.WriteLine(Usage);
            return 2;
        }

        return command.Verb switch
        {
            "synth" => Synth(command, createStack, environment),
            _ => UnknownVerb(command.Verb, environment),
        };
    }

    private static int UnknownVerb(string verb, RunnerEnvironment environment)
    {
        environment.Error.WriteLine($"error: unknown verb '{verb}'.");
        environment.Error.WriteLine(Usage);
        return 2;
    }

    private static int Synth(CommandLine command, Func<Stack> createStack, RunnerEnvironment environment)
    {
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

        var projectName = environment.Variables("PULUMI_PROJECT") is { Length: > 0 } fromPulumi ? fromPulumi : project.Name;
        var stack = command.Option("stack") ?? environment.Variables("PULUMI_STACK");
        var pulumiConfig = environment.Variables("PULUMI_CONFIG");
        string program;
        if (string.IsNullOrEmpty(stack))
        {
            // Package discovery: Pulumi asks for the program with no stack and no config.
            program = ProgramSynthesizer.PackageManifest(projectName, environment.Packages);
        }
        else
        {
            try
            {
                var settings = new DeploymentSettings
                {
                    ProjectName = projectName,
                    StackName = stack,
                    Config = ReadConfig(stack, pulumiConfig, project, environment),
                    Packages = environment.Packages,
                };
                program = ProgramSynthesizer.Synthesize(StackBuilder.Build(createStack, settings));
            }
            catch (SynthesisException e)
            {
                environment.Error.WriteLine($"error: stack '{stack}' cannot be synthesized.");
                foreach (var error in e.Errors)
                {
                    environment.Error.WriteLine($"  - {error}");
                }

                return 1;
            }
            catch (FormatException e)
            {
                environment.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        }

        return Emit(program, command.Option("out"), environment);
    }

    private static ConfigSource ReadConfig(string stack, string? pulumiConfig, ProjectFile project, RunnerEnvironment environment)
    {
        var pulumiStack = environment.Variables("PULUMI_STACK");
        if (!string.IsNullOrEmpty(pulumiConfig) && (string.IsNullOrEmpty(pulumiStack) || pulumiStack == stack))
        {
            return PulumiConfigEnvironment.Read(pulumiConfig, environment.Variables("PULUMI_CONFIG_SECRET_KEYS"));
        }

        var file = project.StackFile(stack);
        return File.Exists(file) ? StackConfigFile.Read(file) : ConfigSource.Empty;
    }

    private static int Emit(string program, string? outFile, RunnerEnvironment environment)
    {
        if (outFile is null)
        {
            environment.Output.Write(program);
            environment.Output.Flush();
            return 0;
        }

        var path = Path.GetFullPath(outFile, environment.WorkingDirectory);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllText(temporary, program);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            environment.Error.WriteLine($"error: cannot write {path}: {e.Message}");
            return 1;
        }

        return 0;
    }
}
