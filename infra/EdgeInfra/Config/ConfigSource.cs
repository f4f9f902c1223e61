using System.Collections.Immutable;

namespace EdgeInfra;

/// <summary>The config values of a stack, by full key (<c>project:key</c> or <c>package:key</c>).</summary>
public sealed class ConfigSource
{
    /// <summary>A source with no value.</summary>
    public static readonly ConfigSource Empty = new(new Dictionary<string, ConfigEntry>());

    /// <summary>Creates a source of <paramref name="entries"/>.</summary>
    public ConfigSource(IReadOnlyDictionary<string, ConfigEntry> entries) =>
        Entries = entries.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The entries, by full key.</summary>
    public ImmutableSortedDictionary<string, ConfigEntry> Entries { get; }

    /// <summary>A source of plain (non-secret) values, for tests and tools.</summary>
    public static ConfigSource FromValues(IReadOnlyDictionary<string, string> values) =>
        new(values.ToDictionary(v => v.Key, v => new ConfigEntry(v.Value, false), StringComparer.Ordinal));

    /// <summary>The entry at <paramref name="fullKey"/>, or null.</summary>
    public ConfigEntry? Find(string fullKey) => Entries.GetValueOrDefault(fullKey);
}
