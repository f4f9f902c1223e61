using System.Collections.Immutable;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Components.Azure;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure;

public sealed class RoleAssignmentsTests
{
    private static void GrantOnGroup()
    {
        var group = new ResourceGroup("rg", new ResourceGroupArgs { Location = "westeurope" });
        var parent = new ComponentResource("edgeinfra:test:Owner", "app");
        RoleAssignments.Grant(parent, "reader", group.Id, BuiltInRole.Reader, "00000000-0000-0000-0000-0000000000aa");
    }

    [Fact]
    public async Task A_grant_states_principal_type_role_in_the_deploying_subscription_and_a_stable_name()
    {
        SynthConforming(GrantOnGroup);
        var result = await RunAsync(GrantOnGroup);
        var assignment = result.Resource("app-reader");
        Assert.Equal("azure-native:authorization:RoleAssignment", assignment.Type);
        Assert.Equal("00000000-0000-0000-0000-0000000000aa", assignment.Inputs["principalId"]);
        Assert.Equal("ServicePrincipal", assignment.Inputs["principalType"]);
        var name = result.Resource("app-reader-id");
        Assert.Equal(name.Outputs["result"], assignment.Inputs["roleAssignmentName"]);
        Assert.Equal(result.Resource("rg").Id, assignment.Inputs["scope"]);
        Assert.Equal("random:index/randomUuid:RandomUuid", name.Type);
        Assert.Equal("00000000-0000-0000-0000-0000000000aa", ((ImmutableDictionary<string, object?>)name.Inputs["keepers"]!)["principalId"]);
    }

    [Fact]
    public async Task The_role_definition_id_is_the_built_in_role_in_the_deploying_subscription()
    {
        var result = await RunAsync(GrantOnGroup);
        var assignment = result.Resource("app-reader");
        Assert.Equal("/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7", assignment.Inputs["roleDefinitionId"]);
        Assert.Equal(result.Resource("app-reader-id").Outputs["result"], assignment.Inputs["roleAssignmentName"]);
        var keepers = (ImmutableDictionary<string, object?>)result.Resource("app-reader-id").Inputs["keepers"]!;
        Assert.Equal(["principalId", "roleDefinitionId", "scope"], keepers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Built_in_roles_are_found_by_display_name_and_unknown_names_list_the_known_ones()
    {
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", BuiltInRole.Named("Key Vault Secrets User").Id);
        var error = Assert.Throws<ArgumentException>(() => BuiltInRole.Named("Owner"));
        Assert.StartsWith("'Owner' is not a built-in role this library maps: Backup Contributor, Key Vault Administrator,", error.Message, StringComparison.Ordinal);
    }
}
