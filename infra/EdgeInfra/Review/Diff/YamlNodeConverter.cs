using System.Text.RegularExpressions;
using EdgeInfra.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Review;

/// <summary>
/// Turns parsed YAML nodes into <see cref="YamlValue"/> trees: quoted and block scalars are strings; plain scalars
/// are numbers, booleans or null when YAML's core schema reads them so, strings otherwise.
/// </summary>
internal static partial class YamlNodeConverter
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The tree of <paramref name="node"/>.</summary>
    /// <exception cref="FormatException">A mapping key is not a scalar.</exception>
    public static YamlValue Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => new YamlSequence([.. sequence.Children.Select(Convert)]),
        YamlMappingNode mapping => Mapping(mapping),
        _ => throw new FormatException($"{Where(node)}: unsupported YAML node ({node.NodeType})."),
    };

    /// <summary>The mapping of <paramref name="node"/>, its keys as strings.</summary>
    public static YamlMapping Mapping(YamlMappingNode node) =>
        new([.. node.Children.Select(e => new KeyValuePair<string, YamlValue>(KeyOf(e.Key), Convert(e.Value)))]);

    /// <summary>The text of a mapping key.</summary>
    /// <exception cref="FormatException">The key is not a scalar.</exception>
    public static string KeyOf(YamlNode key) =>
        key is YamlScalarNode { Value: { } text } ? text : throw new FormatException($"{Where(key)}: a mapping key must be a scalar.");

    /// <summary>"line L, column C" of <paramref name="node"/>, for error messages.</summary>
    public static string Where(YamlNode node) => $"line {node.Start.Line}, column {node.Start.Column}";

    private static YamlValue Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StringTag))
        {
            return new YamlString(text);
        }

        return CoreSchemaPlain().IsMatch(text) ? new YamlPlain(text.Length == 0 || text == "~" ? "null" : text) : new YamlString(text);
    }

    /// <summary>Plain scalars YAML's core schema reads as null, a boolean, an integer or a float.</summary>
    [GeneratedRegex(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\z")]
    private static partial Regex CoreSchemaPlain();
}
