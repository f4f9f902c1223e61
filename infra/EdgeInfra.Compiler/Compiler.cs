using System.Diagnostics;
using System.Reflection;

namespace EdgeInfra.Compiler;

/// <summary>
/// Runs a stack program as the Pulumi YAML runtime's compiler. Pulumi runs the compiler several times per operation,
/// so it must be fast and never run a stale build: the program is built (<c>dotnet build -c Release</c>, into the
/// project's <c>bin/edgeinfra-compile</c>) only when <see cref="SourceHash"/> differs from the hash of the last
/// successful build, and then run with <c>dotnet</c>. Everything the compiler and the build print goes to standard
/// error; standard output is the stack program's (the synthesized Pulumi YAML program). Concurrent runs wait for each
/// other's build.
/// </summary>
internal static class Compiler
{
    public const string OutputFolder = "bin/edgeinfra-compile";

    private const string HashFile = "sources.sha256";

    public static int Run(string[] args, string workingDirectory, TextWriter error)
    {
        CompilerCommand command;
        try
        {
            command = CompilerCommand.Parse(args, workingDirectory);
        }
        catch (FormatException e)
        {
            error.WriteLine($"edgeinfra-compile: {e.Message}");
            error.WriteLine(CompilerCommand.Usage);
            return 2;
        }

        var projectDirectory = Path.GetDirectoryName(command.ProjectFile)!;
        var output = Path.Combine(projectDirectory, OutputFolder);
        var program = Path.Combine(output, Path.GetFileNameWithoutExtension(command.ProjectFile) + ".dll");
        Directory.CreateDirectory(output);
        using (AcquireLock(output + ".lock"))
        {
            var hash = ToolVersion + ":" + SourceHash.Compute([projectDirectory, workingDirectory]);
            var hashPath = Path.Combine(output, HashFile);
            if (!File.Exists(program) || !File.Exists(hashPath) || File.ReadAllText(hashPath) != hash)
            {
                error.WriteLine($"edgeinfra-compile: sources changed, building {command.ProjectFile}...");
                var built = RunDotnet(["build", command.ProjectFile, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"], workingDirectory, error);
                if (built != 0)
                {
                    error.WriteLine($"edgeinfra-compile: the build of {command.ProjectFile} failed (exit code {built}).");
                    return 1;
                }

                if (!File.Exists(program))
                {
                    error.WriteLine($"edgeinfra-compile: the build wrote no {program}: the project's assembly must be named after its project file.");
                    return 1;
                }

                File.WriteAllText(hashPath, hash);
            }
        }

        return RunDotnet([program, .. command.ProgramArguments], workingDirectory, error: null);
    }

    private static string ToolVersion =>
        typeof(Compiler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Runs <c>dotnet</c>; its standard output goes to <paramref name="error"/> when given, else to ours.</summary>
    private static int RunDotnet(IReadOnlyList<string> arguments, string workingDirectory, TextWriter? error)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = error is not null,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (error is not null)
        {
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is not null)
                {
                    error.WriteLine(line.Data);
                }
            };
            process.BeginOutputReadLine();
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
