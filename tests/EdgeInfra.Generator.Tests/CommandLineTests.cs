using EdgeInfra.Generator.Cli;
using EdgeInfra.Generator.Tests.Support;

namespace EdgeInfra.Generator.Tests;

/// <summary>The <c>generate</c> command: writing, deleting stale files, and <c>--check</c>.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeinfra-generator-").FullName;

    private string Schema => Path.Combine(_folder, "fixture.schema.json");

    private string Out => Path.Combine(_folder, "out");

    public CommandLineTests() => File.WriteAllText(Schema, FixtureSchemas.Widgets);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Generate_writes_one_folder_per_package_as_UTF8_without_BOM()
    {
        var (code, output, _) = Run("generate", "--schema", Schema, "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("generated 28 files of fixture 1.2.3", output);
        var vault = File.ReadAllBytes(Path.Combine(Out, "Fixture", "Widgets", "Widget.cs"));
        Assert.Equal((byte)'/', vault[0]);
        Assert.Equal(FixtureSchemas.File("Fixture/Widgets/Widget.cs"), System.Text.Encoding.UTF8.GetString(vault));
    }

    [Fact]
    public void Check_passes_when_up_to_date_and_lists_every_stale_missing_and_extra_file()
    {
        Run("generate", "--schema", Schema, "--out", Out);
        Assert.Equal(0, Run("generate", "--schema", Schema, "--out", Out, "--check").Code);

        File.AppendAllText(Path.Combine(Out, "Fixture", "Widgets", "Widget.cs"), "// edited\n");
        File.Delete(Path.Combine(Out, "Fixture", "Thing.cs"));
        File.WriteAllText(Path.Combine(Out, "Fixture", "Widgets", "Old.cs"), "// no longer generated\n");
        File.WriteAllText(Path.Combine(Out, "Fixture", "notes.txt"), "not C#\n");
        var before = Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Order().ToList();

        var (code, output, _) = Run("generate", "--schema", Schema, "--out", Out, "--check");
        Assert.Equal(1, code);
        Assert.Contains("missing: Fixture/Thing.cs\n", output);
        Assert.Contains("extra: Fixture/Widgets/Old.cs\n", output);
        Assert.Contains("stale: Fixture/Widgets/Widget.cs\n", output);
        Assert.Contains("3 file(s) differ", output);
        Assert.Contains($"dotnet run --project infra/EdgeInfra.Generator -- generate --schema {Schema} --out {Out}", output);
        Assert.Equal(before, Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public void Generate_rewrites_stale_files_deletes_extra_ones_and_leaves_the_rest_untouched()
    {
        Run("generate", "--schema", Schema, "--out", Out);
        var untouched = Path.Combine(Out, "Fixture", "Widgets", "Gadget.cs");
        var stamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(untouched, stamp);
        File.AppendAllText(Path.Combine(Out, "Fixture", "Widgets", "Widget.cs"), "// edited\n");
        Directory.CreateDirectory(Path.Combine(Out, "Fixture", "Gone"));
        File.WriteAllText(Path.Combine(Out, "Fixture", "Gone", "Old.cs"), "// no longer generated\n");
        File.WriteAllText(Path.Combine(Out, "Fixture", "notes.txt"), "not C#\n");
        File.WriteAllText(Path.Combine(Out, "Other.cs"), "// outside the package folders\n");

        var (code, output, _) = Run("generate", "--schema", Schema, "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("wrote: Fixture/Widgets/Widget.cs\n", output);
        Assert.Contains("deleted: Fixture/Gone/Old.cs\n", output);
        Assert.False(Directory.Exists(Path.Combine(Out, "Fixture", "Gone")));
        Assert.True(File.Exists(Path.Combine(Out, "Fixture", "notes.txt")));
        Assert.True(File.Exists(Path.Combine(Out, "Other.cs")));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(untouched));
        Assert.Equal(0, Run("generate", "--schema", Schema, "--out", Out, "--check").Code);
    }

    [Theory]
    [InlineData("no --schema given")]
    [InlineData("no --out given", "--schema", "x.json")]
    [InlineData("unknown argument '--verbose'", "--schema", "x.json", "--out", "o", "--verbose")]
    [InlineData("--out needs a value", "--schema", "x.json", "--out")]
    public void A_wrong_command_line_prints_the_usage(string message, params string[] options)
    {
        var (code, _, errors) = Run(["generate", .. options]);
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
        Assert.Contains(GenerateOptions.Usage, errors);
    }

    [Fact]
    public void A_missing_schema_file_is_an_error()
    {
        var (code, _, errors) = Run("generate", "--schema", Path.Combine(_folder, "none.json"), "--out", Out);
        Assert.Equal(2, code);
        Assert.Contains("none.json", errors);
    }

    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var errors = new StringWriter { NewLine = "\n" };
        var code = GenerateCommand.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
