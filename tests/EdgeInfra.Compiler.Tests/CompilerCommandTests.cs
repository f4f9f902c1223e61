namespace EdgeInfra.Compiler.Tests;

/// <summary>The compiler's command line: which project, and the arguments the stack program gets.</summary>
public sealed class CompilerCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edgeinfra-compile-args-").FullName;

    public CompilerCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "Shop"));
        File.WriteAllText(Path.Combine(_root, "Shop", "Shop.csproj"), "<Project />");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_project_is_relative_to_the_working_directory_and_the_rest_goes_to_the_program()
    {
        var command = CompilerCommand.Parse(["--project", "Shop/Shop.csproj", "synth", "--stack", "dev"], _root);

        Assert.Equal(Path.Combine(_root, "Shop", "Shop.csproj"), command.ProjectFile);
        Assert.Equal(["synth", "--stack", "dev"], command.ProgramArguments);
    }

    [Fact]
    public void A_folder_names_its_only_project() =>
        Assert.Equal(Path.Combine(_root, "Shop", "Shop.csproj"), CompilerCommand.Parse(["--project", "Shop", "synth"], _root).ProjectFile);

    [Fact]
    public void Without_project_the_working_directory_holds_it() =>
        Assert.Equal(Path.Combine(_root, "Shop", "Shop.csproj"), CompilerCommand.Parse(["synth"], Path.Combine(_root, "Shop")).ProjectFile);

    [Theory]
    [InlineData("--project", "Missing", "synth")]
    [InlineData("--project", "Shop")]
    [InlineData("--project")]
    public void A_wrong_command_line_is_refused(params string[] args) =>
        Assert.Throws<FormatException>(() => CompilerCommand.Parse(args, _root));

    [Fact]
    public void A_wrong_command_line_exits_2_with_the_usage_on_standard_error()
    {
        using var error = new StringWriter();
        Assert.Equal(2, Compiler.Run(["--project", "Missing", "synth"], _root, error));
        Assert.Contains("usage: edgeinfra-compile", error.ToString(), StringComparison.Ordinal);
    }
}
