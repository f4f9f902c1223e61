using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Schemas;

/// <summary>Renders program values and locations for violation messages.</summary>
internal static class YamlText
{
    /// <summary>A value as a message names it: strings in double quotes, other scalars as written, collections by kind.</summary>
    public static string Describe(YamlNode node)
    {
        return node switch
        {
            YamlScalarNode scalar => DescribeScalar(scalar),
            YamlSequenceNode => "a sequence",
            YamlMappingNode => "a mapping",
            _ => "an alias",
        };
    }

    public static string DescribeScalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? string.Empty;
        return YamlScalars.Classify(scalar) switch
        {
            ScalarKind.String => Quote(value),
            ScalarKind.Null => "null",
            _ => value,
        };
    }

    /// <summary>A value with its kind, such as <c>"24" (a string)</c> or <c>1.5 (a float)</c>.</summary>
    public static string DescribeWithKind(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            string kind = YamlScalars.Classify(scalar) switch
            {
                ScalarKind.String => "a string",
                ScalarKind.Integer => "an integer",
                ScalarKind.Float => "a float",
                ScalarKind.Boolean => "a boolean",
                _ => "null",
            };
            return kind == "null" ? "null" : $"{DescribeScalar(scalar)} ({kind})";
        }

        return Describe(node);
    }

    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string JoinQuoted(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));

    public static string Child(string location, string key) => location.Length == 0 ? key : $"{location}.{key}";

    public static string Item(string location, int index) => $"{location}[{index}]";

    /// <summary>The text of a mapping key, or null when the key is not a scalar.</summary>
    public static string? KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : null;
}
