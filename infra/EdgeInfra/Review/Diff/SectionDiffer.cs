using System.Collections.Immutable;
using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>Compares the named entries of the program sections <c>outputs</c>, <c>config</c> and <c>variables</c>, and of the stack settings.</summary>
internal static class SectionDiffer
{
    /// <summary>Stack outputs added, removed or changed; a <c>fn::secret</c> output never shows its value.</summary>
    public static IEnumerable<EntryChange> Outputs(ImmutableSortedDictionary<string, YamlValue> before, ImmutableSortedDictionary<string, YamlValue> after) =>
        Compare(before, after, (old, current) => YamlTree.IsSecret(old) || YamlTree.IsSecret(current), keepSecretValues: false);

    /// <summary>Variables added, removed or changed; a <c>fn::secret</c> variable never shows its value.</summary>
    public static IEnumerable<EntryChange> Variables(ImmutableSortedDictionary<string, YamlValue> before, ImmutableSortedDictionary<string, YamlValue> after) =>
        Compare(before, after, (old, current) => YamlTree.IsSecret(old) || YamlTree.IsSecret(current), keepSecretValues: false);

    /// <summary>Stack settings values added, removed or changed; a value that holds a <c>fn::secret</c> (an encrypted value) never shows.</summary>
    public static IEnumerable<EntryChange> StackConfig(ImmutableSortedDictionary<string, YamlValue> before, ImmutableSortedDictionary<string, YamlValue> after) =>
        Compare(before, after, (old, current) => YamlTree.ContainsSecret(old) || YamlTree.ContainsSecret(current), keepSecretValues: false);

    /// <summary>
    /// Config declarations added, removed or changed. A secret key keeps its declaration (type, <c>secret: true</c>),
    /// with any <c>default</c> wrapped in <c>fn::secret</c> so that no renderer shows it.
    /// </summary>
    public static IEnumerable<EntryChange> Config(ImmutableSortedDictionary<string, ProgramConfigDeclaration> before, ImmutableSortedDictionary<string, ProgramConfigDeclaration> after)
    {
        var secret = before.Values.Concat(after.Values).Where(d => d.IsSecret).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        return Compare(
            before.ToImmutableSortedDictionary(d => d.Key, d => MaskDefault(d.Value, secret.Contains(d.Key)), StringComparer.Ordinal),
            after.ToImmutableSortedDictionary(d => d.Key, d => MaskDefault(d.Value, secret.Contains(d.Key)), StringComparer.Ordinal),
            (_, _) => false,
            keepSecretValues: true).Select(c => c with { IsSecret = secret.Contains(c.Name) });
    }

    private static IEnumerable<EntryChange> Compare(
        ImmutableSortedDictionary<string, YamlValue> before,
        ImmutableSortedDictionary<string, YamlValue> after,
        Func<YamlValue?, YamlValue?, bool> isSecret,
        bool keepSecretValues)
    {
        foreach (var name in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(name);
            var current = after.GetValueOrDefault(name);
            if (YamlTree.Equal(old, current))
            {
                continue;
            }

            var kind = old is null ? PropertyChangeKind.Added : current is null ? PropertyChangeKind.Removed : PropertyChangeKind.Changed;
            var secret = isSecret(old, current);
            var hide = secret && !keepSecretValues;
            yield return new EntryChange(name, kind, hide ? null : old, hide ? null : current, secret);
        }
    }

    private static YamlValue MaskDefault(ProgramConfigDeclaration declaration, bool secret)
    {
        if (!secret || declaration.Declaration is not YamlMapping mapping)
        {
            return declaration.Declaration;
        }

        return new YamlMapping([.. mapping.Entries.Select(e => e.Key == "default" && !YamlTree.IsSecret(e.Value)
            ? new KeyValuePair<string, YamlValue>(e.Key, YamlMapping.Of((YamlTree.SecretFunction, e.Value)))
            : e)]);
    }
}
