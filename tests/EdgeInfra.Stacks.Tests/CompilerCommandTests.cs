using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Stacks.Tests;

/// <summary>The compiler command of <c>Pulumi.yaml</c>, run as the Pulumi YAML runtime runs it: split into words, no shell, in the project folder.</summary>
public sealed class CompilerCommandTests
{
    private static string[] CompilerWords()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repository.Root, "Pulumi.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var runtime = (YamlMappingNode)root[new YamlScalarNode("runtime")];
        Assert.Equal("yaml", ((YamlScalarNode)runtime[new YamlScalarNode("name")]).Value);
        var options = (YamlMappingNode)runtime[new YamlScalarNode("options")];
        return ((YamlScalarNode)options[new YamlScalarNode("compiler")]).Value!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task The_compiler_of_pulumi_yaml_prints_the_dev_program_for_pulumi_stack_dev()
    {
        var words = CompilerWords();
        var start = new ProcessStartInfo(words[0])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        start.Environment["PULUMI_STACK"] = "dev";
        start.Environment.Remove("PULUMI_CONFIG");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(StackProgram.Synth("dev"), stdout);
    }
}
