using System.Collections.Immutable;
using System.Text.RegularExpressions;
using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>
/// Finds the resources of a program that read a config key: their properties or options refer to it
/// (<c>${key}</c>, <c>${key[0]}</c>, <c>${key.field}</c>), or to a variable that does, at any depth. An escaped
/// <c>$${key}</c> is literal text, not a reference.
/// </summary>
internal static class ConfigReaders
{
    /// <summary>The resources of <paramref name="program"/> that read <paramref name="key"/>, in ordinal order of name.</summary>
    public static ImmutableArray<ConfigRead> Of(ProgramDocument program, string key, PackageCatalog packages)
    {
        var names = new List<string> { key };
        var reference = Reference(names);
        bool added;
        do
        {
            added = false;
            foreach (var (variable, value) in program.Variables)
            {
                if (!names.Contains(variable) && Mentions(value, reference))
                {
                    names.Add(variable);
                    reference = Reference(names);
                    added = true;
                }
            }
        }
        while (added);

        var reads = new List<ConfigRead>();
        foreach (var resource in program.Resources.Values)
        {
            var leaves = YamlTree.Leaves(DiffPath.Properties, resource.Properties).Concat(YamlTree.Leaves(DiffPath.Options, resource.Options))
                .Where(l => Mentions(l.Value, reference))
                .Select(l => l.Path)
                .ToList();
            if (leaves.Count == 0)
            {
                continue;
            }

            var metadata = packages.MetadataOf(resource.Type);
            var replaceOnChanges = resource.StringsOption("replaceOnChanges");
            var forces = leaves.Any(p => p.Text.StartsWith("options.", StringComparison.Ordinal) is false
                && ResourceComparer.CauseOf(p, resource.Type, metadata, replaceOnChanges) is not null);
            reads.Add(new ConfigRead(resource.Name, resource.Type, [.. leaves.Select(p => p.Text).Order(StringComparer.Ordinal)], forces));
        }

        return [.. reads];
    }

    /// <summary>True when a string of <paramref name="value"/> holds a match of <paramref name="reference"/>.</summary>
    private static bool Mentions(YamlValue value, Regex reference) => value switch
    {
        YamlString s => reference.IsMatch(s.Text),
        YamlMapping mapping => mapping.Entries.Any(e => Mentions(e.Value, reference)),
        YamlSequence sequence => sequence.Items.Any(i => Mentions(i, reference)),
        _ => false,
    };

    /// <summary>A reference to one of <paramref name="names"/>: <c>${name}</c>, <c>${name.field}</c> or <c>${name[0]}</c>.</summary>
    private static Regex Reference(IEnumerable<string> names) =>
        new(@"(?<!\$)\$\{(?:" + string.Join('|', names.Select(Regex.Escape)) + @")(?=[}.\[])", RegexOptions.CultureInvariant);
}
