using System.Diagnostics;
using System.Formats.Tar;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Review;

/// <summary>
/// The program a diff compares against: a program file, or the program that a git ref's tree synthesizes. For a
/// ref, the whole repository tree at the ref is exported to a folder outside the working tree (a cache folder kept
/// between diffs, or a temporary one; the working tree is never touched) and the <c>Pulumi.yaml</c> compiler of the project's folder in it — the same folder, relative to
/// the repository root, as the working tree's project — is run there with <c>PULUMI_STACK</c> set, exactly as Pulumi
/// would run it, so the old code and the old stack config decide the old program.
/// </summary>
public static class BaseProgramSource
{
    /// <summary>The base program named by <paramref name="fileOrRef"/>, relative to <paramref name="projectDirectory"/>.</summary>
    /// <exception cref="BaseProgramException">Neither a readable file nor a git ref whose tree synthesizes.</exception>
    public static string Load(string fileOrRef, string stack, string projectDirectory, TextWriter progress) =>
        LoadWithConfig(fileOrRef, stack, projectDirectory, progress).Program;

    /// <summary>
    /// The base program named by <paramref name="fileOrRef"/>, relative to <paramref name="projectDirectory"/>, with
    /// the stack settings file of the ref's tree (none for a program file). A ref's tree is built in a temporary
    /// folder, removed afterwards.
    /// </summary>
    /// <exception cref="BaseProgramException">Neither a readable file nor a git ref whose tree synthesizes.</exception>
    public static BaseProgram LoadWithConfig(string fileOrRef, string stack, string projectDirectory, TextWriter progress) =>
        LoadWithConfig(fileOrRef, stack, projectDirectory, progress, cacheDirectory: null);

    /// <summary>
    /// The base program named by <paramref name="fileOrRef"/>, relative to <paramref name="projectDirectory"/>, with
    /// the stack settings file of the ref's tree (none for a program file). With a <paramref name="cacheDirectory"/>,
    /// a ref's tree is written and built in a folder under it that is kept between diffs, so that the next diff
    /// rebuilds only the projects whose files differ (see <c>BaseTreeWorkspace</c>); without one, or while another
    /// diff of the repository holds that folder, in a temporary folder removed afterwards.
    /// </summary>
    /// <exception cref="BaseProgramException">Neither a readable file nor a git ref whose tree synthesizes.</exception>
    public static BaseProgram LoadWithConfig(string fileOrRef, string stack, string projectDirectory, TextWriter progress, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(fileOrRef);
        ArgumentNullException.ThrowIfNull(progress);
        var file = Path.GetFullPath(fileOrRef, projectDirectory);
        if (File.Exists(file))
        {
            return new BaseProgram(File.ReadAllText(file), null);
        }

        var commit = Git(projectDirectory, "rev-parse", "--verify", "--quiet", fileOrRef + "^{commit}");
        if (commit.ExitCode != 0)
        {
            throw new BaseProgramException($"'{fileOrRef}' is neither a file nor a git commit of the repository at {projectDirectory}.");
        }

        var top = Git(projectDirectory, "rev-parse", "--show-toplevel").Output.Trim();
        var relativeProject = Git(projectDirectory, "rev-parse", "--show-prefix").Output.Trim();
        var sha = commit.Output.Trim();
        var tree = $"the tree of {fileOrRef} ({sha[..Math.Min(12, sha.Length)]})";
        var what = $"stack '{stack}' from {tree}";
        using var workspace = cacheDirectory is null ? null : BaseTreeWorkspace.TryOpen(cacheDirectory, top);
        if (workspace is not null)
        {
            progress.WriteLine($"diff: synthesizing {what} in {workspace.Directory}...");
            Export(top, sha, archive =>
            {
                try
                {
                    workspace.Sync(archive);
                }
                catch (BaseProgramException e)
                {
                    throw new BaseProgramException($"{tree}: {e.Message}");
                }
            });
            return Synthesize(Path.Combine(workspace.Directory, relativeProject), stack, fileOrRef);
        }

        if (cacheDirectory is not null)
        {
            progress.WriteLine($"diff: the base-tree cache under {cacheDirectory} is held by another diff or cannot be written: building in a temporary folder.");
        }

        var temporary = Directory.CreateTempSubdirectory("edgeinfra-diff-base-");
        try
        {
            progress.WriteLine($"diff: synthesizing {what}...");
            Export(top, sha, tar => TarFile.ExtractToDirectory(tar, temporary.FullName, overwriteFiles: false));
            return Synthesize(Path.Combine(temporary.FullName, relativeProject), stack, fileOrRef);
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }

    private static BaseProgram Synthesize(string project, string stack, string name) =>
        new(RunCompiler(project, stack, name), StackSettings(project, stack, name));

    /// <summary>
    /// Streams the tree of <paramref name="commit"/> as a tar archive to <paramref name="write"/>. <c>git archive</c>
    /// run in a subfolder exports only that subfolder, so it runs at the repository root <paramref name="repository"/>.
    /// </summary>
    private static void Export(string repository, string commit, Action<Stream> write)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
        foreach (var argument in new[] { "archive", "--format=tar", commit })
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new BaseProgramException("git cannot be started.");
        var errors = git.StandardError.ReadToEndAsync();
        try
        {
            var archive = git.StandardOutput.BaseStream;
            write(archive);
            if (archive.CanRead)
            {
                archive.CopyTo(Stream.Null); // the archive's end padding, which a reader may leave
            }
        }
        catch
        {
            git.Kill();
            throw;
        }

        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new BaseProgramException($"git archive {commit} failed: {errors.Result.Trim()}");
        }
    }

    /// <summary>The stack settings of the base tree's project (no values when it has no settings file for the stack).</summary>
    private static StackConfigValues StackSettings(string project, string stack, string name)
    {
        try
        {
            var projectFile = ProjectFile.Find(project);
            return StackConfigValues.Read(projectFile.StackFile(stack), projectFile.Name);
        }
        catch (FormatException e)
        {
            throw new BaseProgramException($"the stack settings of {name} cannot be read: {e.Message}");
        }
    }

    private static string RunCompiler(string project, string stack, string name)
    {
        var pulumiYaml = Path.Combine(project, "Pulumi.yaml");
        if (!File.Exists(pulumiYaml))
        {
            throw new BaseProgramException($"the tree of {name} has no Pulumi.yaml in the project's folder.");
        }

        var words = CompilerWords(pulumiYaml)
            ?? throw new BaseProgramException($"the Pulumi.yaml of {name} names no runtime.options.compiler.");
        var start = new ProcessStartInfo(words[0]) { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        start.Environment["PULUMI_STACK"] = stack;
        // MSBuild reads environment variables as properties: the base build skips the analyzers, which only report
        // and never change the compiled program, and cost about 40% of a clean build of this repository's tree.
        start.Environment["RunAnalyzers"] = "false";
        start.Environment.Remove("PULUMI_CONFIG");
        start.Environment.Remove("PULUMI_CONFIG_SECRET_KEYS");
        start.Environment.Remove("PULUMI_PROJECT");
        using var compiler = Process.Start(start) ?? throw new BaseProgramException($"the compiler of {name} cannot be started.");
        var errors = compiler.StandardError.ReadToEndAsync();
        var program = compiler.StandardOutput.ReadToEnd();
        compiler.WaitForExit();
        if (compiler.ExitCode != 0)
        {
            var tail = string.Join('\n', errors.Result.Trim().Split('\n').TakeLast(15));
            throw new BaseProgramException($"stack '{stack}' does not synthesize at {name} (compiler exit code {compiler.ExitCode}):\n{tail}");
        }

        return program;
    }

    private static string[]? CompilerWords(string pulumiYaml)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(pulumiYaml))
        {
            yaml.Load(reader);
        }

        return yaml.Documents.Count > 0
            && yaml.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("runtime"), out var runtime) && runtime is YamlMappingNode runtimeMap
            && runtimeMap.Children.TryGetValue(new YamlScalarNode("options"), out var options) && options is YamlMappingNode optionsMap
            && optionsMap.Children.TryGetValue(new YamlScalarNode("compiler"), out var compiler) && compiler is YamlScalarNode { Value: { Length: > 0 } text }
                ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                : null;
    }

    private static (int ExitCode, string Output) Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return (git.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, string.Empty);
        }
    }
}
