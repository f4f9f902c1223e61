using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Configuration;

public sealed class ConfigTests
{
    private static DeploymentSettings WithEntries(params (string Key, ConfigEntry Entry)[] entries) => Settings() with
    {
        Config = new ConfigSource(entries.ToDictionary(e => e.Key, e => e.Entry)),
    };

    [Fact]
    public void Secret_config_is_a_secret_reference_and_its_value_appears_nowhere()
    {
        var settings = WithEntries(("proj:apiKey", new ConfigEntry("S3CR3T-VALUE", IsSecret: true)));
        var program = Synth(() => Group("rg", new PropertyMap { ["key"] = new Config().RequireSecret("apiKey") }), settings);
        Assert.Contains("config:\n  apiKey:\n    type: \"string\"\n    secret: true\n", program);
        Assert.Contains("      key: \"${apiKey}\"\n", program);
        Assert.DoesNotContain("S3CR3T", program);
    }

    [Fact]
    public void Reading_a_secret_as_a_plain_value_is_refused()
    {
        var settings = WithEntries(("proj:apiKey", new ConfigEntry(null, IsSecret: true)));
        var error = Assert.Throws<SynthesisException>(() => Synth(() => new Config().Require("apiKey"), settings));
        Assert.Equal("config 'proj:apiKey': Config 'proj:apiKey' of stack 'dev' is a secret: read it with RequireSecret, which keeps it secret.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Optional_secrets_that_are_absent_are_null_and_undeclared()
    {
        var program = Synth(() => Assert.Null(new Config().GetSecret("apiKey")));
        Assert.DoesNotContain("config:", program);
    }

    [Fact]
    public void Defaults_of_absent_keys_are_literals_and_present_keys_references()
    {
        var program = Synth(() =>
        {
            var config = new Config();
            var sku = config.Get("sku", "standard");
            var size = config.Get("size", "small");
            Assert.False(sku.IsSet);
            Assert.Equal("large", size.Value);
            Group("rg", new PropertyMap { ["sku"] = sku, ["size"] = size, ["zones"] = config.GetInt32("zones", 3), ["ha"] = config.GetBoolean("ha", false) });
        }, new Dictionary<string, string> { ["size"] = "large" });
        Assert.Contains("      ha: false\n      size: \"${size}\"\n      sku: \"standard\"\n      zones: 3\n", program);
        Assert.Contains("config:\n  size:\n    type: \"string\"\n", program);
    }

    [Fact]
    public void Values_shape_the_graph_while_resources_get_references()
    {
        var program = Synth(() =>
        {
            var config = new Config();
            var count = config.RequireInt32("count").Value;
            for (var i = 0; i < count; i++)
            {
                Group($"rg-{i}", new PropertyMap { ["location"] = config.Require("location") });
            }
        }, new Dictionary<string, string> { ["count"] = "2", ["location"] = "westeurope" });
        Assert.Contains("  rg-0:\n", program);
        Assert.Contains("  rg-1:\n", program);
        Assert.DoesNotContain("rg-2", program);
        Assert.DoesNotContain("westeurope", program);
    }

    [Fact]
    public void Structured_config_is_navigated_by_reference()
    {
        var program = Synth(() =>
        {
            var regions = new Config().RequireObject<string[]>("regions");
            for (var i = 0; i < regions.Value.Length; i++)
            {
                Group($"rg-{regions.Value[i]}", new PropertyMap { ["location"] = regions.Item<string>(i) });
            }
        }, new Dictionary<string, string> { ["regions"] = "[\"westeurope\",\"northeurope\"]" });
        Assert.Contains("config:\n  regions:\n    type: \"array\"\n    items:\n      type: \"string\"\n", program);
        Assert.Contains("  rg-northeurope:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      location: \"${regions[1]}\"\n", program);
    }

    [Fact]
    public void Structured_config_that_is_not_json_of_the_shape_is_reported()
    {
        var error = Fails(() => new Config().RequireObject<string[]>("regions"), new Dictionary<string, string> { ["regions"] = "westeurope" });
        Assert.Equal("config 'proj:regions': Config 'proj:regions' of stack 'dev' must be a JSON String[]; got 'westeurope'.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Package_namespaces_are_referenced_with_their_prefix()
    {
        var settings = WithEntries(("azure-native:location", new ConfigEntry("westeurope", false)));
        var program = Synth(() => Group("rg", new PropertyMap { ["location"] = new Config("azure-native").Require("location") }), settings);
        Assert.Contains("      location: \"${azure-native:location}\"\n", program);
    }

    [Fact]
    public void Invalid_keys_are_refused_with_the_rule()
    {
        var error = Fails(() => new Config().Get("bad key"));
        Assert.Equal("config 'proj:bad key': Config key 'bad key' is not a valid key: a letter, then letters, digits, '_' or '-' (at most 200 characters), not 'pulumi'.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Stack_files_give_plain_values_secure_markers_and_json_for_structures()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                config:
                  proj:location: westeurope
                  proj:count: 3
                  proj:quoted: "007"
                  proj:apiKey:
                    secure: v1:AAAABBBB
                  proj:regions:
                    - westeurope
                    - 2
                  proj:settings:
                    tier: gold
                    on: true
                """);
            var source = StackConfigFile.Read(path);
            Assert.Equal(new ConfigEntry("westeurope", false), source.Find("proj:location"));
            Assert.Equal(new ConfigEntry("3", false), source.Find("proj:count"));
            Assert.Equal(new ConfigEntry("007", false), source.Find("proj:quoted"));
            Assert.Equal(new ConfigEntry(null, true), source.Find("proj:apiKey"));
            Assert.Equal(new ConfigEntry("[\"westeurope\",2]", false), source.Find("proj:regions"));
            Assert.Equal(new ConfigEntry("{\"tier\":\"gold\",\"on\":true}", false), source.Find("proj:settings"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Stack_files_that_are_not_yaml_are_reported_with_their_path()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "config: [unclosed");
            var error = Assert.Throws<FormatException>(() => StackConfigFile.Read(path));
            Assert.StartsWith(path + ": not valid YAML", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pulumi_config_environment_marks_listed_secret_keys()
    {
        var source = PulumiConfigEnvironment.Read("{\"proj:a\":\"1\",\"proj:b\":\"x\"}", "[\"proj:b\"]");
        Assert.Equal(new ConfigEntry("1", false), source.Find("proj:a"));
        Assert.Equal(new ConfigEntry("x", true), source.Find("proj:b"));
    }

    [Theory]
    [InlineData("not json", null, "PULUMI_CONFIG is not a JSON object")]
    [InlineData("{}", "{\"a\":1}", "PULUMI_CONFIG_SECRET_KEYS is not a JSON array of strings")]
    public void Pulumi_config_environment_that_is_not_json_is_reported(string config, string? secrets, string message)
    {
        var error = Assert.Throws<FormatException>(() => PulumiConfigEnvironment.Read(config, secrets));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
