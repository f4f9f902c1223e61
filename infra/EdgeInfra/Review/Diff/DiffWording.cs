using System.Globalization;

namespace EdgeInfra.Review;

/// <summary>
/// The sentences both renderers say, so that the Markdown and the plain-text diff tell the same story. Names and
/// values pass through <c>code</c>: backticks in Markdown, nothing in plain text.
/// </summary>
internal static class DiffWording
{
    /// <summary>The label of the group of resources that belong to no component.</summary>
    public const string TopLevel = "top-level resources";

    /// <summary>Pulumi's preview marker of <paramref name="kind"/>.</summary>
    public static string Marker(ResourceChangeKind kind) => kind switch
    {
        ResourceChangeKind.Create => "+",
        ResourceChangeKind.Update => "~",
        ResourceChangeKind.Replace => "+-",
        _ => "-",
    };

    /// <summary>The verb of <paramref name="kind"/>: create, update, replace, delete.</summary>
    public static string Verb(ResourceChangeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The marker of an added, removed or changed value.</summary>
    public static string Marker(PropertyChangeKind kind) => kind switch
    {
        PropertyChangeKind.Added => "+",
        PropertyChangeKind.Removed => "-",
        _ => "~",
    };

    /// <summary>"1 to create, 2 to update, 0 to replace, 0 to delete, 5 unchanged", and "; stack config: 1 changed" when it changes.</summary>
    public static string Summary(DiffResult diff) =>
        string.Join(", ", Kinds.Select(k => $"{diff.Count(k)} to {Verb(k)}")) + $", {diff.Unchanged} unchanged"
        + (diff.StackConfig.Length > 0 ? "; stack config: " + SectionSummary([.. diff.StackConfig.Select(c => c.Change)]) : string.Empty);

    /// <summary>The title of the stack settings section.</summary>
    public const string StackConfigTitle = "Stack config";

    /// <summary>How many resources that read a config key are named; the rest are counted.</summary>
    public const int MaxReadersShown = 5;

    /// <summary>What a stack config change says when no resource refers to its key.</summary>
    public const string NotRead = "no resource refers to it (a value read at synthesis shows as program changes)";

    /// <summary>"<c>res</c> at <c>keepers.rotation</c> (forces replacement)": a resource that reads a config key, and where.</summary>
    public static string ReadBy(ConfigRead read, Func<string, string> code) =>
        $"{code(read.Resource)} at {string.Join(", ", read.Paths.Select(code))}" + (read.ForcesReplacement ? " (forces replacement)" : string.Empty);

    /// <summary>"and 3 more resources", for the readers not named; empty when all are.</summary>
    public static string MoreReaders(int hidden) =>
        hidden > 0 ? $"and {hidden.ToString(CultureInfo.InvariantCulture)} more {(hidden == 1 ? "resource" : "resources")}" : string.Empty;

    /// <summary>The risk of a config change read by a replace-on-change property of <paramref name="read"/>'s resource.</summary>
    public static string ConfigRisk(StackConfigChange change, ConfigRead read, string file, Func<string, string> code) =>
        $"config {code(change.Change.Name)} ({code(file)}) is {change.Change.Kind.ToString().ToLowerInvariant()}: {code(read.Resource)} ({code(read.Type)}) reads it at "
        + $"{string.Join(", ", read.Paths.Select(code))}, which forces a replacement at the next deployment.";

    /// <summary>The counts of a group that are not zero, e.g. "1 to replace, 2 to delete".</summary>
    public static string GroupSummary(IReadOnlyCollection<ResourceChange> resources) =>
        string.Join(", ", Kinds.Select(k => (Kind: k, Count: resources.Count(r => r.Kind == k))).Where(c => c.Count > 0).Select(c => $"{c.Count} to {Verb(c.Kind)}"));

    /// <summary>The counts of a section's changes that are not zero, e.g. "1 added, 1 changed".</summary>
    public static string SectionSummary(IReadOnlyCollection<EntryChange> entries) =>
        string.Join(", ", Enum.GetValues<PropertyChangeKind>().Select(k => (Kind: k, Count: entries.Count(e => e.Kind == k))).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Kind.ToString().ToLowerInvariant()}"));

    /// <summary>What the diff says when the programs are the same.</summary>
    public static string NoChanges(int unchanged) =>
        "No changes. " + (unchanged == 1 ? "The 1 resource is unchanged." : $"All {unchanged} resources are unchanged.");

    /// <summary>What the risks block says when nothing is replaced or deleted.</summary>
    public const string NoRisks = "None: nothing is replaced or deleted.";

    /// <summary>The sentences about a resource change: why it is replaced, what protects it, renames and type changes.</summary>
    public static IEnumerable<string> Notes(ResourceChange change, Func<string, string> code)
    {
        if (change.Kind is ResourceChangeKind.Update or ResourceChangeKind.Replace && AliasNote(change, code) is { } aliasNote)
        {
            yield return aliasNote;
        }

        if (change.Kind == ResourceChangeKind.Replace)
        {
            yield return string.Join("; ", change.ReplacementCauses.Select(c => $"{code(c.Property)} forces a replacement ({Why(c.Source, code)})")) + ".";
            yield return change.DeleteBeforeReplace
                ? $"Pulumi deletes the current cloud resource before it creates the new one ({code("deleteBeforeReplace")}): expect downtime."
                : "Pulumi creates a new cloud resource, then deletes the current one.";
        }

        if (change.Kind is ResourceChangeKind.Replace or ResourceChangeKind.Delete)
        {
            if (change.IsProtected)
            {
                yield return $"It is protected ({code("protect")}): {code("pulumi up")} will fail until a deployment removes the protection (or {code("pulumi state unprotect")}).";
            }

            if (change.RetainOnDelete)
            {
                yield return $"{code("retainOnDelete")} is set: Pulumi leaves the current cloud resource in place and only forgets it.";
            }
        }

        if (change.TypeChangedTo is { } newType)
        {
            yield return $"Its name now holds a resource of type {code(newType)}: Pulumi treats a new type as a different resource, so it deletes this one and creates the new one.";
        }

        if (change.Kind == ResourceChangeKind.Create && change.TypeChangedFrom is { } oldType)
        {
            yield return $"Its name held a resource of type {code(oldType)}, which is deleted: Pulumi treats a new type as a different resource.";
        }

        if (change.RenameCandidate is { } candidate)
        {
            var (oldName, newName) = change.Kind == ResourceChangeKind.Delete ? (change.Name, candidate.OtherName) : (candidate.OtherName, change.Name);
            var other = change.Kind == ResourceChangeKind.Delete ? $"the new {code(newName)}" : $"the deleted {code(oldName)}";
            var alias = $"Aliases = [new Alias {{ Name = \"{oldName}\" }}]";
            yield return $"Same type as {other}, {Share(candidate)}: if {code(newName)} is {code(oldName)} renamed, add {code(alias)} to its options to keep the cloud resource.";
        }

        if (change.Kind == ResourceChangeKind.Update && !change.ChangesCloudResource)
        {
            yield return change.Changes.Any(c => c.IsIgnored)
                ? $"Its property changes are all in {code("ignoreChanges")}: this update touches no cloud resource."
                : "Options only: this update touches no cloud resource.";
        }
    }

    /// <summary>The risk of removing a stack output.</summary>
    public const string RemovedOutput = "Stacks and scripts that read it will break.";

    /// <summary>The note at the end of a trimmed diff: what was left out, and how to see all of it.</summary>
    public static string Trimmed(Omission omitted, string stack, Func<string, string> code)
    {
        var parts = new List<string>();
        AddCount(parts, omitted.Risks, "risk line", "risk lines");
        AddCount(parts, omitted.Resources, "resource", "resources");
        AddCount(parts, omitted.Changes, "value change of the resources shown", "value changes of the resources shown");
        AddCount(parts, omitted.Entries, "output, config or variable change", "output, config or variable changes");
        var what = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        var diff = $"dotnet run --project stacks/EdgeInfra.Stacks -- diff --stack {stack} --base <base ref> --format text";
        return $"Not shown, to keep this diff short: {what}. To see all of it, run {code(diff)}: the plain-text diff is never trimmed.";
    }

    /// <summary>What an update or replace found through an alias says, or null when it found nothing.</summary>
    private static string? AliasNote(ResourceChange change, Func<string, string> code) => (change.RenamedFrom, change.TypeChangedFrom) switch
    {
        ({ } name, null) => $"Renamed from {code(name)} through an alias: Pulumi keeps the cloud resource.",
        (null, { } type) => $"Its type changed from {code(type)} through an alias: Pulumi keeps the cloud resource.",
        ({ } name, { } type) => $"Renamed from {code(name)} of type {code(type)} through an alias: Pulumi keeps the cloud resource.",
        _ => null,
    };

    private static readonly ResourceChangeKind[] Kinds =
        [ResourceChangeKind.Create, ResourceChangeKind.Update, ResourceChangeKind.Replace, ResourceChangeKind.Delete];

    private static string Why(ReplacementSource source, Func<string, string> code) => source switch
    {
        ReplacementSource.TypeMetadata => "the provider schema marks it replace-on-change",
        ReplacementSource.ReplaceOnChangesOption => $"listed in its {code("replaceOnChanges")} option",
        ReplacementSource.RandomKeepers => $"the random provider draws a new value whenever its {code("keepers")} change",
        _ => "the resource moves to another provider",
    };

    private static string Share(RenameCandidate candidate) => candidate.TotalValues == 0
        ? "neither has properties"
        : candidate.EqualValues == candidate.TotalValues
            ? "identical properties"
            : $"{candidate.EqualValues} of {candidate.TotalValues} property values equal";

    private static void AddCount(List<string> parts, int count, string singular, string plural)
    {
        if (count > 0)
        {
            parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural));
        }
    }
}
