using EdgeInfra.Yaml;
using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Tests.Yaml;

public sealed class YamlWriterTests
{
    private static string ReadBackString(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlScalarNode)root.Children[new YamlScalarNode("v")]).Value!;
    }

    [Theory]
    [InlineData("plain", "v: \"plain\"\n")]
    [InlineData("yes", "v: \"yes\"\n")]
    [InlineData("say \"hi\"\\now", "v: \"say \\\"hi\\\"\\\\now\"\n")]
    [InlineData("tab\there", "v: \"tab\\there\"\n")]
    [InlineData("bell\u0007", "v: \"bell\\u0007\"\n")]
    [InlineData("line\u2028sep", "v: \"line\\u2028sep\"\n")]
    public void Single_line_strings_are_double_quoted_with_escapes(string text, string expected) =>
        Assert.Equal(expected, YamlWriter.Write(YamlMapping.Of(("v", new YamlString(text)))));

    [Fact]
    public void Multi_line_strings_are_literal_blocks_keeping_the_final_newline()
    {
        Assert.Equal("v: |\n  #!/bin/sh\n\n  echo hi\n", YamlWriter.Write(YamlMapping.Of(("v", new YamlString("#!/bin/sh\n\necho hi\n")))));
        Assert.Equal("v: |-\n  a\n    b\n", YamlWriter.Write(YamlMapping.Of(("v", new YamlString("a\n  b")))));
    }

    [Theory]
    [InlineData(" leading\nspace")]
    [InlineData("trailing \nspace")]
    [InlineData("two\nnewlines\n\n")]
    [InlineData("cr\r\nlf")]
    public void Multi_line_strings_a_literal_block_cannot_carry_are_quoted(string text) =>
        Assert.StartsWith("v: \"", YamlWriter.Write(YamlMapping.Of(("v", new YamlString(text)))), StringComparison.Ordinal);

    [Theory]
    [InlineData("name", "name")]
    [InlineData("fn::invoke", "fn::invoke")]
    [InlineData("main.js", "main.js")]
    [InlineData("true", "\"true\"")]
    [InlineData("On", "\"On\"")]
    [InlineData("1abc", "\"1abc\"")]
    [InlineData("with space", "\"with space\"")]
    [InlineData("ends:", "\"ends:\"")]
    [InlineData("", "\"\"")]
    public void Keys_are_plain_only_when_yaml_cannot_mistake_them(string key, string expected) =>
        Assert.Equal(expected, YamlWriter.Key(key));

    [Fact]
    public void A_lone_surrogate_is_refused() =>
        Assert.Throws<ArgumentException>(() => YamlWriter.Quote("bad\ud800"));

    [Fact]
    public void Nested_sequences_and_mappings_are_written_compactly()
    {
        var value = YamlMapping.Of(("list", new YamlSequence([
            YamlMapping.Of(("a", new YamlPlain("1")), ("b", new YamlPlain("2"))),
            new YamlSequence([new YamlString("x"), new YamlString("y")]),
            new YamlSequence([]),
            YamlMapping.Of(),
        ])));
        Assert.Equal("list:\n  - a: 1\n    b: 2\n  - - \"x\"\n    - \"y\"\n  - []\n  - {}\n", YamlWriter.Write(value));
    }

    [Fact]
    public void Every_string_reads_back_as_itself() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonNull<string>>(),
            text =>
            {
                var value = text.Get;
                if (value.Any(char.IsSurrogate))
                {
                    return true;
                }

                return ReadBackString(YamlWriter.Write(YamlMapping.Of(("v", new YamlString(value))))) == value;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Multi_line_texts_read_back_as_themselves() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements("a", "  b", "", "c: d", "- e", "#f", "\tg", "h ", "${i}", "\"j\"")).Select(lines => string.Join('\n', lines)).ToArbitrary(),
            text => ReadBackString(YamlWriter.Write(YamlMapping.Of(("v", new YamlString(text))))) == text)
            .QuickCheckThrowOnFailure();
}
