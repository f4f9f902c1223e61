namespace EdgeInfra.Review;

/// <summary>
/// Compares two versions of one resource: which values change, which of those Pulumi ignores, and whether the
/// change replaces the resource.
/// </summary>
internal static class ResourceComparer
{
    private const string ProviderOption = "provider";
    private const string Keepers = "keepers";
    private const string RandomPackage = "random:";

    /// <summary>
    /// The update or replacement that turns <paramref name="before"/> into <paramref name="after"/>, or null when the
    /// two are the same. <paramref name="aliased"/> says that <paramref name="after"/> found <paramref name="before"/>
    /// through one of its aliases: under another name, or with another type.
    /// </summary>
    public static ResourceChange? Compare(ProgramResource before, ProgramResource after, ResourceMetadata? metadata, string? component, bool aliased)
    {
        var ignoreChanges = after.StringsOption("ignoreChanges");
        var replaceOnChanges = after.StringsOption("replaceOnChanges");
        var changes = new List<PropertyChange>();
        var causes = new List<ReplacementCause>();
        foreach (var change in ValueDiffer.CompareEntries(DiffPath.Properties, before.Properties, after.Properties))
        {
            var ignored = ignoreChanges.Any(change.Path.IsUnder);
            var cause = ignored ? null : CauseOf(change.Path, after.Type, metadata, replaceOnChanges);
            if (cause is not null && !causes.Contains(cause))
            {
                causes.Add(cause);
            }

            changes.Add(PropertyChangeOf(change, IsSecretInput(change.Path, metadata), isOption: false, forcesReplacement: cause is not null, ignored));
        }

        foreach (var change in ValueDiffer.CompareEntries(DiffPath.Options, before.Options, after.Options))
        {
            var providerChange = change.Path.TopLevel == ProviderOption;
            var cause = new ReplacementCause("options." + ProviderOption, ReplacementSource.ProviderChange);
            if (providerChange && !causes.Contains(cause))
            {
                causes.Add(cause);
            }

            changes.Add(PropertyChangeOf(change, secretInput: false, isOption: true, forcesReplacement: providerChange, isIgnored: false));
        }

        if (changes.Count == 0 && !aliased)
        {
            return null;
        }

        return new ResourceChange
        {
            Name = after.Name,
            Type = after.Type,
            Kind = causes.Count > 0 ? ResourceChangeKind.Replace : ResourceChangeKind.Update,
            Component = component,
            Changes = [.. changes],
            ReplacementCauses = [.. causes],
            IsProtected = before.HasFlag("protect"),
            RetainOnDelete = before.HasFlag("retainOnDelete"),
            DeleteBeforeReplace = causes.Count > 0 && after.HasFlag("deleteBeforeReplace"),
            RenamedFrom = aliased && before.Name != after.Name ? before.Name : null,
            TypeChangedFrom = aliased && before.Type != after.Type ? before.Type : null,
        };
    }

    /// <summary>The creation of <paramref name="resource"/>: every value it states, as added.</summary>
    public static ResourceChange Create(ProgramResource resource, ResourceMetadata? metadata, string? component, string? typeChangedFrom, RenameCandidate? renameCandidate)
    {
        var properties = ValueDiffer.CompareEntries(DiffPath.Properties, new([]), resource.Properties)
            .Select(c => PropertyChangeOf(c, IsSecretInput(c.Path, metadata), isOption: false, forcesReplacement: false, isIgnored: false));
        var options = ValueDiffer.CompareEntries(DiffPath.Options, new([]), resource.Options)
            .Select(c => PropertyChangeOf(c, secretInput: false, isOption: true, forcesReplacement: false, isIgnored: false));
        return new ResourceChange
        {
            Name = resource.Name,
            Type = resource.Type,
            Kind = ResourceChangeKind.Create,
            Component = component,
            Changes = [.. properties, .. options],
            TypeChangedFrom = typeChangedFrom,
            RenameCandidate = renameCandidate,
        };
    }

    /// <summary>The deletion of <paramref name="resource"/>.</summary>
    public static ResourceChange Delete(ProgramResource resource, string? component, string? typeChangedTo, RenameCandidate? renameCandidate) => new()
    {
        Name = resource.Name,
        Type = resource.Type,
        Kind = ResourceChangeKind.Delete,
        Component = component,
        IsProtected = resource.HasFlag("protect"),
        RetainOnDelete = resource.HasFlag("retainOnDelete"),
        TypeChangedTo = typeChangedTo,
        RenameCandidate = renameCandidate,
    };

    /// <summary>
    /// What makes a change at the property <paramref name="path"/> of a resource of type <paramref name="type"/> force a
    /// replacement: the type's replace-on-change inputs first, then the <c>keepers</c> of a <c>random</c> resource,
    /// then the resource's <c>replaceOnChanges</c> option; null when nothing does.
    /// </summary>
    public static ReplacementCause? CauseOf(DiffPath path, string type, ResourceMetadata? metadata, IReadOnlyList<string> replaceOnChanges)
    {
        if (metadata is not null && metadata.ReplaceOnChanges.Contains(path.TopLevel!, StringComparer.Ordinal))
        {
            return new ReplacementCause(path.TopLevel!, ReplacementSource.TypeMetadata);
        }

        if (path.TopLevel == Keepers && type.StartsWith(RandomPackage, StringComparison.Ordinal))
        {
            return new ReplacementCause(Keepers, ReplacementSource.RandomKeepers);
        }

        return replaceOnChanges.FirstOrDefault(path.Overlaps) is { } entry
            ? new ReplacementCause(entry == "*" ? path.TopLevel! : entry, ReplacementSource.ReplaceOnChangesOption)
            : null;
    }

    private static bool IsSecretInput(DiffPath path, ResourceMetadata? metadata) =>
        metadata is not null && metadata.SecretInputs.Contains(path.TopLevel!, StringComparer.Ordinal);

    private static PropertyChange PropertyChangeOf(ValueChange change, bool secretInput, bool isOption, bool forcesReplacement, bool isIgnored)
    {
        var secret = secretInput || YamlTree.IsSecret(change.Before) || YamlTree.IsSecret(change.After);
        return new PropertyChange(
            change.Path.Text,
            change.Kind,
            secret ? null : change.Before,
            secret ? null : change.After,
            secret,
            isOption,
            forcesReplacement,
            isIgnored);
    }
}
