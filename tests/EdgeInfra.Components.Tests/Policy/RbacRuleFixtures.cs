using EdgeInfra.AzureNative.Authorization;
using EdgeInfra.AzureNative.Authorization.Inputs;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.AzureNative.ManagedIdentity;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Components.Azure;
using static EdgeInfra.Components.Tests.Policy.DataRuleFixtureResources;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>RbacRules</c>.</summary>
internal static class RbacRuleFixtures
{
    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    private const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    private const string PrincipalId = "00000000-0000-0000-0000-000000000004";

    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-RBAC-001", "Key Vault Secrets User granted on a vault", true, () => Assign(VaultScope(), BuiltInRole.KeyVaultSecretsUser.Id)),
        new("EI-RBAC-001", "Contributor granted on one resource", true, () => Assign(VaultScope(), Contributor)),
        new("EI-RBAC-001", "Reader granted on the subscription", true, () => Assign(SubscriptionScope, BuiltInRole.Reader.Id)),
        new("EI-RBAC-001", "Owner granted on the subscription", false, () => Assign(SubscriptionScope, Owner)),
        new("EI-RBAC-001", "Contributor granted on the deploying subscription, named at deployment", false, () =>
            Assign(Output.Format($"/subscriptions/{GetClientConfig.Invoke().SubscriptionId}"), Contributor, roleInSubscription: true)),
        new("EI-RBAC-001", "User Access Administrator granted on the stack's resource group", false, () =>
        {
            var group = new ResourceGroup("rg", new ResourceGroupArgs { ResourceGroupName = ResourceGroupName, Location = Location });
            Assign(group.Id, UserAccessAdministrator, roleInSubscription: true);
        }),

        new("EI-RBAC-002", "a grant to a managed identity as ServicePrincipal", true, () => AssignToIdentity("ServicePrincipal")),
        new("EI-RBAC-002", "a grant that leaves principalType unset", false, () => AssignToIdentity(null)),
        new("EI-RBAC-002", "a grant to a managed identity as a User", false, () => AssignToIdentity("User")),

        new("EI-RBAC-003", "a grant on the subscription's resource", true, () => Assign(VaultScope(), BuiltInRole.Reader.Id)),
        new("EI-RBAC-003", "a grant at the tenant root", false, () => Assign("/", BuiltInRole.Reader.Id)),
        new("EI-RBAC-003", "a grant on a management group", false, () => Assign("/providers/Microsoft.Management/managementGroups/mg-fixture", BuiltInRole.Reader.Id)),

        new("EI-RBAC-004", "a custom role that lists its operations", true, () => CustomRole("Microsoft.Storage/storageAccounts/read", "Microsoft.Storage/storageAccounts/listKeys/action")),
        new("EI-RBAC-004", "a custom role that allows every action", false, () => CustomRole("*")),

        new("EI-RBAC-005", "a VM that uses the stack's user-assigned identity", true, () =>
        {
            var identity = Identity();
            Vm(identity: new VirtualMachineIdentityArgs { Type = ResourceIdentityType.UserAssigned, UserAssignedIdentities = [identity.Id] });
        }),
        new("EI-RBAC-005", "a VM with a system identity only, beside a user-assigned identity", false, () =>
        {
            _ = Identity();
            Vm(identity: new VirtualMachineIdentityArgs { Type = ResourceIdentityType.SystemAssigned });
        }),
        new("EI-RBAC-005", "a VM without an identity, beside a user-assigned identity", false, () =>
        {
            _ = Identity();
            Vm();
        }),
    ];

    /// <summary>A Key Vault's resource id, as a role assignment on one resource states it.</summary>
    private static string VaultScope() => $"{SubscriptionScope}/resourceGroups/{ResourceGroupName}/providers/Microsoft.KeyVault/vaults/kv-fixture";

    /// <summary>
    /// Assigns the role <paramref name="roleGuid"/> to a service principal on <paramref name="scope"/>; the role definition
    /// id is a plain text, or built at deployment in the deploying subscription when <paramref name="roleInSubscription"/>.
    /// </summary>
    private static void Assign(Input<string> scope, string roleGuid, bool roleInSubscription = false) =>
        _ = new RoleAssignment("assignment", new RoleAssignmentArgs
        {
            Scope = scope,
            RoleDefinitionId = roleInSubscription
                ? Output.Format($"/subscriptions/{GetClientConfig.Invoke().SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{roleGuid}")
                : $"{SubscriptionScope}/providers/Microsoft.Authorization/roleDefinitions/{roleGuid}",
            PrincipalId = PrincipalId,
            PrincipalType = "ServicePrincipal",
        });

    private static UserAssignedIdentity Identity() =>
        new("identity", new UserAssignedIdentityArgs { ResourceGroupName = ResourceGroupName, Location = Location });

    /// <summary>Grants Key Vault Secrets User on a vault to a new user-assigned identity, stating <paramref name="principalType"/>.</summary>
    private static void AssignToIdentity(string? principalType)
    {
        var identity = Identity();
        _ = new RoleAssignment("assignment", new RoleAssignmentArgs
        {
            Scope = VaultScope(),
            RoleDefinitionId = $"{SubscriptionScope}/providers/Microsoft.Authorization/roleDefinitions/{BuiltInRole.KeyVaultSecretsUser.Id}",
            PrincipalId = identity.PrincipalId,
            PrincipalType = principalType is null ? null : (Input<string>)principalType,
        });
    }

    private static void CustomRole(params string[] actions) =>
        _ = new RoleDefinition("role", new RoleDefinitionArgs
        {
            Scope = SubscriptionScope,
            RoleName = "fixture-role",
            Description = "A fixture's custom role.",
            AssignableScopes = [SubscriptionScope],
            Permissions = [new PermissionArgs { Actions = actions }],
        });
}
