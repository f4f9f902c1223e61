using System.Globalization;
using System.Net;
using System.Text;
using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>The diff as a GitHub pull-request comment: component groups in collapsible <c>&lt;details&gt;</c> blocks, changes as tables.</summary>
internal sealed class MarkdownFormat : IDiffFormat
{
    private const string Absent = "—";

    public string Title(string stack) => $"## Infrastructure diff: stack {Code(stack)}\n\n";

    public string Summary(string summary) => $"**{summary}**\n\n";

    public string NoChanges(string sentence) => sentence + "\n";

    public string RisksStart() => "**Risks**\n\n";

    public string Risk(ResourceChange change)
    {
        var notes = DiffWording.Notes(change, Code).ToList();
        return "- " + Heading(change) + "." + string.Concat(notes.Select(n => " " + n)) + "\n";
    }

    public string ConfigRisk(StackConfigChange change, ConfigRead read, string file) =>
        $"- {Code("+-")} " + DiffWording.ConfigRisk(change, read, file, Code) + "\n";

    public string RemovedOutput(EntryChange output) => $"- {Code("-")} **remove** stack output {Code(output.Name)}. {DiffWording.RemovedOutput}\n";

    public string NoRisks() => DiffWording.NoRisks + "\n";

    public string RisksEnd() => "\n";

    public string GroupStart(string label, string summary) =>
        $"<details><summary><b>{WebUtility.HtmlEncode(label)}</b>: {summary}</summary>\n\n";

    public string GroupEnd() => "</details>\n\n";

    public string Resource(ResourceChange change, int shown, int maxValueLength)
    {
        var text = new StringBuilder(Heading(change)).Append("\n\n");
        var notes = DiffWording.Notes(change, Code).ToList();
        foreach (var note in notes)
        {
            text.Append("- ").Append(note).Append('\n');
        }

        if (notes.Count > 0)
        {
            text.Append('\n');
        }

        if (change.Changes.Length == 0)
        {
            return text.ToString();
        }

        if (change.Kind == ResourceChangeKind.Create)
        {
            text.Append("| property | value |\n|---|---|\n");
            foreach (var value in change.Changes.Take(shown))
            {
                text.Append("| ").Append(Cell(Code(value.Path))).Append(" | ").Append(Cell(Value(value.After, value.IsSecret, maxValueLength))).Append(" |\n");
            }
        }
        else
        {
            text.Append("| property | before | after |\n|---|---|---|\n");
            foreach (var value in change.Changes.Take(shown))
            {
                text.Append("| ").Append(Cell(Property(value))).Append(" | ").Append(Cell(Before(value.Kind, value.Before, value.IsSecret, maxValueLength))).Append(" | ").Append(Cell(After(value.Kind, value.After, value.IsSecret, maxValueLength))).Append(" |\n");
            }
        }

        return text.Append('\n').Append(More(change.Changes.Length - shown)).ToString();
    }

    public string StackConfig(string file, IReadOnlyList<StackConfigChange> changes, int shown, int maxValueLength)
    {
        var text = new StringBuilder($"**{DiffWording.StackConfigTitle}** ({Code(file)}): {DiffWording.SectionSummary([.. changes.Select(c => c.Change)])}\n\n");
        text.Append("| key | before | after | read by |\n|---|---|---|---|\n");
        foreach (var (entry, readers) in changes.Take(shown))
        {
            var named = readers.Take(DiffWording.MaxReadersShown).Select(r => DiffWording.ReadBy(r, Code));
            var more = DiffWording.MoreReaders(readers.Length - DiffWording.MaxReadersShown);
            var readBy = readers.Length == 0 ? DiffWording.NotRead : string.Join("<br>", more.Length > 0 ? named.Append(more) : named);
            text.Append("| ").Append(Cell(Code(entry.Name))).Append(" | ").Append(Cell(Before(entry.Kind, entry.Before, entry.HidesValues, maxValueLength))).Append(" | ").Append(Cell(After(entry.Kind, entry.After, entry.HidesValues, maxValueLength))).Append(" | ").Append(Cell(readBy)).Append(" |\n");
        }

        return text.Append('\n').Append(More(changes.Count - shown)).ToString();
    }

    public string Section(string title, IReadOnlyList<EntryChange> entries, int shown, int maxValueLength)
    {
        var text = new StringBuilder($"<details><summary><b>{title}</b>: {DiffWording.SectionSummary([.. entries])}</summary>\n\n");
        text.Append("| name | before | after |\n|---|---|---|\n");
        foreach (var entry in entries.Take(shown))
        {
            text.Append("| ").Append(Cell(Code(entry.Name))).Append(" | ").Append(Cell(Before(entry.Kind, entry.Before, entry.HidesValues, maxValueLength))).Append(" | ").Append(Cell(After(entry.Kind, entry.After, entry.HidesValues, maxValueLength))).Append(" |\n");
        }

        return text.Append('\n').Append(More(entries.Count - shown)).Append("</details>\n\n").ToString();
    }

    public string Trimmed(Omission omitted, string stack) => "**Trimmed.** " + DiffWording.Trimmed(omitted, stack, Code) + "\n";

    /// <summary><paramref name="text"/> as an inline code span, fenced so that backticks inside it stay text.</summary>
    private static string Code(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = longest > 0 ? " " : string.Empty;
        return fence + pad + text + pad + fence;
    }

    /// <summary>A table cell: a pipe would end the cell, even inside a code span.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Heading(ResourceChange change) =>
        $"{Code(DiffWording.Marker(change.Kind))} **{DiffWording.Verb(change.Kind)}** {Code(change.Name)} ({Code(change.Type)})";

    private static string Property(PropertyChange change) =>
        Code(change.Path)
        + (change.ForcesReplacement ? " **forces replacement**" : string.Empty)
        + (change.IsIgnored ? " *(ignored)*" : string.Empty);

    private static string Before(PropertyChangeKind kind, YamlValue? before, bool secret, int maxValueLength) =>
        kind == PropertyChangeKind.Added ? Absent : Value(before, secret, maxValueLength);

    private static string After(PropertyChangeKind kind, YamlValue? after, bool secret, int maxValueLength) => kind switch
    {
        PropertyChangeKind.Removed => Absent,
        PropertyChangeKind.Changed when secret => "changed (secret)",
        _ => Value(after, secret, maxValueLength),
    };

    private static string Value(YamlValue? value, bool secret, int maxValueLength) =>
        secret || value is null ? Code(ValueText.Secret) : Code(ValueText.Inline(value, maxValueLength));

    private static string More(int hidden) => hidden > 0
        ? $"… and {hidden.ToString(CultureInfo.InvariantCulture)} more {(hidden == 1 ? "change" : "changes")} not shown.\n\n"
        : string.Empty;
}
