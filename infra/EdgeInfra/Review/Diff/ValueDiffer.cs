using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>
/// Compares two value trees leaf by leaf: mappings key by key, sequences index by index, expressions
/// (<c>fn::…</c>) and scalars as whole values. An added or removed subtree is reported leaf by leaf.
/// </summary>
internal static class ValueDiffer
{
    /// <summary>The differences between the entries of two mappings, such as two <c>properties</c> blocks, key by key.</summary>
    public static IEnumerable<ValueChange> CompareEntries(DiffPath path, YamlMapping before, YamlMapping after) =>
        YamlTree.SortedKeys(before).Union(YamlTree.SortedKeys(after), StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .SelectMany(key => Compare(path.Key(key), YamlTree.Get(before, key), YamlTree.Get(after, key)));

    /// <summary>The differences between <paramref name="before"/> and <paramref name="after"/> (null: absent) under <paramref name="path"/>.</summary>
    public static IEnumerable<ValueChange> Compare(DiffPath path, YamlValue? before, YamlValue? after)
    {
        if (before is null && after is null)
        {
            return [];
        }

        if (before is null)
        {
            return YamlTree.Leaves(path, after!).Select(l => new ValueChange(l.Path, PropertyChangeKind.Added, null, l.Value));
        }

        if (after is null)
        {
            return YamlTree.Leaves(path, before).Select(l => new ValueChange(l.Path, PropertyChangeKind.Removed, l.Value, null));
        }

        return (before, after) switch
        {
            (YamlMapping b, YamlMapping a) when IsStructure(b) && IsStructure(a) => CompareEntries(path, b, a),
            (YamlSequence b, YamlSequence a) when b.Items.Length > 0 && a.Items.Length > 0 =>
                Enumerable.Range(0, Math.Max(b.Items.Length, a.Items.Length))
                    .SelectMany(i => Compare(path.Index(i), i < b.Items.Length ? b.Items[i] : null, i < a.Items.Length ? a.Items[i] : null)),
            _ when YamlTree.Equal(before, after) => [],
            _ => [new ValueChange(path, PropertyChangeKind.Changed, before, after)],
        };
    }

    /// <summary>A mapping walked into: not an expression and not empty (an empty mapping is a value of its own).</summary>
    private static bool IsStructure(YamlMapping mapping) => mapping.Entries.Length > 0 && !YamlTree.IsExpression(mapping);
}
