using EdgeInfra.Testing;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Running;

/// <summary>The tests that swap the process's <see cref="Console"/> writers run alone.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>Text a stack writes to the console during synthesis goes to standard error, never into the program.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ConsoleOutputTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("edgeinfra-console-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly TextWriter _realOut = Console.Out;
    private readonly TextWriter _realError = Console.Error;

    public ConsoleOutputTests()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "name: proj\nruntime: yaml\n");
        Console.SetOut(_out);
        Console.SetError(_err);
    }

    public void Dispose()
    {
        Console.SetOut(_realOut);
        Console.SetError(_realError);
        Directory.Delete(_project, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private static Stack ChattyStack() => new LambdaStack(() =>
    {
        Console.WriteLine("building the resource group");
        Console.Out.Write("name: not-the-program\n");
        Group("rg");
    });

    [Fact]
    public void A_stack_that_writes_to_the_console_still_yields_the_program_alone_on_standard_output()
    {
        Assert.Equal(0, Deployment.Run(["synth", "--stack", "dev"], ChattyStack, _project, Packages));

        var program = _out.ToString();
        Assert.Equal(Deployment.Synthesize(ChattyStack, Settings()), program);
        Assert.DoesNotContain("building the resource group", program, StringComparison.Ordinal);
        Assert.StartsWith("name: \"proj\"\n", program, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_the_stack_writes_appears_on_standard_error()
    {
        Assert.Equal(0, Deployment.Run(["synth", "--stack", "dev"], ChattyStack, _project, Packages));

        Assert.Equal("building the resource group\nname: not-the-program\n", _err.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_console_is_given_back_after_the_run()
    {
        var before = Console.Out;

        Deployment.Run(["synth", "--stack", "dev"], ChattyStack, _project, Packages);

        Assert.Same(before, Console.Out);
    }
}
