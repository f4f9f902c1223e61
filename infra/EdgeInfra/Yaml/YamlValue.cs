using System.Collections.Immutable;

namespace EdgeInfra.Yaml;

/// <summary>A node of a YAML document as EdgeInfra writes it.</summary>
public abstract record YamlValue;

/// <summary>A string scalar; always written so that YAML reads it back as this exact string.</summary>
/// <param name="Text">The string.</param>
public sealed record YamlString(string Text) : YamlValue;

/// <summary>A plain scalar written as is: a number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
/// <param name="Text">The scalar's text.</param>
public sealed record YamlPlain(string Text) : YamlValue
{
    /// <summary><c>null</c>.</summary>
    public static readonly YamlPlain Null = new("null");
}

/// <summary>A sequence.</summary>
/// <param name="Items">The items, in order.</param>
public sealed record YamlSequence(ImmutableArray<YamlValue> Items) : YamlValue;

/// <summary>A mapping whose entries are written in the order given.</summary>
/// <param name="Entries">The entries, in order.</param>
public sealed record YamlMapping(ImmutableArray<KeyValuePair<string, YamlValue>> Entries) : YamlValue
{
    /// <summary>A mapping of <paramref name="entries"/>, in that order.</summary>
    public static YamlMapping Of(params (string Key, YamlValue Value)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, YamlValue>(e.Key, e.Value)).ToImmutableArray());
}
