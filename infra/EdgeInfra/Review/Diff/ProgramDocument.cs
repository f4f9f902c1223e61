using System.Collections.Immutable;
using EdgeInfra.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Review;

/// <summary>
/// A synthesized Pulumi YAML program, read back for review: its resources (logical name → type, properties and
/// options), config declarations, variables and outputs.
/// </summary>
public sealed class ProgramDocument
{
    private static readonly string[] ResourceKeys = ["type", "properties", "options"];

    private ProgramDocument(
        string? name,
        ImmutableSortedDictionary<string, ProgramConfigDeclaration> config,
        ImmutableSortedDictionary<string, YamlValue> variables,
        ImmutableSortedDictionary<string, ProgramResource> resources,
        ImmutableSortedDictionary<string, YamlValue> outputs)
    {
        Name = name;
        Config = config;
        Variables = variables;
        Resources = resources;
        Outputs = outputs;
    }

    /// <summary>The project name (<c>name</c>), or null when the program states none.</summary>
    public string? Name { get; }

    /// <summary>Config key → declaration, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, ProgramConfigDeclaration> Config { get; }

    /// <summary>Variable name → value, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, YamlValue> Variables { get; }

    /// <summary>Logical name → resource, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, ProgramResource> Resources { get; }

    /// <summary>Stack output name → value, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, YamlValue> Outputs { get; }

    /// <summary>Reads the program <paramref name="yaml"/>, as <c>synth</c> prints it.</summary>
    /// <exception cref="FormatException">
    /// The text is not YAML, or not a program: no <c>resources</c> mapping, a resource without a type token, a section
    /// that is not a mapping, or a resource key other than <c>type</c>, <c>properties</c> and <c>options</c>.
    /// </exception>
    public static ProgramDocument Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var root = RootOf(yaml);
        string? name = null;
        if (Section(root, "name") is { } nameNode)
        {
            name = nameNode is YamlScalarNode { Value: { } text } ? text : throw Invalid($"'name' ({YamlNodeConverter.Where(nameNode)}) must be a string");
        }

        var resourcesNode = Section(root, "resources") ?? throw Invalid("it has no 'resources' section");
        var resources = Entries(resourcesNode, "resources").ToImmutableSortedDictionary(
            e => e.Key,
            e => Resource(e.Key, e.Value),
            StringComparer.Ordinal);
        var config = Entries(Section(root, "config"), "config").ToImmutableSortedDictionary(
            e => e.Key,
            e => ConfigDeclaration(e.Key, e.Value),
            StringComparer.Ordinal);
        var variables = Entries(Section(root, "variables"), "variables").ToImmutableSortedDictionary(
            e => e.Key,
            e => YamlNodeConverter.Convert(e.Value),
            StringComparer.Ordinal);
        var outputs = Entries(Section(root, "outputs"), "outputs").ToImmutableSortedDictionary(
            e => e.Key,
            e => YamlNodeConverter.Convert(e.Value),
            StringComparer.Ordinal);
        return new ProgramDocument(name, config, variables, resources, outputs);
    }

    private static YamlMappingNode RootOf(string yaml)
    {
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"Not a Pulumi YAML program: the text is not valid YAML ({e.Message}).", e);
        }

        return stream.Documents switch
        {
            [] => throw Invalid("the text is empty"),
            [{ RootNode: YamlMappingNode root }] => root,
            [_] => throw Invalid("its top level is not a mapping"),
            _ => throw Invalid($"it holds {stream.Documents.Count} YAML documents, not one"),
        };
    }

    private static YamlNode? Section(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>The entries of a mapping section, keys as text; none when the section is absent, null or <c>{}</c>.</summary>
    private static IEnumerable<KeyValuePair<string, YamlNode>> Entries(YamlNode? section, string name)
    {
        if (section is null || (section is YamlScalarNode scalar && YamlNodeConverter.Convert(scalar) is YamlPlain { Text: "null" or "Null" or "NULL" }))
        {
            return [];
        }

        if (section is not YamlMappingNode mapping)
        {
            throw Invalid($"'{name}' ({YamlNodeConverter.Where(section)}) is not a mapping");
        }

        var entries = mapping.Children.Select(e => new KeyValuePair<string, YamlNode>(YamlNodeConverter.KeyOf(e.Key), e.Value)).ToList();
        var duplicate = entries.GroupBy(e => e.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? entries : throw Invalid($"'{name}' has the key '{duplicate.Key}' twice");
    }

    private static ProgramResource Resource(string name, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Invalid($"resource '{name}' ({YamlNodeConverter.Where(node)}) is not a mapping");
        }

        var body = YamlNodeConverter.Mapping(mapping);
        if (body.Entries.FirstOrDefault(e => !ResourceKeys.Contains(e.Key, StringComparer.Ordinal)) is { Key: { } unknown })
        {
            throw Invalid($"resource '{name}' ({YamlNodeConverter.Where(node)}) has the key '{unknown}'; a synthesized resource has only 'type', 'properties' and 'options'");
        }

        var type = YamlTree.Get(body, "type") switch
        {
            YamlString { Text: var token } when TypeTokens.IsValid(token) => token,
            null => throw Invalid($"resource '{name}' ({YamlNodeConverter.Where(node)}) has no 'type'"),
            var other => throw Invalid($"resource '{name}' ({YamlNodeConverter.Where(node)}) has the type {Describe(other)}, not a type token such as \"azure-native:keyvault:Vault\""),
        };
        return new ProgramResource(name, type, Block(name, body, "properties"), Block(name, body, "options"));
    }

    private static YamlMapping Block(string resource, YamlMapping body, string key) => YamlTree.Get(body, key) switch
    {
        null => new YamlMapping([]),
        YamlMapping mapping => mapping,
        var other => throw Invalid($"'{key}' of resource '{resource}' is {Describe(other)}, not a mapping"),
    };

    private static ProgramConfigDeclaration ConfigDeclaration(string key, YamlNode node)
    {
        var declaration = YamlNodeConverter.Convert(node);
        var secret = declaration is YamlMapping mapping && YamlTree.Get(mapping, "secret") is YamlPlain { Text: "true" };
        return new ProgramConfigDeclaration(key, declaration, secret);
    }

    private static string Describe(YamlValue value) => value switch
    {
        YamlString s => YamlWriter.Quote(s.Text),
        YamlPlain p => p.Text,
        YamlSequence => "a sequence",
        _ => "a mapping",
    };

    private static FormatException Invalid(string reason) => new($"Not a Pulumi YAML program: {reason}.");
}
