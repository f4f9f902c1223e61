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
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                throw new FormatException($"{Where(path, keyNode)}: a config key must be a plain string such as 'project:key'.");
            }

            var budget = new Budget(path);
            entries[key] = valueNode is YamlMappingNode map && map.Children.Count == 1
                && map.Children.TryGetValue(new YamlScalarNode("secure"), out _)
                ? new ConfigEntry(null, true)
                : new ConfigEntry(ToConfigString(valueNode, budget), false);
        }

        return new ConfigSource(entries);
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" };

    /// <summary>The deepest nesting of a structured value.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most nodes a structured value may hold once its aliases are expanded.</summary>
    public const int MaxNodes = 100_000;

    private static string Where(string path, YamlNode node) =>
        $"{path}:{node.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string ToConfigString(YamlNode node, Budget budget) => node is YamlScalarNode scalar
        ? scalar.Value ?? string.Empty
        : JsonSerializer.Serialize(ToPlain(node, budget, 0));

    /// <summary>The value of <paramref name="node"/>, with aliases expanded within <see cref="MaxDepth"/> and <see cref="MaxNodes"/>.</summary>
    private static object? ToPlain(YamlNode node, Budget budget, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"{Where(budget.Path, node)}: nested deeper than {MaxDepth} levels (a self-referencing alias?): config values are shallow.");
        }

        if (++budget.Nodes > MaxNodes)
        {
            throw new FormatException($"{Where(budget.Path, node)}: more than {MaxNodes} values once aliases are expanded: config values are small.");
        }

        return node switch
        {
            YamlMappingNode map => ToMap(map, budget, depth),
            YamlSequenceNode list => list.Children.Select(child => ToPlain(child, budget, depth + 1)).ToList(),
            YamlScalarNode scalar => TypedScalar(scalar),
            _ => null,
        };
    }

    private static Dictionary<string, object?> ToMap(YamlMappingNode map, Budget budget, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new FormatException($"{Where(budget.Path, key)}: a key inside a config value must be a plain string.");
            }

            if (!result.TryAdd(name, ToPlain(value, budget, depth + 1)))
            {
                throw new FormatException($"{Where(budget.Path, key)}: the key {ConfigException.Quote(name)} appears twice.");
            }
        }

        return result;
    }

    private sealed class Budget(string path)
    {
        public string Path { get; } = path;

        public int Nodes { get; set; }
    }

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
