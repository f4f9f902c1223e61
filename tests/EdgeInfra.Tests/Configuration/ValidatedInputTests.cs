using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Configuration;

/// <summary>
/// A value checked at synthesis and given to resources: from config it is stated as a reference, never copied, and
/// text built from it keeps the reference; a plain value is stated as itself.
/// </summary>
public sealed class ValidatedInputTests
{
    private static readonly Dictionary<string, string> Stack = new()
    {
        ["name"] = "shop.prod",
        ["hosts"] = "[\"a.example.com\",\"b.example.com\"]",
        ["logs"] = "{\"emails\":[\"ops@example.com\"]}",
    };

    [Fact]
    public void Config_values_are_checked_by_value_and_stated_as_references()
    {
        ValidatedInput<string>? name = null;
        var program = Synth(() =>
        {
            name = new Config().Require("name");
            Group("rg", new PropertyMap { ["name"] = (Input<string>)name, ["gateway"] = ValidatedInput.Format($"{name}-gateway") });
        }, Stack);

        Assert.Equal("shop.prod", name!.Value);
        Assert.True(name.IsReference);
        Assert.Contains("      gateway: \"${name}-gateway\"\n      name: \"${name}\"\n", program);
        Assert.DoesNotContain("shop.prod", program);
    }

    [Fact]
    public void Format_checks_the_text_by_value_and_states_it_as_an_interpolation()
    {
        Synth(() =>
        {
            var name = (ValidatedInput<string>)new Config().Require("name")!;
            var gateway = ValidatedInput.Format($"{name}-gateway-{2}");
            Assert.Equal("shop.prod-gateway-2", gateway.Value);
            Assert.True(gateway.IsReference);

            var plain = ValidatedInput.Format($"{(ValidatedInput<string>)"shop"}-gateway");
            Assert.Equal("shop-gateway", plain.Value);
            Assert.False(plain.IsReference);

            var error = Assert.Throws<ArgumentException>(() => ValidatedInput.Format($"{Output.Format($"{name}")}-x"));
            Assert.Contains("deploy-time value", error.Message, StringComparison.Ordinal);
        }, Stack);
    }

    [Fact]
    public void Text_made_by_plain_interpolation_is_refused_rather_than_copied()
    {
        Synth(() =>
        {
            ValidatedInput<string> name = new Config().Require("name");
            var error = Assert.Throws<InvalidOperationException>(() => $"{name}-gateway");
            Assert.Equal("A ValidatedInput<String> (config value name) does not convert to text: build text with ValidatedInput.Format($\"...\") to keep the reference, or read .Value for a message.", error.Message);

            var config = Assert.Throws<InvalidOperationException>(() => $"{new Config().Require("name")}-gateway");
            Assert.Equal("Config 'name' does not convert to text: build text with Output.Format or ValidatedInput.Format to keep the reference, or read .Value to copy it deliberately.", config.Message);

            ValidatedInputList<string> hosts = new Config().RequireObject<IReadOnlyList<string>>("hosts");
            Assert.Throws<InvalidOperationException>(() => string.Join(", ", hosts));
            Assert.Equal("a.example.com, b.example.com", string.Join(", ", hosts.Values));
        }, Stack);
    }

    [Fact]
    public void Config_lists_are_stated_whole_or_item_by_item_as_references()
    {
        var program = Synth(() =>
        {
            var config = new Config();
            ValidatedInputList<string> hosts = config.RequireObject<IReadOnlyList<string>>("hosts");
            var logs = config.RequireObject<LogsConfig>("logs");
            ValidatedInputList<string> emails = logs.Property("emails", value => value.Emails);
            Assert.Equal(["a.example.com", "b.example.com"], hosts.Values);
            Assert.Equal(2, hosts.Count);
            Assert.Equal("b.example.com", hosts[1].Value);
            Group("rg", new PropertyMap
            {
                ["all"] = hosts.ToInputList(),
                ["second"] = (Input<string>)hosts[1],
                ["emails"] = emails.ToInputList(),
            });
        }, Stack);

        Assert.Contains("      all: \"${hosts}\"\n      emails: \"${logs.emails}\"\n      second: \"${hosts[1]}\"\n", program);
        Assert.DoesNotContain("example.com", program);
    }

    [Fact]
    public void Plain_lists_are_stated_item_by_item_as_literals()
    {
        var program = Synth(() =>
        {
            ValidatedInputList<string> hosts = ["a.example.com", "b.example.com"];
            ValidatedInputList<string> none = [];
            Assert.Empty(none.Values);
            Assert.False(hosts[0].IsReference);
            Group("rg", new PropertyMap { ["all"] = hosts.ToInputList() });
        });

        Assert.Contains("      all:\n        - \"a.example.com\"\n        - \"b.example.com\"\n", program);
    }

    private sealed record LogsConfig
    {
        public IReadOnlyList<string> Emails { get; init; } = [];
    }
}
