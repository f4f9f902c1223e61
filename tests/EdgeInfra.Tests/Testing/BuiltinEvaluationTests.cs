using System.Collections.Immutable;
using EdgeInfra.Testing;
using static EdgeInfra.Tests.Testing.MockRuns;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>The YAML built-in functions, evaluated on values the mocks and the program give.</summary>
public sealed class BuiltinEvaluationTests
{
    private static CustomResource Host() => Thing("host", new PropertyMap
    {
        ["names"] = new[] { "a.example.net", "b.example.net" },
        ["csv"] = "x,y,,z",
        ["count"] = 2,
    });

    [Fact]
    public async Task Join_joins_a_list_of_strings()
    {
        var value = await Evaluate(() => Output.Join(", ", Host().GetOutput<ImmutableArray<string>>("names")));
        Assert.Equal("a.example.net, b.example.net", value);
    }

    [Fact]
    public async Task Join_of_items_that_are_outputs()
    {
        var value = await Evaluate(() =>
        {
            var host = Host();
            return Output.Join("/", new[] { host.GetOutput<ImmutableArray<string>>("names").GetItem<string>(1), Output.Create("path") });
        });
        Assert.Equal("b.example.net/path", value);
    }

    [Fact]
    public async Task Select_takes_the_item_at_an_index_that_may_be_an_output()
    {
        var value = await Evaluate(() =>
        {
            var host = Host();
            return new PropertyMap
            {
                ["first"] = Output.Select<string>(0, host.GetOutput<ImmutableArray<string>>("names")),
                ["byOutput"] = Output.Select<string>(Output.Create(1), new[] { "x", "y" }),
            };
        });
        AssertSame(Map(("first", "a.example.net"), ("byOutput", "y")), value);
    }

    [Fact]
    public async Task Split_splits_at_every_delimiter_keeping_empty_parts()
    {
        var value = await Evaluate(() => Output.Split(",", Host().GetOutput<string>("csv")));
        AssertSame(List("x", "y", "", "z"), value);
    }

    [Fact]
    public async Task Split_then_select_then_join_compose()
    {
        var value = await Evaluate(() =>
        {
            var parts = Output.Split(",", Host().GetOutput<string>("csv"));
            return Output.Join("-", new[] { Output.Select<string>(3, parts), Output.Select<string>(0, parts) });
        });
        Assert.Equal("z-x", value);
    }

    [Fact]
    public async Task ToJson_writes_compact_json_with_keys_in_ordinal_order_as_go_does()
    {
        var value = await Evaluate(() => Output.JsonSerialize<object>(Output.Create<object>(new PropertyMap
        {
            ["b"] = new[] { 1, 2 },
            ["a"] = new PropertyMap { ["z"] = true, ["Z"] = 1.5, ["n"] = Output.Create<string?>(null) },
            ["html"] = "<a href=\"x\">&</a>",
            ["host"] = Host().GetOutput<ImmutableArray<string>>("names"),
        })));
        Assert.Equal(
            "{\"a\":{\"Z\":1.5,\"n\":null,\"z\":true},\"b\":[1,2],\"host\":[\"a.example.net\",\"b.example.net\"],\"html\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\"}",
            value);
    }

    [Fact]
    public async Task ToBase64_and_fromBase64_use_utf8()
    {
        var value = await Evaluate(() => new PropertyMap
        {
            ["encoded"] = Output.ToBase64("héllo ✓"),
            ["decoded"] = Output.FromBase64("aMOpbGxvIOKckw=="),
            ["roundTrip"] = Output.FromBase64(Output.ToBase64(Host().GetOutput<string>("csv"))),
        });
        AssertSame(Map(("encoded", "aMOpbGxvIOKckw=="), ("decoded", "héllo ✓"), ("roundTrip", "x,y,,z")), value);
    }

    [Fact]
    public async Task Secret_marks_its_value_secret_once()
    {
        var value = await Evaluate(() => new PropertyMap
        {
            ["plain"] = Output.CreateSecret<string>("p@ss"),
            ["twice"] = Output.CreateSecret<string>(Output.CreateSecret<string>("p@ss")),
            ["object"] = Output.CreateSecret<object>(Output.Create<object>(new PropertyMap { ["user"] = "u" })),
        });
        AssertSame(Map(("plain", new SecretValue("p@ss")), ("twice", new SecretValue("p@ss")), ("object", new SecretValue(Map(("user", "u"))))), value);
    }

    [Fact]
    public async Task ReadFile_reads_relative_to_the_project_directory()
    {
        var directory = Directory.CreateTempSubdirectory("edgeinfra-readfile-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "scripts"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "scripts", "init.sh"), "#!/bin/bash\necho ✓\n");
            var value = await Evaluate(() => Output.ReadFile("./scripts/init.sh"), options: Options(projectDirectory: directory.FullName));
            Assert.Equal("#!/bin/bash\necho ✓\n", value);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
