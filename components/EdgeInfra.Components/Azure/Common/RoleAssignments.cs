using EdgeInfra.AzureNative.Authorization;
using EdgeInfra.Random;

namespace EdgeInfra.Components.Azure;

/// <summary>
/// Grants built-in roles, least privilege, the same way everywhere: <c>principalType</c> always set, and a stable
/// assignment name — a <c>random</c> UUID whose keepers are the scope, the principal and the role, so the name
/// changes exactly when the assignment itself changes and never between runs.
/// </summary>
public static class RoleAssignments
{
    /// <summary>
    /// Grants <paramref name="role"/> to <paramref name="principalId"/> on <paramref name="scope"/>. Creates
    /// <c>{name}-id</c> (the UUID) and <c>{name}</c> (the assignment) under <paramref name="parent"/>.
    /// </summary>
    public static RoleAssignment Grant(Resource parent, string name, Input<string> scope, BuiltInRole role, Input<string> principalId, string principalType = "ServicePrincipal")
    {
        ArgumentNullException.ThrowIfNull(role);
        var roleDefinitionId = RoleDefinitionId(role);
        var assignmentName = new RandomUuid($"{name}-id", new RandomUuidArgs
        {
            Keepers = new InputMap<string>
            {
                ["scope"] = scope,
                ["principalId"] = principalId,
                ["roleDefinitionId"] = roleDefinitionId,
            },
        }, new CustomResourceOptions { Parent = parent });
        return new RoleAssignment(name, new RoleAssignmentArgs
        {
            RoleAssignmentName = assignmentName.Result,
            Scope = scope,
            RoleDefinitionId = roleDefinitionId,
            PrincipalId = principalId,
            PrincipalType = principalType,
        }, new CustomResourceOptions { Parent = parent });
    }

    /// <summary>Grants each of <paramref name="assignments"/> on <paramref name="scope"/>, named <c>{prefix}-{assignment.Name}</c>.</summary>
    public static IReadOnlyList<RoleAssignment> GrantAll(Resource parent, string prefix, Input<string> scope, IEnumerable<RoleAssignmentSpec> assignments) =>
        [.. (assignments ?? []).Select(a => Grant(parent, $"{prefix}-{a.Name}", scope, a.Role, a.PrincipalId, a.PrincipalType))];

    /// <summary>The full role definition id of <paramref name="role"/> in the deploying subscription.</summary>
    public static Output<string> RoleDefinitionId(BuiltInRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return Output.Format($"/subscriptions/{GetClientConfig.Invoke().SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{role.Id}");
    }
}
