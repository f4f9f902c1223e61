using EdgeInfra.Testing;
using static EdgeInfra.Tests.Testing.MockRuns;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>Config references evaluated to the test's config values, typed as the program declares them.</summary>
public sealed class ConfigEvaluationTests
{
    private sealed record NetworkConfig(string Cidr, int Size);

    [Fact]
    public async Task Plain_config_is_typed_as_declared()
    {
        var config = new Dictionary<string, string> { ["location"] = "westeurope", ["count"] = "3", ["ha"] = "true" };
        var value = await Evaluate(
            () =>
            {
                var c = new Config();
                return new PropertyMap { ["location"] = c.Require("location"), ["count"] = c.RequireInt32("count"), ["ha"] = c.RequireBoolean("ha") };
            },
            options: Options(config));
        AssertSame(Map(("location", "westeurope"), ("count", 3L), ("ha", true)), value);
    }

    [Fact]
    public async Task Structured_config_is_parsed_from_json_and_navigated()
    {
        var config = new Dictionary<string, string>
        {
            ["regions"] = "[\"westeurope\",\"northeurope\"]",
            ["network"] = "{\"cidr\":\"10.0.0.0/16\",\"size\":24}",
        };
        var value = await Evaluate(
            () =>
            {
                var c = new Config();
                var regions = c.RequireObject<string[]>("regions");
                var network = c.RequireObject<NetworkConfig>("network");
                return new PropertyMap
                {
                    ["all"] = regions,
                    ["second"] = regions.Item<string>(1),
                    ["cidr"] = network.Property("cidr", n => n.Cidr),
                    ["network"] = network,
                };
            },
            options: Options(config));
        AssertSame(
            Map(
                ("all", List("westeurope", "northeurope")),
                ("second", "northeurope"),
                ("cidr", "10.0.0.0/16"),
                ("network", Map(("cidr", "10.0.0.0/16"), ("size", 24L)))),
            value);
    }

    [Fact]
    public async Task Secret_config_is_a_secret()
    {
        var value = await Evaluate(() => new Config().RequireSecret("apiKey"), options: Options(secretConfig: new Dictionary<string, string> { ["apiKey"] = "s3cr3t" }));
        Assert.Equal(new SecretValue("s3cr3t"), value);
    }

    [Fact]
    public async Task Keys_of_other_namespaces_are_read_with_their_namespace()
    {
        var value = await Evaluate(
            () => new Config("azure-native").Require("location"),
            options: Options(new Dictionary<string, string> { ["azure-native:location"] = "northeurope" }));
        Assert.Equal("northeurope", value);
    }

    [Fact]
    public async Task Defaults_of_absent_keys_are_literals()
    {
        var value = await Evaluate(() => new Config().Get("sku", "standard"));
        Assert.Equal("standard", value);
    }

    [Fact]
    public async Task Project_name_sets_the_namespace_of_plain_keys()
    {
        var options = Options(new Dictionary<string, string> { ["location"] = "westeurope" }) with { ProjectName = "edge-infra" };
        var value = await Evaluate(() => new Config().Require("location"), options: options);
        Assert.Equal("westeurope", value);
    }

    [Fact]
    public async Task A_key_given_as_plain_and_as_secret_is_refused()
    {
        var options = Options(new Dictionary<string, string> { ["apiKey"] = "a" }, new Dictionary<string, string> { ["project:apiKey"] = "b" });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Run(() => { }, options: options));
        Assert.StartsWith("Config 'project:apiKey' is given both in Config and in SecretConfig.", error.Message, StringComparison.Ordinal);
    }
}
