using EdgeInfra.Components.Identity;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Identity;

public sealed class EntraApiRegistrationTests
{
    private const string Subject = "component 'api' (edgeinfra:identity:EntraApiRegistration)";

    private static EntraApiRegistrationArgs Args(
        IReadOnlyList<EntraAppRole>? roles = null,
        IReadOnlyList<EntraApiScope>? scopes = null,
        IReadOnlyList<EntraWorkloadClient>? clients = null,
        string? identifierUri = null) => new()
    {
        DisplayName = "orders-api",
        IdentifierUri = identifierUri,
        Scopes = scopes ?? [new EntraApiScope { Value = "orders.read" }],
        AppRoles = roles ?? [new EntraAppRole { Value = "Orders.Admin" }, new EntraAppRole { Value = "Orders.Reader", AllowedMemberTypes = [EntraApiRegistration.UserMember] }],
        Clients = clients ??
        [
            new EntraWorkloadClient
            {
                Name = "deploy",
                Issuer = "https://token.actions.githubusercontent.com",
                Subject = "repo:contoso/orders:environment:prod",
                AppRoles = ["Orders.Admin"],
            },
        ],
    };

    [Fact]
    public void The_api_its_service_principal_and_a_federated_client_conform_to_the_azuread_schema()
    {
        var program = SynthConforming(() => new EntraApiRegistration("api", Args()));
        Assert.Contains("type: \"azuread:index/application:Application\"", program, StringComparison.Ordinal);
        Assert.Contains("requestedAccessTokenVersion: 2", program, StringComparison.Ordinal);
        Assert.Contains("signInAudience: \"AzureADMyOrg\"", program, StringComparison.Ordinal);
        Assert.Contains("identifierUri: \"api://${api-app.clientId}\"", program, StringComparison.Ordinal);
        Assert.Contains("\"identifierUris\"", program, StringComparison.Ordinal);
        Assert.Contains("appRoleAssignmentRequired: true", program, StringComparison.Ordinal);
        Assert.Contains("\"api://AzureADTokenExchange\"", program, StringComparison.Ordinal);
        Assert.Contains("azuread:index/getClientConfig:getClientConfig", program, StringComparison.Ordinal);
        Assert.DoesNotContain("password:", program, StringComparison.Ordinal);
        Assert.DoesNotContain("ApplicationPassword", program, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_is_granted_its_role_on_the_apis_service_principal()
    {
        EntraApiRegistration? api = null;
        Synth(() => api = new EntraApiRegistration("api", Args()));
        var client = Assert.Single(api!.Clients);
        var assignment = Assert.Single(client.AppRoleAssignments);
        Assert.Equal("api-client-deploy-role-orders-admin", assignment.LogicalName);
        var program = Synth(() => new EntraApiRegistration("api", Args()));
        var block = program[program.IndexOf("  api-client-deploy-role-orders-admin:", StringComparison.Ordinal)..];
        Assert.Contains($"appRoleId: \"{api.AppRoleIds["Orders.Admin"]}\"", block, StringComparison.Ordinal);
        Assert.Contains("principalObjectId: \"${api-client-deploy-sp.objectId}\"", block, StringComparison.Ordinal);
        Assert.Contains("resourceObjectId: \"${api-sp.objectId}\"", block, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_name_based_uuids_that_never_change_between_runs()
    {
        EntraApiRegistration? first = null;
        EntraApiRegistration? second = null;
        Synth(() => first = new EntraApiRegistration("api", Args()));
        Synth(() => second = new EntraApiRegistration("api", Args()));
        Assert.Equal(first!.AppRoleIds, second!.AppRoleIds);
        Assert.Equal(first.ScopeIds, second.ScopeIds);
        Assert.All(first.AppRoleIds.Values.Concat(first.ScopeIds.Values), id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
        Assert.NotEqual(first.AppRoleIds["Orders.Admin"], first.AppRoleIds["Orders.Reader"]);
    }

    [Fact]
    public void The_uuid_is_rfc_4122_version_5()
    {
        // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the example of its documentation.
        Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", NameBasedUuid.Version5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
    }

    [Fact]
    public void A_given_identifier_uri_is_set_on_the_application_without_a_separate_resource()
    {
        EntraApiRegistration? api = null;
        var program = SynthConforming(() => api = new EntraApiRegistration("api", Args(identifierUri: "api://contoso.com/orders")));
        Assert.Null(api!.IdentifierUriResource);
        Assert.Contains("- \"api://contoso.com/orders\"", program, StringComparison.Ordinal);
        Assert.DoesNotContain("applicationIdentifierUri", program, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_app_roles_assignment_is_not_required()
    {
        var program = Synth(() => new EntraApiRegistration("api", Args(roles: [], clients: [])));
        Assert.Contains("appRoleAssignmentRequired: false", program, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("appRoles[0].value", "orders admin", "is not a scope or app role name")]
    [InlineData("appRoles[0].value", ".hidden", "not starting with '.'")]
    [InlineData("appRoles[0].value", "", "is not a scope or app role name")]
    public void A_role_value_entra_refuses_fails_at_synthesis(string property, string value, string rule)
    {
        var error = Assert.Single(Errors(() => new EntraApiRegistration("api", Args(roles: [new EntraAppRole { Value = value }], clients: []))));
        Assert.Equal(Subject, error.Subject);
        Assert.Equal(property, error.Property);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api://orders")]
    [InlineData("api://orders/")]
    [InlineData("https://contoso.com/orders/")]
    [InlineData("http://contoso.com/orders")]
    [InlineData("api://contoso.com")]
    [InlineData("urn:orders")]
    public void An_identifier_uri_outside_the_secure_formats_fails_at_synthesis(string uri)
    {
        var error = Assert.Single(Errors(() => new EntraApiRegistration("api", Args(identifierUri: uri))));
        Assert.Equal("identifierUri", error.Property);
        Assert.Contains("identifier-uri-restrictions", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api://contoso.com/orders")]
    [InlineData("https://orders.contoso.com")]
    [InlineData("https://contoso.com/orders")]
    [InlineData("api://72f988bf-86f1-41af-91ab-2d7cd011db47/orders")]
    public void An_identifier_uri_in_a_secure_format_is_accepted(string uri)
    {
        Synth(() => new EntraApiRegistration("api", Args(identifierUri: uri)));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var args = Args(
            roles: [new EntraAppRole { Value = "Orders.Admin" }, new EntraAppRole { Value = "Orders.Admin" }, new EntraAppRole { Value = "Users.Only", AllowedMemberTypes = ["User", "Robot"] }],
            scopes: [new EntraApiScope { Value = "orders.read", Type = "Everyone" }],
            clients:
            [
                new EntraWorkloadClient { Name = "Deploy", Issuer = "http://issuer.example.com", Subject = "has space", Audiences = [], AppRoles = ["Missing"] },
                new EntraWorkloadClient { Name = "ci", Issuer = "https://issuer.example.com", Subject = "sub", AppRoles = ["Orders.Admin", "Orders.Admin"] },
            ]);
        var errors = Errors(() => new EntraApiRegistration("api", args));
        Assert.Equal(
            ["appRoles", "appRoles[2].allowedMemberTypes", "clients[0].appRoles[0]", "clients[0].audiences", "clients[0].issuer", "clients[0].name", "clients[0].subject", "clients[1].appRoles[1]", "scopes[0].type"],
            errors.Select(e => e.Property).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'Missing' is not an app role of the API: one of Orders.Admin, Orders.Admin, Users.Only", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_cannot_be_granted_a_role_for_users_only()
    {
        var args = Args(clients: [new EntraWorkloadClient { Name = "ci", Issuer = "https://issuer.example.com", Subject = "sub", AppRoles = ["Orders.Reader"] }]);
        var error = Assert.Single(Errors(() => new EntraApiRegistration("api", args)));
        Assert.Equal("clients[0].appRoles[0]", error.Property);
        Assert.Contains("allowedMemberTypes include Application", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registration_states_the_entra_permissions_the_deploying_identity_needs()
    {
        EntraApiRegistration? api = null;
        Synth(() => api = new EntraApiRegistration("api", Args()));
        var requirements = api!.PreflightRequirements.Select(r => r.Requirement).ToList();
        Assert.Contains(requirements, r => r.Contains("Application.ReadWrite.OwnedBy", StringComparison.Ordinal));
        Assert.Contains(requirements, r => r.Contains("AppRoleAssignment.ReadWrite.All", StringComparison.Ordinal));
    }
}
