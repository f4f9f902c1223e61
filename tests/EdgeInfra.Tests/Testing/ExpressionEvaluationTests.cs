using System.Collections.Immutable;
using EdgeInfra.Expressions;
using EdgeInfra.Testing;
using static EdgeInfra.Tests.Testing.MockRuns;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>Each kind of expression, evaluated against mocks as the YAML runtime would evaluate the program.</summary>
public sealed class ExpressionEvaluationTests
{
    [Fact]
    public async Task Literals_are_their_values_with_integers_as_long_and_numbers_as_double()
    {
        Assert.Equal("westeurope", await Evaluate(() => "westeurope"));
        Assert.Equal(42L, await Evaluate(() => 42));
        Assert.Equal(2.5, await Evaluate(() => 2.5));
        Assert.Equal(true, await Evaluate(() => true));
        Assert.Equal("", await Evaluate(() => ""));
    }

    [Fact]
    public async Task A_null_literal_is_null()
    {
        var result = await Run(() => Subject(Output.Create<string?>(null)));
        Assert.Null(result.Resource("subject").Inputs["value"]);
    }

    [Fact]
    public async Task Lists_and_objects_nest_as_immutable_arrays_and_dictionaries()
    {
        var value = await Evaluate(() => new PropertyMap
        {
            ["names"] = new[] { "a", "b" },
            ["limits"] = new Dictionary<string, object?> { ["cpu"] = 2, ["Cpu"] = 0.5 },
            ["empty"] = Array.Empty<string>(),
        });
        var map = Assert.IsType<ImmutableDictionary<string, object?>>(value);
        Assert.Same(StringComparer.Ordinal, map.KeyComparer);
        AssertSame(Map(("names", List("a", "b")), ("limits", Map(("cpu", 2L), ("Cpu", 0.5))), ("empty", List())), map);
    }

    [Fact]
    public async Task Resource_outputs_follow_nested_paths_and_list_indexes()
    {
        var mocks = new EchoMocks();
        var value = await Evaluate(
            () =>
            {
                var vault = Thing("vault", new PropertyMap
                {
                    ["properties"] = new PropertyMap { ["vaultUri"] = "https://kv.vault.azure.net/" },
                    ["ips"] = new[] { "10.0.0.4", "10.0.0.5" },
                    ["rules"] = new[] { new PropertyMap { ["ports"] = new[] { 80, 443 } } },
                    ["tags"] = new PropertyMap { ["cost-center"] = "edge" },
                });
                return new PropertyMap
                {
                    ["uri"] = vault.GetOutput<object>("properties").GetProperty<string>("vaultUri"),
                    ["second"] = vault.GetOutput<ImmutableArray<string>>("ips").GetItem<string>(1),
                    ["port"] = vault.GetOutput<ImmutableArray<object>>("rules").GetItem<object>(0).GetProperty<ImmutableArray<int>>("ports").GetItem<int>(1),
                    ["odd"] = vault.GetOutput<object>("tags").GetProperty<string>("cost-center"),
                    ["id"] = vault.Id,
                    ["urn"] = vault.Urn,
                };
            },
            mocks);
        AssertSame(
            Map(
                ("uri", "https://kv.vault.azure.net/"),
                ("second", "10.0.0.5"),
                ("port", 443L),
                ("odd", "edge"),
                ("id", "vault_id"),
                ("urn", "urn:pulumi:test::project::azure-native:test:Thing::vault")),
            value);
    }

    [Fact]
    public async Task A_reference_to_a_whole_resource_is_a_resource_value()
    {
        var value = await Evaluate(() => Thing("vault").AsOutput<object>());
        Assert.Equal(new ResourceValue("vault", "azure-native:test:Thing", "urn:pulumi:test::project::azure-native:test:Thing::vault", "vault_id"), value);
    }

    [Fact]
    public async Task A_property_the_mock_did_not_return_is_null_and_so_is_any_path_through_it()
    {
        var value = await Evaluate(() =>
        {
            var vault = Thing("vault");
            return new PropertyMap
            {
                ["missing"] = vault.GetOutput<string>("vaultUri"),
                ["deeper"] = vault.GetOutput<object>("properties").GetProperty<ImmutableArray<string>>("ips").GetItem<string>(3),
            };
        });
        AssertSame(Map(("missing", null), ("deeper", null)), value);
    }

    [Fact]
    public async Task Interpolation_of_references_and_plain_values_is_one_string()
    {
        var value = await Evaluate(() =>
        {
            var host = Thing("host", new PropertyMap { ["hostname"] = "edge.example.net", ["port"] = 8443, ["tls"] = true, ["weight"] = 0.25 });
            return Output.Format($"https://{host.GetOutput<string>("hostname")}:{host.GetOutput<int>("port")}/?tls={host.GetOutput<bool>("tls")}&w={host.GetOutput<double>("weight")}&n={7}");
        });
        Assert.Equal("https://edge.example.net:8443/?tls=true&w=0.25&n=7", value);
    }

    [Fact]
    public async Task Interpolation_of_a_function_result_is_its_text()
    {
        var mocks = new EchoMocks(new Dictionary<string, object> { ["azure-native:authorization:getClientConfig"] = new Dictionary<string, object> { ["tenantId"] = "t-1" } });
        var value = await Evaluate(
            () => Output.Format($"tenant-{Deployment.Invoke<object>("azure-native:authorization:getClientConfig").GetProperty<string>("tenantId")}/{Output.ToBase64("x")}"),
            mocks);
        Assert.Equal("tenant-t-1/eA==", value);
    }

    [Fact]
    public async Task An_interpolation_of_a_single_output_is_that_output_not_its_text()
    {
        var value = await Evaluate(() => Output.Format($"{Thing("host", new PropertyMap { ["port"] = 443 }).GetOutput<int>("port")}"));
        Assert.Equal(443L, value);
    }

    [Fact]
    public async Task A_missing_output_interpolates_as_nothing()
    {
        var value = await Evaluate(() => Output.Format($"[{Thing("host").GetOutput<string>("hostname")}]"));
        Assert.Equal("[]", value);
    }

    [Fact]
    public async Task Assets_and_archives_are_asset_values_of_their_evaluated_path_text_or_uri()
    {
        var value = await Evaluate(() =>
        {
            var bucket = Thing("bucket", new PropertyMap { ["url"] = "https://example.com/a.zip" });
            return new PropertyMap
            {
                ["file"] = new FileAsset("./main.js"),
                ["text"] = new StringAsset(Output.Format($"hello {bucket.GetOutput<string>("url")}")),
                ["remote"] = new RemoteAsset("https://example.com/a.txt"),
                ["dir"] = new FileArchive("./bundle"),
                ["zip"] = new RemoteArchive(bucket.GetOutput<string>("url")),
                ["archive"] = new AssetArchive(new Dictionary<string, AssetOrArchive> { ["main.js"] = new FileAsset("./main.js"), ["lib"] = new FileArchive("./lib") }),
            };
        });
        AssertSame(
            Map(
                ("file", new AssetValue(AssetKind.FileAsset, "./main.js")),
                ("text", new AssetValue(AssetKind.StringAsset, "hello https://example.com/a.zip")),
                ("remote", new AssetValue(AssetKind.RemoteAsset, "https://example.com/a.txt")),
                ("dir", new AssetValue(AssetKind.FileArchive, "./bundle")),
                ("zip", new AssetValue(AssetKind.RemoteArchive, "https://example.com/a.zip")),
                ("archive", new AssetValue(AssetKind.AssetArchive, Map(
                    ("main.js", new AssetValue(AssetKind.FileAsset, "./main.js")),
                    ("lib", new AssetValue(AssetKind.FileArchive, "./lib")))))),
            value);
    }

    [Fact]
    public async Task Argument_objects_evaluate_to_their_set_properties()
    {
        var value = await Evaluate(() => new PropertyMap { ["sku"] = new PropertyMap { ["name"] = "standard", ["family"] = null } });
        AssertSame(Map(("sku", Map(("name", "standard")))), value);
    }
}
