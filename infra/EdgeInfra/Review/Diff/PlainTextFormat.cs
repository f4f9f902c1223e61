using System.Globalization;
using System.Text;
using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>The diff as plain text, with Pulumi preview's markers: <c>+</c> create, <c>-</c> delete, <c>~</c> update, <c>+-</c> replace.</summary>
internal sealed class PlainTextFormat : IDiffFormat
{
    private const string ResourceIndent = "  ";
    private const string DetailIndent = "      ";

    public string Title(string stack) => $"Infrastructure diff: stack {stack}\n\n";

    public string Summary(string summary) => summary + "\n\n";

    public string NoChanges(string sentence) => sentence + "\n";

    public string RisksStart() => "Risks:\n";

    public string Risk(ResourceChange change)
    {
        var notes = DiffWording.Notes(change, Plain).ToList();
        return ResourceIndent + Heading(change) + "." + string.Concat(notes.Select(n => " " + n)) + "\n";
    }

    public string ConfigRisk(StackConfigChange change, ConfigRead read, string file) =>
        ResourceIndent + Marker("+-") + " " + DiffWording.ConfigRisk(change, read, file, Plain) + "\n";

    public string RemovedOutput(EntryChange output) => $"{ResourceIndent}{Marker("-")} remove stack output {output.Name}. {DiffWording.RemovedOutput}\n";

    public string NoRisks() => ResourceIndent + DiffWording.NoRisks + "\n";

    public string RisksEnd() => "\n";

    public string GroupStart(string label, string summary) => $"{label}: {summary}\n";

    public string GroupEnd() => "\n";

    public string Resource(ResourceChange change, int shown, int maxValueLength)
    {
        var text = new StringBuilder(ResourceIndent).Append(Heading(change)).Append('\n');
        foreach (var note in DiffWording.Notes(change, Plain))
        {
            text.Append(DetailIndent).Append(note).Append('\n');
        }

        foreach (var value in change.Changes.Take(shown))
        {
            text.Append(DetailIndent).Append(Line(value.Path, value.Kind, value.Before, value.After, value.IsSecret, maxValueLength));
            text.Append(value.ForcesReplacement ? "  (forces replacement)" : string.Empty);
            text.Append(value.IsIgnored ? "  (ignored: ignoreChanges)" : string.Empty);
            text.Append('\n');
        }

        return text.Append(More(change.Changes.Length - shown)).ToString();
    }

    public string StackConfig(string file, IReadOnlyList<StackConfigChange> changes, int shown, int maxValueLength)
    {
        var text = new StringBuilder($"{DiffWording.StackConfigTitle} ({file}): {DiffWording.SectionSummary([.. changes.Select(c => c.Change)])}\n");
        foreach (var (entry, readers) in changes.Take(shown))
        {
            text.Append(ResourceIndent).Append(Line(entry.Name, entry.Kind, entry.Before, entry.After, entry.HidesValues, maxValueLength)).Append('\n');
            if (readers.Length == 0)
            {
                text.Append(DetailIndent).Append(DiffWording.NotRead).Append('\n');
            }

            foreach (var read in readers.Take(DiffWording.MaxReadersShown))
            {
                text.Append(DetailIndent).Append("read by ").Append(DiffWording.ReadBy(read, Plain)).Append('\n');
            }

            if (DiffWording.MoreReaders(readers.Length - DiffWording.MaxReadersShown) is { Length: > 0 } more)
            {
                text.Append(DetailIndent).Append("read by ").Append(more).Append('\n');
            }
        }

        return text.Append(More(changes.Count - shown).Replace(DetailIndent, ResourceIndent, StringComparison.Ordinal)).Append('\n').ToString();
    }

    public string Section(string title, IReadOnlyList<EntryChange> entries, int shown, int maxValueLength)
    {
        var text = new StringBuilder($"{title}: {DiffWording.SectionSummary([.. entries])}\n");
        foreach (var entry in entries.Take(shown))
        {
            text.Append(ResourceIndent).Append(Line(entry.Name, entry.Kind, entry.Before, entry.After, entry.HidesValues, maxValueLength)).Append('\n');
        }

        return text.Append(More(entries.Count - shown).Replace(DetailIndent, ResourceIndent, StringComparison.Ordinal)).Append('\n').ToString();
    }

    public string Trimmed(Omission omitted, string stack) => "Trimmed. " + DiffWording.Trimmed(omitted, stack, Plain) + "\n";

    private static string Plain(string text) => text;

    /// <summary>A marker padded to the width of the widest, <c>+-</c>, so names line up.</summary>
    private static string Marker(string marker) => marker.PadRight(2);

    private static string Heading(ResourceChange change) =>
        $"{Marker(DiffWording.Marker(change.Kind))} {DiffWording.Verb(change.Kind)} {change.Name} ({change.Type})";

    private static string Line(string path, PropertyChangeKind kind, YamlValue? before, YamlValue? after, bool secret, int maxValueLength)
    {
        var marker = DiffWording.Marker(kind);
        return kind switch
        {
            PropertyChangeKind.Added => $"{marker} {path}: {Value(after, secret, maxValueLength)}",
            PropertyChangeKind.Removed => $"{marker} {path}: {Value(before, secret, maxValueLength)}",
            _ when secret => $"{marker} {path}: changed (secret)",
            _ => $"{marker} {path}: {Value(before, secret, maxValueLength)} => {Value(after, secret, maxValueLength)}",
        };
    }

    private static string Value(YamlValue? value, bool secret, int maxValueLength) =>
        secret || value is null ? ValueText.Secret : ValueText.Inline(value, maxValueLength);

    private static string More(int hidden) => hidden > 0
        ? $"{DetailIndent}… and {hidden.ToString(CultureInfo.InvariantCulture)} more {(hidden == 1 ? "change" : "changes")} not shown.\n"
        : string.Empty;
}
