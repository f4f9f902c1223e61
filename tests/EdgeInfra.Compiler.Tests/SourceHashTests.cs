namespace EdgeInfra.Compiler.Tests;

/// <summary>What makes the compiler rebuild: any source under the folders, or a build file above them; never an output.</summary>
public sealed class SourceHashTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edgeinfra-compile-").FullName;
    private readonly string _project;

    public SourceHashTests()
    {
        _project = Path.Combine(_root, "stacks", "Shop");
        Write("stacks/Shop/Shop.csproj", "<Project />");
        Write("stacks/Shop/ShopStack.cs", "class ShopStack {}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Hash() => SourceHash.Compute([_project]);

    [Fact]
    public void The_same_files_give_the_same_hash() => Assert.Equal(Hash(), Hash());

    [Theory]
    [InlineData("stacks/Shop/ShopStack.cs")]
    [InlineData("stacks/Shop/Regions/Region.cs")]
    [InlineData("Directory.Build.props")]
    [InlineData("Directory.Packages.props")]
    [InlineData("nuget.config")]
    public void A_changed_or_new_source_or_build_file_changes_the_hash(string path)
    {
        var before = Hash();
        Write(path, "changed");
        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void A_renamed_source_changes_the_hash()
    {
        var before = Hash();
        File.Move(Path.Combine(_project, "ShopStack.cs"), Path.Combine(_project, "Stack.cs"));
        Assert.NotEqual(before, Hash());
    }

    [Theory]
    [InlineData("stacks/Shop/bin/edgeinfra-compile/Shop.dll")]
    [InlineData("stacks/Shop/obj/project.assets.json")]
    [InlineData("stacks/Shop/.vs/state")]
    [InlineData("stacks/Shop/node_modules/x/index.js")]
    [InlineData("stacks/Other/Other.cs")]
    public void Build_outputs_hidden_files_and_other_folders_do_not_count(string path)
    {
        var before = Hash();
        Write(path, "output");
        Assert.Equal(before, Hash());
    }
}
