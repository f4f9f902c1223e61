using System.Collections.Immutable;
using EdgeInfra.Yaml;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Review;

/// <summary>
/// The values of a stack settings file, <c>Pulumi.&lt;stack&gt;.yaml</c>, as a diff compares them: each key of
/// <c>config:</c> with its value tree. Keys of the project lose their <c>project:</c> prefix (the program refers to
/// them as <c>${key}</c>); other namespaces (<c>azure-native:location</c>) keep theirs. Every encrypted value
/// (<c>secure:</c>) is wrapped in <c>fn::secret</c>, so no renderer ever shows its ciphertext.
/// </summary>
public sealed class StackConfigValues
{
    private StackConfigValues(string fileName, ImmutableSortedDictionary<string, YamlValue> values)
    {
        FileName = fileName;
        Values = values;
    }

    /// <summary>The file name, e.g. <c>Pulumi.dev.yaml</c>.</summary>
    public string FileName { get; }

    /// <summary>Key → value, in ordinal order of key.</summary>
    public ImmutableSortedDictionary<string, YamlValue> Values { get; }

    /// <summary>
    /// The values of <paramref name="path"/>, keys of <paramref name="project"/> without their prefix; no values when
    /// the file does not exist (a stack without settings).
    /// </summary>
    /// <exception cref="FormatException">The file is not YAML, or its <c>config</c> is not a mapping.</exception>
    public static StackConfigValues Read(string path, string project)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(project);
        var values = ImmutableSortedDictionary.CreateBuilder<string, YamlValue>(StringComparer.Ordinal);
        var config = File.Exists(path) && YamlFile.ReadRootMapping(path) is { } root
            && root.Children.TryGetValue(new YamlScalarNode("config"), out var node) ? node : null;
        if (config is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                values[ShortKey(YamlNodeConverter.KeyOf(key), project)] = MaskSecure(YamlNodeConverter.Convert(value));
            }
        }
        else if (config is not (null or YamlScalarNode { Value: null or "" or "~" or "null" }))
        {
            throw new FormatException($"{path}: 'config' must be a map of keys to values.");
        }

        return new StackConfigValues(Path.GetFileName(path), values.ToImmutable());
    }

    private static string ShortKey(string key, string project) =>
        key.StartsWith(project + ":", StringComparison.Ordinal) ? key[(project.Length + 1)..] : key;

    /// <summary><paramref name="value"/> with every <c>{secure: …}</c> wrapped in <c>fn::secret</c>.</summary>
    private static YamlValue MaskSecure(YamlValue value) => value switch
    {
        YamlMapping { Entries: [{ Key: "secure" }] } => YamlMapping.Of((YamlTree.SecretFunction, value)),
        YamlMapping mapping => new YamlMapping([.. mapping.Entries.Select(e => new KeyValuePair<string, YamlValue>(e.Key, MaskSecure(e.Value)))]),
        YamlSequence sequence => new YamlSequence([.. sequence.Items.Select(MaskSecure)]),
        _ => value,
    };
}
