using System.Runtime.CompilerServices;
using System.Text;
using EdgeInfra.Yaml;
using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.RepresentationModel;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Yaml;

/// <summary>
/// Arbitrary keys and text, hostile classes included, written into a program: a real YAML parser reads them back, and
/// Pulumi YAML's interpolation rules (<c>$$</c> is <c>$</c>, <c>${</c> starts a reference) give back exactly the
/// text, with a reference only where the program put one.
/// </summary>
public sealed class ProgramTextPropertyTests
{
    private const int Cases = 1500;

    private static readonly string[] Pieces =
    [
        "${", "$$", "$", "{", "}", "}}", "{{", "${x}", "$${x}", "fn::", "fn::secret", "\u0001", "\u0002", "\u00010\u0002", "\u00011\u0002",
        ": ", " #", "#", "- ", "? ", "&a", "*a", "!tag", "|", ">", "'", "\"", "%", "@", "`", "\\", ",", "[", "]",
        "\n", "\r\n", "\r", "\t", " ", "  ", "\0", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\u202e", "\ufeff",
        "\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\U0001f600", "é", "漢字", "true", "null", "~", "0x1F", "1e3", "---", "...",
        new string('k', 1030), new string('$', 3),
    ];

    private static Gen<string> Text() =>
        Gen.ArrayOf(Gen.OneOf(
                Gen.Elements(Pieces),
                Gen.Choose(0x20, 0x7e).Select(c => ((char)c).ToString()),
                Gen.Choose(0, 0xd7ff).Select(c => ((char)c).ToString()),
                Gen.Choose(0xe000, 0xffff).Select(c => ((char)c).ToString())))
            .Select(parts => string.Concat(parts));

    /// <summary>A string as Pulumi YAML reads it: literal runs and references, adjacent literals merged.</summary>
    private static List<(bool Reference, string Text)> Interpolate(string value)
    {
        var parts = new List<(bool, string)>();
        var literal = new StringBuilder();
        for (var i = 0; i < value.Length;)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '$')
            {
                literal.Append('$');
                i += 2;
            }
            else if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                var end = value.IndexOf('}', i + 2);
                Assert.True(end > 0, $"unterminated reference in {value}");
                if (literal.Length > 0)
                {
                    parts.Add((false, literal.ToString()));
                    literal.Clear();
                }

                parts.Add((true, value[(i + 2)..end]));
                i = end + 1;
            }
            else
            {
                literal.Append(value[i++]);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add((false, literal.ToString()));
        }

        return parts;
    }

    private static List<(bool Reference, string Text)> Expected(params (bool Reference, string Text)[] parts) =>
        [.. parts.Where(p => p.Reference || p.Text.Length > 0)];

    private static KeyValuePair<YamlNode, YamlNode> TheTag(string program)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(program));
        var resource = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["resources"])["rg"];
        var tags = (YamlMappingNode)((YamlMappingNode)resource["properties"])["tags"];
        return Assert.Single(tags.Children);
    }

    private static string Braces(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    [Fact]
    public void Arbitrary_keys_and_literal_text_read_back_exactly_with_no_reference()
    {
        var ran = 0;
        Prop.ForAll(Text().ToArbitrary(), Text().ToArbitrary(), (key, text) =>
        {
            ran++;
            if (key.StartsWith("fn::", StringComparison.Ordinal))
            {
                var error = Fails(() => Group("rg", new PropertyMap { ["tags"] = new Dictionary<string, object?> { [key] = text } }));
                Assert.Contains("starts with 'fn::'", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
                return;
            }

            var program = Synth(() => Group("rg", new PropertyMap { ["tags"] = new Dictionary<string, object?> { [key] = text } }));
            var (readKey, readValue) = TheTag(program);
            Assert.Equal(Expected((false, key)), Interpolate(((YamlScalarNode)readKey).Value!));
            Assert.Equal(Expected((false, text)), Interpolate(((YamlScalarNode)readValue).Value!));
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases));
        Assert.Equal(Cases, ran);
    }

    [Fact]
    public void Text_around_an_output_in_Output_Format_reads_back_exactly_with_the_one_reference() =>
        Prop.ForAll(Text().ToArbitrary(), Text().ToArbitrary(), (before, after) =>
        {
            var program = Synth(() =>
            {
                var host = new CustomResource("akamai:index/edgeHostName:EdgeHostName", "host", new PropertyMap());
                var formatted = Output.Format(FormattableStringFactory.Create(Braces(before) + "{0}{1}", host.Id, after));
                Group("rg", new PropertyMap { ["tags"] = new Dictionary<string, object?> { ["v"] = formatted } });
            });
            var (_, readValue) = TheTag(program);
            Assert.Equal(Expected((false, before), (true, "host.id"), (false, after)), Interpolate(((YamlScalarNode)readValue).Value!));
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases));

    [Fact]
    public void Arbitrary_keys_and_strings_read_back_from_the_writer_alone() =>
        Prop.ForAll(Text().ToArbitrary(), Text().ToArbitrary(), (key, text) =>
        {
            var yaml = YamlWriter.Write(YamlMapping.Of(("outer", YamlMapping.Of((key, new YamlString(text)))), ("list", new YamlSequence([YamlMapping.Of((key, new YamlString(text)))]))));
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            foreach (var mapping in new[] { (YamlMappingNode)root["outer"], (YamlMappingNode)((YamlSequenceNode)root["list"]).Children[0] })
            {
                var (readKey, readValue) = Assert.Single(mapping.Children);
                Assert.Equal(key, ((YamlScalarNode)readKey).Value);
                Assert.Equal(text, ((YamlScalarNode)readValue).Value);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases));
}
