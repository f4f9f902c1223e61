using System.Diagnostics;
using System.Text.Json.Nodes;

namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// The compiler's output cache (stacks/compile) is never stale: the real script runs in a copy of the repository
/// (sources, stack files, and the compiler build of the repository so that only a source change rebuilds), one input
/// is changed, and the next run prints the new program. Tests of one class run one after another: they share the copy.
/// </summary>
public sealed class CompilerCacheTests(CompilerCacheTests.Copy copy) : IClassFixture<CompilerCacheTests.Copy>
{
    /// <summary>A copy of what the stack program reads and builds from, with the repository's compiler build.</summary>
    public sealed class Copy : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("edgeinfra-compiler-cache-").FullName;

        public Copy()
        {
            // The repository's compiler build, current (a no-stack synth builds it if needed), as the copy's own.
            Assert.Equal(0, RunIn(Repository.Root, new Dictionary<string, string?>(), "synth").ExitCode);
            foreach (var folder in new[] { "infra", "components", "stacks" })
            {
                CopyTree(Path.Combine(Repository.Root, folder), Path.Combine(Root, folder));
            }

            foreach (var file in Directory.EnumerateFiles(Repository.Root).Select(Path.GetFileName))
            {
                if (file!.StartsWith("Directory.", StringComparison.Ordinal) || file.StartsWith("Pulumi", StringComparison.Ordinal) || file is "global.json" or ".editorconfig")
                {
                    File.Copy(Path.Combine(Repository.Root, file), Path.Combine(Root, file));
                }
            }

            CopyTree(Path.Combine(Repository.Root, ".build", "compiler"), Path.Combine(Root, ".build", "compiler"));
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var folder in Directory.EnumerateDirectories(from).Where(f => Path.GetFileName(f) is not ("bin" or "obj" or "node_modules")))
            {
                CopyTree(folder, Path.Combine(to, Path.GetFileName(folder)));
            }
        }
    }

    private static readonly string[] ProgramVariables = ["PULUMI_STACK", "PULUMI_CONFIG", "PULUMI_CONFIG_SECRET_KEYS", "PULUMI_PROJECT"];

    /// <summary>Runs <c>bash stacks/compile ARGS</c> in <paramref name="directory"/> as Pulumi does, with only <paramref name="variables"/> of the program's variables set.</summary>
    private static (int ExitCode, string Output, string Error) RunIn(string directory, IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("stacks/compile");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in ProgramVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the compiler did not finish in 5 minutes");
        return (process.ExitCode, output, error.Result);
    }

    private (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string?> variables, params string[] args) =>
        RunIn(copy.Root, variables, args);

    private string Synth(IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var (exitCode, output, error) = Run(variables, args);
        Assert.True(exitCode == 0, error);
        return output;
    }

    private static readonly Dictionary<string, string?> Dev = new() { ["PULUMI_STACK"] = "dev" };

    private string Path_(string relative) => Path.Combine(copy.Root, relative);

    private void Edit(string relative, string from, string to)
    {
        var text = File.ReadAllText(Path_(relative));
        Assert.Contains(from, text);
        File.WriteAllText(Path_(relative), text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>
    /// Runs once, empties the cache, lets the timestamp window pass (stacks/compile stores no output when an input
    /// changed in the 3 s before its run), then runs so that the output is stored; returns the stored entry (KEY.out).
    /// </summary>
    private string StoredEntry(IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        // A first run writes the EdgeWorker tarball this program needs, when it is not there yet: a run that writes
        // one is not stored (the tarball is an input of the next run's key).
        Synth(variables, args);
        Thread.Sleep(TimeSpan.FromSeconds(3.5));
        var cache = Path_(".build/compiler-cache");
        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, recursive: true);
        }

        Synth(variables, args);
        return Assert.Single(Directory.GetFiles(cache, "*.out"));
    }

    /// <summary>The program of a run whose output is stored, so that a stale cache would print it again.</summary>
    private string Stored(IReadOnlyDictionary<string, string?> variables, params string[] args) => File.ReadAllText(StoredEntry(variables, args));

    [Fact]
    public void With_nothing_changed_the_stored_output_is_printed()
    {
        var program = Synth(Dev, "synth");
        var entry = StoredEntry(Dev, "synth");
        Assert.Equal(program, File.ReadAllText(entry));
        File.WriteAllText(entry, "the stored output\n");
        try
        {
            Assert.Equal("the stored output\n", Synth(Dev, "synth"));
        }
        finally
        {
            File.Delete(entry);
        }
    }

    [Fact]
    public void A_changed_source_file_rebuilds_and_gives_the_new_program()
    {
        var before = Stored(Dev, "synth");
        Assert.Contains("managedBy: \"edge-infra\"", before);
        Edit("stacks/EdgeInfra.Stacks/EdgeStack.cs", "[\"managedBy\"] = \"edge-infra\"", "[\"managedBy\"] = \"edge-infra-changed\"");
        var (exitCode, after, error) = Run(Dev, "synth");
        Assert.True(exitCode == 0, error);
        Assert.Contains("building the stack program", error);
        Assert.Contains("managedBy: \"edge-infra-changed\"", after);
    }

    [Fact]
    public void A_changed_edgeworker_bundle_file_gives_the_new_program()
    {
        var before = Stored(Dev, "synth");
        Assert.Contains("edgeWorkerVersion: \"1.3.1-", before);
        const string bundle = "components/edgeworkers/bundles/edge-gateway";
        File.AppendAllText(Path_($"{bundle}/lib/utf8.js"), "// changed\n");
        Edit($"{bundle}/bundle.json", "\"1.3.1\"", "\"1.3.2\"");
        var (exitCode, after, error) = Run(Dev, "synth");
        Assert.True(exitCode != 0, "a bundle changed without its lock must not give the previous program");
        Assert.Empty(after);
        Assert.Contains("bundle.lock.json", error);

        var locked = Process.Start(new ProcessStartInfo("dotnet", [Path_(".build/compiler/EdgeInfra.Stacks.dll"), "lock-bundle", bundle]) { WorkingDirectory = copy.Root })!;
        locked.WaitForExit();
        Assert.Equal(0, locked.ExitCode);
        Assert.Contains("edgeWorkerVersion: \"1.3.2-", Synth(Dev, "synth"));
    }

    [Fact]
    public void A_deleted_edgeworker_tarball_is_written_again()
    {
        var program = Synth(Dev, "synth");
        StoredEntry(Dev, "synth");
        var tarballs = Directory.GetFiles(Path_(".build/edgeworkers"), "*.tgz");
        Assert.NotEmpty(tarballs);
        Array.ForEach(tarballs, File.Delete);
        Assert.Equal(program, Synth(Dev, "synth"));
        Assert.All(tarballs, tarball => Assert.True(File.Exists(tarball), tarball));
    }

    [Fact]
    public void A_changed_stack_file_gives_the_new_program()
    {
        Assert.Contains("vmSize: \"Standard_B2s_v2\"", Stored(Dev, "synth"));
        Edit("Pulumi.dev.yaml", "vmSize: Standard_B2s_v2", "vmSize: Standard_B4s_v2");
        try
        {
            Assert.Contains("vmSize: \"Standard_B4s_v2\"", Synth(Dev, "synth"));
        }
        finally
        {
            Edit("Pulumi.dev.yaml", "vmSize: Standard_B4s_v2", "vmSize: Standard_B2s_v2");
        }

        Assert.Contains("vmSize: \"Standard_B2s_v2\"", Synth(Dev, "synth"));
    }

    [Fact]
    public void A_changed_pulumi_config_gives_the_new_program()
    {
        var regions = JsonNode.Parse(StackConfig.Of("dev")["regions"])!;
        var config = new Dictionary<string, string?>(Dev) { ["PULUMI_CONFIG"] = StackConfig.AsPulumiConfig("dev", new Dictionary<string, string>()) };
        Assert.Contains("vmSize: \"Standard_B2s_v2\"", Stored(config, "synth"));
        regions[0]!["vmSize"] = "Standard_B4s_v2";
        config["PULUMI_CONFIG"] = StackConfig.AsPulumiConfig("dev", new Dictionary<string, string> { ["regions"] = regions.ToJsonString() });
        Assert.Contains("vmSize: \"Standard_B4s_v2\"", Synth(config, "synth"));
    }

    [Fact]
    public void Another_pulumi_stack_gives_its_program()
    {
        var dev = Stored(Dev, "synth");
        var prod = Synth(new Dictionary<string, string?> { ["PULUMI_STACK"] = "prod" }, "synth");
        Assert.Contains("vmSize: \"Standard_B2s_v2\"", dev);
        Assert.Contains("vmSize: \"Standard_D2s_v5\"", prod);
        Assert.DoesNotContain("Standard_B2s_v2", prod);
    }

    [Fact]
    public void Other_arguments_give_their_program()
    {
        var none = new Dictionary<string, string?>();
        var manifest = Stored(none, "synth");
        Assert.DoesNotContain("vmSize", manifest);
        Assert.Contains("vmSize: \"Standard_D2s_v5\"", Synth(none, "synth", "--stack", "prod"));
        Assert.Contains("vmSize: \"Standard_B2s_v2\"", Synth(none, "synth", "--stack=dev"));
    }

    [Fact]
    public void Another_dotnet_rebuilds_and_does_not_reuse_the_output()
    {
        var program = Stored(Dev, "synth");
        var tools = Directory.CreateTempSubdirectory("edgeinfra-other-dotnet-").FullName;
        try
        {
            // Another `dotnet` first on PATH: a wrapper of the same one, which the compiler must still tell apart.
            var real = RealDotnet();
            File.WriteAllText(Path.Combine(tools, "dotnet"), $"#!/bin/sh\nexec '{real}' \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(tools, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var variables = new Dictionary<string, string?>(Dev) { ["PATH"] = $"{tools}:{Environment.GetEnvironmentVariable("PATH")}" };
            var (exitCode, output, error) = Run(variables, "synth");
            Assert.True(exitCode == 0, error);
            Assert.Contains("building the stack program", error);
            Assert.Equal(program, output);
        }
        finally
        {
            Directory.Delete(tools, recursive: true);
        }
    }

    [Fact]
    public void A_stored_output_is_not_printed_once_a_config_time_it_checked_has_come()
    {
        var program = Synth(Dev, "synth");
        var entry = StoredEntry(Dev, "synth");
        var until = Path.ChangeExtension(entry, ".until");
        Assert.Equal(DateTimeOffset.Parse("2027-06-30T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(until));
        File.WriteAllText(entry, "the stored output\n");
        Assert.Equal("the stored output\n", Synth(Dev, "synth"));
        File.WriteAllText(until, DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(program, Synth(Dev, "synth"));
    }

    private static string RealDotnet()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(folder, "dotnet");
            if (File.Exists(candidate))
            {
                return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            }
        }

        throw new InvalidOperationException("dotnet is not on PATH");
    }
}
