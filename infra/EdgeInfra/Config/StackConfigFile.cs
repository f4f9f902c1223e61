using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra;

/// <summary>Reads the <c>config:</c> of a stack settings file, <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
public static class StackConfigFile
{
    /// <summary>
    /// The config of <paramref name="path"/>. Encrypted values (<c>secure:</c>) are entries with no value: the
    /// program never needs their plaintext. Structured values become JSON, as Pulumi passes them to programs.
    /// </summary>
    /// <exception cref="FormatException">The file is not a stack settings file.</exception>
    public static ConfigSource Read(string path)
    {
        var entries = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        if (Yaml.YamlFile.ReadRootMapping(path) is not YamlMappingNode root)
        {
            return new ConfigSource(entries);
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || IsNull(configNode))
        {
            return new ConfigSource(entries);
        }

        if (configNode is not YamlMappingNode config)
        {
            throw new FormatException($"{path}: 'config' must be a map of keys to values.");
        }

        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            entries[key] = valueNode is YamlMappingNode map && map.Children.Count == 1
                && map.Children.TryGetValue(new YamlScalarNode("secure"), out _)
                ? new ConfigEntry(null, true)
                : new ConfigEntry(ToConfigString(valueNode), false);
        }

        return new ConfigSource(entries);
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" };

    private static string ToConfigString(YamlNode node) => node is YamlScalarNode scalar
        ? scalar.Value ?? string.Empty
        : JsonSerializer.Serialize(ToPlain(node));

    private static object? ToPlain(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? string.Empty, c => ToPlain(c.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(ToPlain).ToList(),
        YamlScalarNode scalar => TypedScalar(scalar),
        _ => null,
    };

    private static object? TypedScalar(YamlScalarNode scalar)
    {
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted)
        {
            return scalar.Value;
        }

        var text = scalar.Value ?? string.Empty;
        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return text switch
        {
            "true" => true,
            "false" => false,
            "null" or "~" or "" => null,
            _ => text,
        };
    }
}
