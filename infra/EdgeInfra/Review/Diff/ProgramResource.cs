using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>A resource of a synthesized program: its logical name, type token, properties and options.</summary>
public sealed class ProgramResource
{
    /// <summary>Creates the resource <paramref name="name"/> of type <paramref name="type"/>.</summary>
    public ProgramResource(string name, string type, YamlMapping properties, YamlMapping options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        Type = type;
        Properties = properties;
        Options = options;
    }

    /// <summary>The logical name (with any component prefix), e.g. <c>app-vnet</c>.</summary>
    public string Name { get; }

    /// <summary>The type token, e.g. <c>azure-native:keyvault:Vault</c>.</summary>
    public string Type { get; }

    /// <summary>The <c>properties</c> block, empty when the program states none.</summary>
    public YamlMapping Properties { get; }

    /// <summary>The <c>options</c> block, empty when the program states none.</summary>
    public YamlMapping Options { get; }

    /// <summary>The option <paramref name="key"/> (e.g. <c>protect</c>), or null when the program does not state it.</summary>
    public YamlValue? Option(string key) => YamlTree.Get(Options, key);

    /// <summary>True when the option <paramref name="key"/> is stated as <c>true</c>.</summary>
    public bool HasFlag(string key) => Option(key) is YamlPlain { Text: "true" };

    /// <summary>The strings of the list option <paramref name="key"/> (e.g. <c>ignoreChanges</c>), empty when not stated.</summary>
    public IReadOnlyList<string> StringsOption(string key) =>
        Option(key) is YamlSequence sequence ? [.. sequence.Items.OfType<YamlString>().Select(s => s.Text)] : [];
}
