using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Schemas;

/// <summary>
/// Checks the <c>config</c> section: each entry is a mapping with <c>type</c> (string, integer, boolean or array),
/// <c>items</c> (for arrays), <c>secret</c>, <c>default</c> and <c>description</c>; the default must fit the type.
/// Gives the declared type of each key, for references to config.
/// </summary>
internal sealed class ConfigSectionChecker
{
    private static readonly string[] EntryKeys = ["type", "items", "secret", "default", "description"];
    private static readonly string[] TypeNames = ["string", "integer", "boolean", "array", "object"];

    private readonly ProgramContext context;

    public ConfigSectionChecker(ProgramContext context)
    {
        this.context = context;
    }

    private ViolationSink Sink => context.Sink;

    /// <summary>Checks one config entry and returns its declared type (null when it cannot be known).</summary>
    public PropertySpec? CheckEntry(string name, YamlNode entryNode, string location)
    {
        if (entryNode is not YamlMappingNode entry)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(entryNode)} is not a config declaration: a config entry is a mapping with the keys {string.Join(", ", EntryKeys)}");
            return null;
        }

        YamlNode? typeNode = null;
        YamlNode? itemsNode = null;
        YamlNode? defaultNode = null;
        foreach ((YamlNode keyNode, YamlNode value) in entry.Children)
        {
            string key = YamlText.KeyText(keyNode) ?? YamlText.Describe(keyNode);
            string keyLocation = YamlText.Child(location, key);
            switch (key)
            {
                case "type":
                    typeNode = value;
                    break;
                case "items":
                    itemsNode = value;
                    break;
                case "default":
                    defaultNode = value;
                    break;
                case "secret":
                    CheckLiteral(value, ScalarKind.Boolean, "a boolean", keyLocation);
                    break;
                case "description":
                    CheckLiteral(value, ScalarKind.String, "a string", keyLocation);
                    break;
                default:
                    Sink.Add(keyLocation, $"{YamlText.Quote(key)} is not a key of a config declaration (allowed: {string.Join(", ", EntryKeys)})");
                    break;
            }
        }

        PropertySpec? spec = typeNode is null
            ? InferFromDefault(name, defaultNode, location)
            : ReadType(typeNode, itemsNode, location);
        if (typeNode is not null && itemsNode is not null && spec is { Type: not "array" })
        {
            Sink.Add(YamlText.Child(location, "items"), $"items is allowed only for the config type array, not {spec.Type}");
        }

        if (defaultNode is not null && spec is not null)
        {
            context.Values.Check(defaultNode, spec, YamlText.Child(location, "default"));
        }

        return spec;
    }

    private PropertySpec? ReadType(YamlNode typeNode, YamlNode? itemsNode, string location)
    {
        string typeLocation = YamlText.Child(location, "type");
        if (typeNode is not YamlScalarNode scalar || !TypeNames.Contains(scalar.Value))
        {
            Sink.Add(typeLocation, $"{YamlText.DescribeWithKind(typeNode)} is not a config type (allowed: {string.Join(", ", TypeNames)})");
            return null;
        }

        if (scalar.Value != "array")
        {
            return new PropertySpec { Type = scalar.Value };
        }

        string itemsLocation = YamlText.Child(location, "items");
        if (itemsNode is null)
        {
            Sink.Add(itemsLocation, "config type array needs items with the type of the elements");
            return new PropertySpec { Type = "array" };
        }

        if (itemsNode is not YamlMappingNode items)
        {
            Sink.Add(itemsLocation, $"{YamlText.DescribeWithKind(itemsNode)} is not an items declaration: items is a mapping with type");
            return new PropertySpec { Type = "array" };
        }

        YamlNode? elementType = null;
        YamlNode? elementItems = null;
        foreach ((YamlNode keyNode, YamlNode value) in items.Children)
        {
            string key = YamlText.KeyText(keyNode) ?? YamlText.Describe(keyNode);
            if (key == "type")
            {
                elementType = value;
            }
            else if (key == "items")
            {
                elementItems = value;
            }
            else
            {
                Sink.Add(YamlText.Child(itemsLocation, key), $"{YamlText.Quote(key)} is not a key of a config items declaration (allowed: type, items)");
            }
        }

        if (elementType is null)
        {
            Sink.Add(YamlText.Child(itemsLocation, "type"), "config items need a type");
            return new PropertySpec { Type = "array" };
        }

        return new PropertySpec { Type = "array", Items = ReadType(elementType, elementItems, itemsLocation) };
    }

    private PropertySpec? InferFromDefault(string name, YamlNode? defaultNode, string location)
    {
        PropertySpec? inferred = defaultNode switch
        {
            YamlScalarNode scalar => YamlScalars.Classify(scalar) switch
            {
                ScalarKind.String => new PropertySpec { Type = "string" },
                ScalarKind.Integer => new PropertySpec { Type = "integer" },
                ScalarKind.Boolean => new PropertySpec { Type = "boolean" },
                _ => null,
            },
            YamlSequenceNode => new PropertySpec { Type = "array" },
            _ => null,
        };
        if (inferred is null)
        {
            Sink.Add(YamlText.Child(location, "type"), $"config {name} has no type (one of {string.Join(", ", TypeNames)}) and no default to infer it from");
        }

        return inferred;
    }

    private void CheckLiteral(YamlNode node, ScalarKind kind, string kindName, string location)
    {
        if (node is not YamlScalarNode scalar || YamlScalars.Classify(scalar) != kind)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not {kindName}");
        }
    }
}
