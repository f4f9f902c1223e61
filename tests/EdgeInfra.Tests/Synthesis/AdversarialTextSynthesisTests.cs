using EdgeInfra.Yaml;
using YamlDotNet.RepresentationModel;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary>Text a careless or hostile caller passes through Output.Format and object keys, as the program states it.</summary>
public sealed class AdversarialTextSynthesisTests
{
    private static CustomResource Host() => new("akamai:index/edgeHostName:EdgeHostName", "host", new PropertyMap());

    [Fact]
    public void A_dollar_right_before_an_output_stays_a_dollar_and_the_output_stays_a_reference()
    {
        var program = Synth(() =>
        {
            var host = Host();
            Group("rg", new PropertyMap { ["env"] = Output.Format($"VAULT=${host.Id}"), ["two"] = Output.Format($"$${host.Id}") });
        });
        // Pulumi YAML reads $$ as $ and ${ as the start of a reference.
        Assert.Contains("      env: \"VAULT=$$${host.id}\"\n", program);
        Assert.Contains("      two: \"$$$$${host.id}\"\n", program);
    }

    [Theory]
    [InlineData("\u00010\u0002")]
    [InlineData("\u00011\u0002")]
    [InlineData("\u00019\u0002")]
    [InlineData("\u0001x\u0002")]
    [InlineData("\u0001")]
    public void An_argument_holding_the_old_hole_marker_is_plain_text(string text)
    {
        var program = Synth(() =>
        {
            var host = Host();
            Group("rg", new PropertyMap { ["v"] = Output.Format($"{host.Id}|{text}|") });
        });
        var escaped = YamlWriter.Quote("${host.id}|" + text + "|");
        Assert.Contains("      v: " + escaped + "\n", program);
    }

    [Fact]
    public void A_format_string_holding_the_old_hole_marker_is_plain_text()
    {
        var program = Synth(() =>
        {
            var host = Host();
            Group("rg", new PropertyMap { ["v"] = Output.Format(System.Runtime.CompilerServices.FormattableStringFactory.Create("\u00011\u0002{0}", host.Id)) });
        });
        Assert.Contains("      v: \"\\u00011\\u0002${host.id}\"\n", program);
    }

    [Fact]
    public void Plain_arguments_keep_their_alignment_and_format()
    {
        var program = Synth(() =>
        {
            var host = Host();
            Group("rg", new PropertyMap { ["v"] = Output.Format($"{3,3}|{2.5:F2}|{{}}|{host.Id}") });
        });
        Assert.Contains("      v: \"  3|2.50|{}|${host.id}\"\n", program);
    }

    [Fact]
    public void An_object_key_starting_with_fn_is_refused_naming_the_resource_the_path_the_key_and_the_rule()
    {
        var error = Fails(() => Group("rg", new PropertyMap
        {
            ["tags"] = new Dictionary<string, object?> { ["ok"] = "1", ["nested"] = new object?[] { new Dictionary<string, object?> { ["fn::secret"] = "x" } } },
        }));
        var single = Assert.Single(error.Errors);
        Assert.Contains("rg", single.Subject, StringComparison.Ordinal);
        Assert.Equal("tags.nested[0][\"fn::secret\"]", single.Property);
        Assert.Contains("\"fn::secret\"", single.Message, StringComparison.Ordinal);
        Assert.Contains("starts with 'fn::'", single.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_over_1024_characters_reads_back_from_the_program()
    {
        var key = new string('k', 1500);
        var program = Synth(() => Group("rg", new PropertyMap { ["tags"] = new Dictionary<string, object?> { [key] = "v\uFFFE" } }));
        var stream = new YamlStream();
        stream.Load(new StringReader(program));
        var resource = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["resources"])["rg"];
        var tags = (YamlMappingNode)((YamlMappingNode)resource["properties"])["tags"];
        Assert.Equal("v\uFFFE", ((YamlScalarNode)tags[key]).Value);
    }
}
