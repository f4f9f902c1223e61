using System.Text;

namespace EdgeInfra.Review;

/// <summary>
/// Lays a diff out in a format: heading, summary, risks, stack config changes, resources grouped by component, then
/// stack outputs, config and variables. Keeps within the limits of <see cref="DiffRenderOptions"/>: what does not fit is left out, counted,
/// and named in a note at the end.
/// </summary>
internal static class DiffLayout
{
    /// <summary><paramref name="diff"/> in <paramref name="format"/>, within <paramref name="options"/>' limits.</summary>
    public static string Render(DiffResult diff, DiffRenderOptions options, IDiffFormat format)
    {
        options.Validate();
        var text = new StringBuilder(format.Title(diff.StackName));
        if (!diff.HasChanges)
        {
            return text.Append(format.NoChanges(DiffWording.NoChanges(diff.Unchanged))).ToString();
        }

        text.Append(format.Summary(DiffWording.Summary(diff)));
        var reserve = format.Trimmed(Omission.Largest, diff.StackName).Length + 2;
        bool Fits(params string[] parts) => text.Length + parts.Sum(p => p.Length) + reserve <= options.MaxLength;
        int omittedRisks = 0, omittedResources = 0, omittedChanges = 0, omittedEntries = 0;

        text.Append(format.RisksStart());
        var risks = Risks(diff, format);
        if (risks.Count == 0)
        {
            text.Append(format.NoRisks());
        }

        foreach (var risk in risks)
        {
            if (Fits(risk))
            {
                text.Append(risk);
            }
            else
            {
                omittedRisks++;
            }
        }

        text.Append(format.RisksEnd());
        void AppendSection(int count, Func<int, string> render)
        {
            var shown = Math.Min(count, options.MaxChangesPerResource);
            var section = render(shown);
            var fits = Fits(section);
            text.Append(fits ? section : string.Empty);
            omittedEntries += fits ? count - shown : count;
        }

        if (diff.StackConfigFile is { } file && diff.StackConfig.Length > 0)
        {
            AppendSection(diff.StackConfig.Length, shown => format.StackConfig(file, diff.StackConfig, shown, options.MaxValueLength));
        }

        var full = false;
        foreach (var group in Groups(diff))
        {
            var start = format.GroupStart(group.Key ?? DiffWording.TopLevel, DiffWording.GroupSummary(group.ToList()));
            var end = format.GroupEnd();
            var started = false;
            foreach (var resource in group)
            {
                var shown = Math.Min(resource.Changes.Length, options.MaxChangesPerResource);
                var block = format.Resource(resource, shown, options.MaxValueLength);
                if (full || !Fits(started ? string.Empty : start, block, end))
                {
                    full = true;
                    omittedResources++;
                    continue;
                }

                text.Append(started ? string.Empty : start).Append(block);
                started = true;
                omittedChanges += resource.Changes.Length - shown;
            }

            text.Append(started ? end : string.Empty);
        }

        foreach (var (title, entries) in new[] { ("Stack outputs", diff.Outputs), ("Config", diff.Config), ("Variables", diff.Variables) })
        {
            if (entries.Length == 0)
            {
                continue;
            }

            AppendSection(entries.Length, shown => format.Section(title, entries, shown, options.MaxValueLength));
        }

        var omitted = new Omission(omittedRisks, omittedResources, omittedChanges, omittedEntries);
        var result = text.ToString().TrimEnd('\n') + "\n";
        return omitted.Any ? result + "\n" + format.Trimmed(omitted, diff.StackName) : result;
    }

    /// <summary>
    /// The risk lines: every replacement, then every resource a stack config change replaces, then every deletion,
    /// then every removed stack output, each in name order.
    /// </summary>
    private static List<string> Risks(DiffResult diff, IDiffFormat format)
    {
        var replaced = diff.Resources.Where(r => r.Kind == ResourceChangeKind.Replace).Select(format.Risk);
        var replacedByConfig = diff.StackConfig
            .SelectMany(c => c.ReadBy.Where(r => r.ForcesReplacement).Select(r => format.ConfigRisk(c, r, diff.StackConfigFile!)));
        var deleted = diff.Resources.Where(r => r.Kind == ResourceChangeKind.Delete).Select(format.Risk);
        var removedOutputs = diff.Outputs.Where(o => o.Kind == PropertyChangeKind.Removed).Select(format.RemovedOutput);
        return [.. replaced, .. replacedByConfig, .. deleted, .. removedOutputs];
    }

    /// <summary>The resources by component: top-level resources first, then components in ordinal order.</summary>
    private static IEnumerable<IGrouping<string?, ResourceChange>> Groups(DiffResult diff) =>
        diff.Resources.GroupBy(r => r.Component).OrderBy(g => g.Key is not null).ThenBy(g => g.Key, StringComparer.Ordinal);
}
