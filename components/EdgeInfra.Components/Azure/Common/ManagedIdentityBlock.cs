using System.Globalization;

namespace EdgeInfra.Components.Azure;

/// <summary>
/// Turns a <see cref="ManagedIdentitiesSpec"/> into a resource's <c>identity</c> block, and checks it. The identity
/// type strings are those of the azure-native schemas: <see cref="None"/>, <see cref="SystemAssigned"/>,
/// <see cref="UserAssigned"/> and <see cref="SystemAssignedUserAssigned"/> (Compute and Recovery Services spell the
/// combination the same way; Operational Insights has no combination). In azure-native 3.x
/// <c>userAssignedIdentities</c> is a list of resource ids, not Azure's map of id to empty object.
/// </summary>
public static class ManagedIdentityBlock
{
    /// <summary>No identity.</summary>
    public const string None = "None";

    /// <summary>A system-assigned identity only.</summary>
    public const string SystemAssigned = "SystemAssigned";

    /// <summary>User-assigned identities only.</summary>
    public const string UserAssigned = "UserAssigned";

    /// <summary>A system-assigned identity and user-assigned ones.</summary>
    public const string SystemAssignedUserAssigned = "SystemAssigned, UserAssigned";

    /// <summary>The identity type for a resource with (or without) a system-assigned identity and (or without) user-assigned ones.</summary>
    public static string TypeOf(bool systemAssigned, bool userAssigned) => (systemAssigned, userAssigned) switch
    {
        (true, true) => SystemAssignedUserAssigned,
        (true, false) => SystemAssigned,
        (false, true) => UserAssigned,
        _ => None,
    };

    /// <summary>The identity type that <paramref name="spec"/> asks for; <see cref="None"/> when it is null.</summary>
    public static string TypeOf(ManagedIdentitiesSpec? spec) =>
        TypeOf(spec?.SystemAssigned ?? false, spec is { UserAssignedResourceIds.Count: > 0 });

    /// <summary>The <c>userAssignedIdentities</c> list: <paramref name="resourceIds"/>, or null (not stated) when there are none.</summary>
    public static InputList<string>? UserAssignedIdentities(IReadOnlyList<Input<string>> resourceIds)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        return resourceIds.Count > 0 ? [.. resourceIds] : null;
    }

    /// <summary>
    /// Records the problems of <paramref name="spec"/> for a component that takes managed identities: a null
    /// user-assigned resource id, and, unless <paramref name="allowsBoth"/>, both kinds at once (the resource's schema
    /// has no <see cref="SystemAssignedUserAssigned"/>), which <paramref name="resourceKind"/> names in the message.
    /// </summary>
    public static void Check(ManagedIdentitiesSpec? spec, ComponentErrors errors, bool allowsBoth = true, string resourceKind = "the resource")
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (spec is null)
        {
            return;
        }

        var resourceIds = spec.UserAssignedResourceIds ?? [];
        for (var i = 0; i < resourceIds.Count; i++)
        {
            if (resourceIds[i] is null)
            {
                errors.Add($"managedIdentities.userAssignedResourceIds[{i.ToString(CultureInfo.InvariantCulture)}]", "is null: give a user-assigned identity's resource id");
            }
        }

        if (!allowsBoth && spec.SystemAssigned && resourceIds.Count > 0)
        {
            errors.Add("managedIdentities", $"asks for a system-assigned identity and {resourceIds.Count.ToString(CultureInfo.InvariantCulture)} user-assigned: {resourceKind} takes either a system-assigned identity or user-assigned ones, not both");
        }
    }

    /// <summary>Records an error when <paramref name="spec"/> is set on <paramref name="componentName"/>, whose resources take no managed identity.</summary>
    public static void Reject(ManagedIdentitiesSpec? spec, string componentName, ComponentErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (spec is not null)
        {
            errors.Add("managedIdentities", $"{componentName}'s resources take no managed identity");
        }
    }
}
