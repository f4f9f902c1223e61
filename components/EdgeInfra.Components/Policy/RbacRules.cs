using System.Text.RegularExpressions;
using EdgeInfra.AzureNative.Authorization;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.ManagedIdentity;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;
using static EdgeInfra.Components.Policy.PolicyReferences;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on role assignments and custom roles (<c>azure-native:authorization:RoleAssignment</c>, <c>RoleDefinition</c>)
/// and on the managed identities virtual machines use.
/// </summary>
/// <remarks>
/// A role assignment's scope and role are usually built at deployment (<c>/subscriptions/${client.subscriptionId}/…</c>);
/// the rules read their literal text with each deploy-time part as <see cref="PolicyReferences.DeployTimePart"/>, and the
/// id of a resource group the stack declares as a resource-group scope. A scope that is wholly another deploy-time value
/// (a resource's id, a config value unknown at synthesis) and a role whose id ends in a deploy-time part cannot be told
/// apart from a narrow grant: both are skipped rather than guessed.
/// </remarks>
internal static partial class RbacRules
{
    private const string Area = "RBAC and managed identities";

    /// <summary>The built-in roles that can change any resource or grant access, by role definition id.</summary>
    private static readonly Dictionary<string, string> PrivilegedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635"] = "Owner",
        ["b24988ac-6180-42a0-ab88-20f7382dd24c"] = "Contributor",
        ["18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"] = "User Access Administrator",
        ["f58310d9-a9f6-439a-9e8d-f62e7b41a168"] = "Role Based Access Control Administrator",
    };

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-RBAC-001", Area, PolicySeverity.High,
            "No Owner, Contributor or access-administrator role at subscription or resource-group scope",
            "A workload granted Owner, Contributor, User Access Administrator or RBAC Administrator on a subscription or resource group can change or take over everything in it; grant a narrow role on the resource it uses.",
            ["Azure.RBAC.LimitOwner", "Azure.RBAC.UseRGDelegation", "rbac-least-privilege"],
            Each<RoleAssignment, RoleAssignmentArgs>((graph, assignment) =>
                RoleName(Template(graph, assignment.RoleDefinitionId)) is { } role
                && LevelOf(Template(graph, assignment.Scope)) is ScopeLevel.Subscription or ScopeLevel.ResourceGroup
                    ? $"grants {role} at scope '{Template(graph, assignment.Scope)}': grant a role that does only what the principal needs, on the resource it uses"
                    : null,
                "roleDefinitionId")),
        new(
            "EI-RBAC-002", Area, PolicySeverity.Low,
            "Role assignments state principalType, ServicePrincipal for managed identities",
            "Without principalType Azure looks the principal up in Entra ID, which fails with PrincipalNotFound for an identity created moments before; a managed identity is a ServicePrincipal.",
            ["https://aka.ms/docs-principaltype"],
            Each<RoleAssignment, RoleAssignmentArgs>(PrincipalTypeProblem, "principalType")),
        new(
            "EI-RBAC-003", Area, PolicySeverity.High,
            "No role assignment at tenant root or management-group scope",
            "An assignment at '/' or on a management group reaches every subscription below it, far beyond what one stack deploys.",
            ["Azure.RBAC.LimitMGDelegation"],
            Each<RoleAssignment, RoleAssignmentArgs>((graph, assignment) =>
                LevelOf(Template(graph, assignment.Scope)) is ScopeLevel.Root or ScopeLevel.ManagementGroup
                    ? $"scope is '{Template(graph, assignment.Scope)}': assign the role on the subscription's resources the principal uses instead"
                    : null,
                "scope")),
        new(
            "EI-RBAC-004", Area, PolicySeverity.High,
            "Custom roles grant no wildcard actions",
            "A custom role whose actions include '*' is Owner under another name: it can do everything at its assignable scopes.",
            ["CKV_AZURE_39", "AZU-0030"],
            Each<RoleDefinition, RoleDefinitionArgs>(WildcardActions, "permissions")),
        new(
            "EI-RBAC-005", Area, PolicySeverity.Low,
            "VMs use the stack's user-assigned identity",
            "A user-assigned identity is created, granted its roles and reviewed once, before the VMs that use it; a VM without it falls back to a system identity or to stored credentials.",
            ["https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/managed-identity-best-practice-recommendations"],
            VirtualMachinesWithoutUserAssignedIdentity),
    ];

    /// <summary>Where a role assignment applies.</summary>
    private enum ScopeLevel
    {
        /// <summary>Not known at synthesis.</summary>
        Unknown,

        /// <summary>The tenant root, <c>/</c>.</summary>
        Root,

        /// <summary>A management group.</summary>
        ManagementGroup,

        /// <summary>A whole subscription.</summary>
        Subscription,

        /// <summary>A whole resource group.</summary>
        ResourceGroup,

        /// <summary>One resource, or something inside one.</summary>
        Resource,
    }

    /// <summary>The level of a scope's text (see <see cref="PolicyReferences.Template"/>).</summary>
    private static ScopeLevel LevelOf(string? scope)
    {
        if (scope is null || scope == DeployTimePart)
        {
            return ScopeLevel.Unknown;
        }

        return scope.TrimEnd('/') switch
        {
            "" => ScopeLevel.Root,
            var text when ManagementGroupScope().IsMatch(text) => ScopeLevel.ManagementGroup,
            var text when SubscriptionScope().IsMatch(text) => ScopeLevel.Subscription,
            var text when ResourceGroupScope().IsMatch(text) => ScopeLevel.ResourceGroup,
            var text when text.Contains("/providers/", StringComparison.OrdinalIgnoreCase) => ScopeLevel.Resource,
            _ => ScopeLevel.Unknown,
        };
    }

    /// <summary>The display name of the privileged role a role definition id names, or null for any other (or unknown) role.</summary>
    private static string? RoleName(string? roleDefinitionId) =>
        roleDefinitionId is not null && TrailingGuid().Match(roleDefinitionId) is { Success: true } match
            && PrivilegedRoles.TryGetValue(match.Groups[1].Value, out var name)
            ? name
            : null;

    private static string? PrincipalTypeProblem(StackGraph graph, RoleAssignmentArgs assignment)
    {
        var principalType = graph.ValueOf(assignment.PrincipalType);
        if (principalType.IsUnset)
        {
            return "principalType is unset: Azure then looks the principal up in Entra ID, which fails for an identity created moments before; state it, 'ServicePrincipal' for a managed identity";
        }

        var toManagedIdentity = ReferencedBy(assignment.PrincipalId).Any(resource => resource is UserAssignedIdentity or VirtualMachine);
        return toManagedIdentity && principalType.IsKnown && !IsText(principalType, "ServicePrincipal")
            ? $"principalType is {Show(principalType)} but principalId is a managed identity's: set it to 'ServicePrincipal'"
            : null;
    }

    private static IEnumerable<string> WildcardActions(StackGraph graph, RoleDefinitionArgs role)
    {
        var permissions = Items(role.Permissions);
        for (var i = 0; i < permissions.Count; i++)
        {
            if (Items(permissions[i].Actions).Any(action => action.Trim() == "*"))
            {
                yield return $"permissions[{i}].actions contains '*': list the operations the role needs";
            }
        }
    }

    /// <summary>When the stack declares a user-assigned identity, the VMs whose identity block names none.</summary>
    private static IEnumerable<PolicyViolation> VirtualMachinesWithoutUserAssignedIdentity(StackGraph graph)
    {
        if (!graph.ResourcesOf<UserAssignedIdentity>().Any())
        {
            yield break;
        }

        foreach (var vm in graph.ResourcesOf<VirtualMachine>())
        {
            var identity = Plain(graph.InputsOf<VirtualMachineArgs>(vm).Identity);
            var type = graph.ValueOf(identity?.Type);
            if (type.Kind == InputValueKind.DeployTime)
            {
                continue;
            }

            var typeText = type.IsKnown ? $"'{type.Value.Value}'" : "unset";
            if (!type.IsKnown || !type.Value.Value.Contains("UserAssigned", StringComparison.OrdinalIgnoreCase))
            {
                yield return new PolicyViolation(vm, $"identity.type is {typeText}: the stack declares a user-assigned identity; set the type to 'UserAssigned' and name the identity in identity.userAssignedIdentities", "identity.type");
            }
            else if (HasItems(identity?.UserAssignedIdentities) is false)
            {
                yield return new PolicyViolation(vm, $"identity.type is {typeText} but identity.userAssignedIdentities is empty: name the stack's user-assigned identity", "identity.userAssignedIdentities");
            }
        }
    }

    [GeneratedRegex(@"^/providers/Microsoft\.Management/managementGroups/[^/]+\z", RegexOptions.IgnoreCase)]
    private static partial Regex ManagementGroupScope();

    [GeneratedRegex(@"^/subscriptions/[^/]+\z", RegexOptions.IgnoreCase)]
    private static partial Regex SubscriptionScope();

    [GeneratedRegex(@"^/subscriptions/[^/]+/resourceGroups/[^/]+\z", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceGroupScope();

    [GeneratedRegex(@"^(?:.*/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?\z", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingGuid();
}
