using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>Questions about YAML value trees: structural equality, entry lookup, and which mappings are Pulumi expressions.</summary>
internal static class YamlTree
{
    /// <summary>The key of a secret in Pulumi YAML.</summary>
    public const string SecretFunction = "fn::secret";

    /// <summary>The value of <paramref name="key"/> in <paramref name="mapping"/>, or null when it has no such entry.</summary>
    public static YamlValue? Get(YamlMapping mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The keys of <paramref name="mapping"/>, in ordinal order.</summary>
    public static IEnumerable<string> SortedKeys(YamlMapping mapping) =>
        mapping.Entries.Select(e => e.Key).Order(StringComparer.Ordinal);

    /// <summary>
    /// True when the two trees hold the same values: scalars of the same kind and text, sequences item by item,
    /// mappings key by key whatever the order of their entries.
    /// </summary>
    public static bool Equal(YamlValue? left, YamlValue? right) => (left, right) switch
    {
        (null, null) => true,
        (YamlString a, YamlString b) => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
        (YamlPlain a, YamlPlain b) => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
        (YamlSequence a, YamlSequence b) => a.Items.Length == b.Items.Length && a.Items.Zip(b.Items).All(p => Equal(p.First, p.Second)),
        (YamlMapping a, YamlMapping b) => a.Entries.Length == b.Entries.Length && a.Entries.All(e => Get(b, e.Key) is { } other && Equal(e.Value, other)),
        _ => false,
    };

    /// <summary>
    /// True for a mapping that is a Pulumi YAML expression (a single <c>fn::</c> key, such as <c>fn::invoke</c> or
    /// <c>fn::secret</c>): a diff compares it as one value and never walks into it.
    /// </summary>
    public static bool IsExpression(YamlValue? value) =>
        value is YamlMapping { Entries: [var only] } && only.Key.StartsWith("fn::", StringComparison.Ordinal);

    /// <summary>True for <c>{fn::secret: …}</c>.</summary>
    public static bool IsSecret(YamlValue? value) =>
        value is YamlMapping { Entries: [var only] } && string.Equals(only.Key, SecretFunction, StringComparison.Ordinal);

    /// <summary>True when <paramref name="value"/> is or holds a <c>fn::secret</c> anywhere.</summary>
    public static bool ContainsSecret(YamlValue? value) => value switch
    {
        _ when IsSecret(value) => true,
        YamlMapping mapping => mapping.Entries.Any(e => ContainsSecret(e.Value)),
        YamlSequence sequence => sequence.Items.Any(ContainsSecret),
        _ => false,
    };

    /// <summary>
    /// The leaves of <paramref name="value"/> under <paramref name="path"/>: each scalar, expression, empty mapping
    /// and empty sequence with its path; entries in ordinal key order, items in order.
    /// </summary>
    public static IEnumerable<(DiffPath Path, YamlValue Value)> Leaves(DiffPath path, YamlValue value)
    {
        switch (value)
        {
            case YamlMapping { Entries.Length: > 0 } mapping when !IsExpression(mapping):
                foreach (var key in SortedKeys(mapping))
                {
                    foreach (var leaf in Leaves(path.Key(key), Get(mapping, key)!))
                    {
                        yield return leaf;
                    }
                }

                break;
            case YamlSequence { Items.Length: > 0 } sequence:
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    foreach (var leaf in Leaves(path.Index(i), sequence.Items[i]))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return (path, value);
                break;
        }
    }
}
