using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>
/// Finds deletes and creates that look like one resource renamed: the same type, and most property values (leaves)
/// equal at the same paths.
/// </summary>
internal static class RenameMatcher
{
    /// <summary>
    /// Pairs each of <paramref name="creates"/> (in ordinal order) with the unpaired delete of the same type whose
    /// properties are most alike, when more than half of the values are equal; ties go to the first name in ordinal order.
    /// </summary>
    /// <returns>Created resource name → the deleted resource it may be.</returns>
    public static SortedDictionary<string, RenameCandidate> Match(IEnumerable<ProgramResource> creates, IEnumerable<ProgramResource> deletes)
    {
        var pairs = new SortedDictionary<string, RenameCandidate>(StringComparer.Ordinal);
        var unpaired = deletes.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        foreach (var created in creates.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            RenameCandidate? best = null;
            foreach (var deleted in unpaired.Where(d => string.Equals(d.Type, created.Type, StringComparison.Ordinal)))
            {
                var (equal, total) = Similarity(deleted, created);
                var alike = total == 0 || equal * 2 > total;
                if (alike && (best is null || IsCloser(equal, total, best)))
                {
                    best = new RenameCandidate(deleted.Name, equal, total);
                }
            }

            if (best is not null)
            {
                pairs[created.Name] = best;
                unpaired.RemoveAll(d => d.Name == best.OtherName);
            }
        }

        return pairs;
    }

    /// <summary>How many property values are equal at the same path, and how many the larger resource has.</summary>
    private static (int Equal, int Total) Similarity(ProgramResource before, ProgramResource after)
    {
        var old = YamlTree.Leaves(DiffPath.Properties, before.Properties).ToDictionary(l => l.Path.Text, l => l.Value, StringComparer.Ordinal);
        var current = YamlTree.Leaves(DiffPath.Properties, after.Properties).ToList();
        var equal = current.Count(l => old.TryGetValue(l.Path.Text, out YamlValue? value) && YamlTree.Equal(value, l.Value));
        return (equal, Math.Max(old.Count, current.Count));
    }

    /// <summary>True when equal / total is more than the share of <paramref name="best"/> (no values at all count as all equal).</summary>
    private static bool IsCloser(int equal, int total, RenameCandidate best)
    {
        var (e, t) = total == 0 ? (1, 1) : (equal, total);
        var (be, bt) = best.TotalValues == 0 ? (1, 1) : (best.EqualValues, best.TotalValues);
        return (long)e * bt > (long)be * t;
    }
}
