using System.Collections.Immutable;

namespace EdgeInfra.Review;

/// <summary>
/// Compares two synthesized programs of a stack offline, as Pulumi's preview would see the change: resources to
/// create, update, replace and delete, the values that change, and stack output, config and variable changes.
/// </summary>
public static class ProgramDiff
{
    /// <summary>What turns <paramref name="before"/> into <paramref name="after"/>.</summary>
    /// <remarks>
    /// A resource is matched by logical name and type. A changed type under the same name is a delete and a create,
    /// as Pulumi treats them as different resources. A new resource whose <c>aliases</c> name a removed one is that
    /// resource renamed: an update (or replacement) under the new name. A delete and a create of the same type with
    /// mostly equal values, without an alias, stay a delete and a create, marked as a likely rename.
    /// </remarks>
    public static DiffResult Compare(ProgramDocument before, ProgramDocument after, DiffContext context)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(context);
        var changes = new List<ResourceChange>();
        var unchanged = 0;
        var deletes = new List<ProgramResource>();
        var creates = new List<ProgramResource>();
        foreach (var name in before.Resources.Keys.Union(after.Resources.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var old = before.Resources.GetValueOrDefault(name);
            var current = after.Resources.GetValueOrDefault(name);
            if (old is not null && current is not null && string.Equals(old.Type, current.Type, StringComparison.Ordinal))
            {
                if (ResourceComparer.Compare(old, current, context.Packages.MetadataOf(current.Type), context.ComponentOf(name), aliased: false) is { } change)
                {
                    changes.Add(change);
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            if (old is not null)
            {
                deletes.Add(old);
            }

            if (current is not null)
            {
                creates.Add(current);
            }
        }

        foreach (var current in creates.ToList())
        {
            if (AliasedFrom(current, deletes, context.StackName) is { } old)
            {
                changes.Add(ResourceComparer.Compare(old, current, context.Packages.MetadataOf(current.Type), context.ComponentOf(current.Name), aliased: true)!);
                creates.Remove(current);
                deletes.Remove(old);
            }
        }

        var renames = RenameMatcher.Match(creates, deletes);
        var renamedTo = renames.ToDictionary(r => r.Value.OtherName, r => r.Value with { OtherName = r.Key }, StringComparer.Ordinal);
        foreach (var old in deletes)
        {
            var typeChangedTo = after.Resources.GetValueOrDefault(old.Name)?.Type;
            changes.Add(ResourceComparer.Delete(old, context.ComponentOf(old.Name), typeChangedTo, renamedTo.GetValueOrDefault(old.Name)));
        }

        foreach (var current in creates)
        {
            var typeChangedFrom = before.Resources.GetValueOrDefault(current.Name)?.Type;
            changes.Add(ResourceComparer.Create(current, context.Packages.MetadataOf(current.Type), context.ComponentOf(current.Name), typeChangedFrom, renames.GetValueOrDefault(current.Name)));
        }

        return new DiffResult
        {
            StackName = context.StackName,
            Resources = [.. changes.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Kind == ResourceChangeKind.Create)],
            Unchanged = unchanged,
            Outputs = [.. SectionDiffer.Outputs(before.Outputs, after.Outputs)],
            Config = [.. SectionDiffer.Config(before.Config, after.Config)],
            Variables = [.. SectionDiffer.Variables(before.Variables, after.Variables)],
            StackConfig = StackConfigChanges(before, after, context),
            StackConfigFile = context.BaseStackConfig is not null && context.StackConfig is not null ? context.StackConfig.FileName : null,
        };
    }

    /// <summary>The changed keys of the stack settings, each with the resources that read it (in the base program for a removed key).</summary>
    private static ImmutableArray<StackConfigChange> StackConfigChanges(ProgramDocument before, ProgramDocument after, DiffContext context)
    {
        if (context.BaseStackConfig is null || context.StackConfig is null)
        {
            return [];
        }

        return [.. SectionDiffer.StackConfig(context.BaseStackConfig.Values, context.StackConfig.Values)
            .Select(c => new StackConfigChange(c, ConfigReaders.Of(c.Kind == PropertyChangeKind.Removed ? before : after, c.Name, context.Packages)))];
    }

    /// <summary>The removed resource one of <paramref name="current"/>'s aliases names (same stack, type and name), or null.</summary>
    /// <remarks>An alias may name the same logical name with the former type: a type change Pulumi treats as an update.</remarks>
    private static ProgramResource? AliasedFrom(ProgramResource current, List<ProgramResource> deletes, string stack)
    {
        foreach (var urn in current.StringsOption("aliases"))
        {
            if (AliasUrn.Parse(urn) is { } alias && string.Equals(alias.Stack, stack, StringComparison.Ordinal)
                && deletes.FirstOrDefault(d => d.Name == alias.Name && d.Type == alias.Type) is { } old)
            {
                return old;
            }
        }

        return null;
    }
}
