using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Application;
using EdgeInfra.Components.Identity;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Application;

/// <summary>The application's identity from an Entra ID registration: issuer, audience and JWKS derived from it.</summary>
public sealed partial class EdgeFrontedApplicationTests
{
    private static readonly RouteAccess[] AdminRoutes =
    [
        new RouteAccess { PathPrefix = "/admin", Roles = ["Edge.Admin"] },
        new RouteAccess { PathPrefix = "/orders", Scopes = ["orders.read"], Roles = ["Orders.Reader", "Edge.Admin"] },
    ];

    private static EntraApiSpec Entra() => new()
    {
        AppRoles = [new EntraAppRole { Value = "Orders.Reader", DisplayName = "Order readers", AllowedMemberTypes = [EntraApiRegistration.UserMember] }],
        Scopes = [new EntraApiScope { Value = "profile.read" }],
        Clients = [new EntraWorkloadClient { Name = "ops", Issuer = "https://token.actions.githubusercontent.com", Subject = "repo:contoso/ops:ref:refs/heads/main", AppRoles = ["Edge.Admin"] }],
    };

    [Fact]
    public void With_entra_the_registration_exposes_every_scope_and_role_the_routes_require()
    {
        EdgeFrontedApplication? app = null;
        SynthConforming(() => app = new EdgeFrontedApplication("app", Args(entra: Entra(), routes: AdminRoutes)));
        var entra = app!.Entra!;
        Assert.Equal(["Orders.Reader", "Edge.Admin"], entra.AppRoleIds.Keys.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["orders.read", "profile.read"], entra.ScopeIds.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("app-entra-app", entra.Application.LogicalName);
        Assert.Equal("app-entra-client-ops-role-edge-admin", Assert.Single(Assert.Single(entra.Clients).AppRoleAssignments).LogicalName);
    }

    [Fact]
    public void With_entra_the_gateway_reads_issuer_and_audience_from_variables_the_property_sets_from_the_registration()
    {
        EdgeFrontedApplication? app = null;
        var program = SynthConforming(() => app = new EdgeFrontedApplication("app", Args(entra: Entra(), routes: AdminRoutes)));
        var expected = ExpectedGatewayConfig() with
        {
            Routes = [.. AdminRoutes.Select(EdgeGatewayRoute.From)],
            Jwt = new EdgeGatewayJwt
            {
                IssuerVariable = EdgeFrontedApplication.JwtIssuerVariable,
                AudienceVariable = EdgeFrontedApplication.JwtAudienceVariable,
                JwksUrl = "https://app.example.com/.well-known/edge-infra/jwks.json",
            },
        };
        Assert.EndsWith(expected.VersionSuffix(), app!.Gateway.Bundle.Version, StringComparison.Ordinal);
        var packed = app.Gateway.Bundle.PackedText(EdgeGatewayConfig.ConfigFileName);
        Assert.Equal(expected.ToJson(), packed);
        Assert.Contains("\"issuerVariable\": \"PMUSER_JWT_ISSUER\"", packed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"issuer\":", packed, StringComparison.Ordinal);

        var variables = app.Property.RuleTree.Default.Variables;
        var issuer = Assert.Single(variables, v => v.Name == "PMUSER_JWT_ISSUER");
        var audience = Assert.Single(variables, v => v.Name == "PMUSER_JWT_AUDIENCE");
        Assert.True(issuer.Hidden && !issuer.Sensitive);
        Assert.True(audience.Hidden && !audience.Sensitive);
        Assert.Equal("reference to app-entra-app.clientId", audience.Value.ToExpression().Describe());
        Assert.Contains("https://login.microsoftonline.com/", program, StringComparison.Ordinal);
        Assert.Contains("/v2.0", program, StringComparison.Ordinal);
    }

    [Fact]
    public void With_entra_the_jwks_relay_fetches_the_tenants_keys_from_login_microsoftonline_com()
    {
        EdgeFrontedApplication? app = null;
        var program = SynthConforming(() => app = new EdgeFrontedApplication("app", Args(entra: Entra(), routes: AdminRoutes)));
        Assert.Contains("hostname: \"login.microsoftonline.com\"", program, StringComparison.Ordinal);
        Assert.Contains("/discovery/v2.0/keys", program, StringComparison.Ordinal);
        var relay = Assert.Single(app!.Property.RuleTree.Default.Children, r => r.Name == "JWKS relay");
        var rewrite = Assert.Single(relay.Behaviors, b => b.Name == "rewriteUrl");
        Assert.IsType<Input<string>>(rewrite.Options["targetUrl"]);
        Assert.Contains(app.PreflightRequirements, r => r.Requirement.StartsWith("The identity provider's JWKS host login.microsoftonline.com answers https://login.microsoftonline.com/<tenant id>/discovery/v2.0/keys", StringComparison.Ordinal));
        Assert.Contains(app.Entra!.PreflightRequirements, r => r.Requirement.Contains("Application.ReadWrite.OwnedBy", StringComparison.Ordinal));
    }

    [Fact]
    public void Jwt_and_entra_are_alternatives()
    {
        var both = new EdgeFrontedApplicationArgsCopy(Args()) { EntraApi = Entra() }.Build();
        var error = Assert.Single(Errors(() => new EdgeFrontedApplication("app", both)));
        Assert.Equal("jwt", error.Property);
        Assert.Contains("is given and so is entraApi", error.Message, StringComparison.Ordinal);

        var neither = new EdgeFrontedApplicationArgsCopy(Args()) { Jwt = null }.Build();
        Assert.Contains("is null and so is entraApi", Assert.Single(Errors(() => new EdgeFrontedApplication("app", neither))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Edge Admin", "routes[0].roles[0]", "must be 1 to 120 letters")]
    [InlineData(".admin", "routes[0].roles[0]", "starts with '.'")]
    public void A_route_role_entra_cannot_expose_fails_at_synthesis_naming_the_route(string role, string property, string rule)
    {
        var args = Args(entra: Entra(), routes: [new RouteAccess { PathPrefix = "/admin", Roles = [role] }]);
        var error = Assert.Single(Errors(() => new EdgeFrontedApplication("app", args)));
        Assert.Equal(Subject, error.Subject);
        Assert.Equal(property, error.Property);
        Assert.Contains($"\"{role}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_prefixes_are_checked()
    {
        var args = Args(routes: [new RouteAccess { PathPrefix = "/admin/", Roles = ["A"] }, new RouteAccess { PathPrefix = "/x", Roles = ["A"] }, new RouteAccess { PathPrefix = "/x", Scopes = ["b", "b"] }]);
        var errors = Errors(() => new EdgeFrontedApplication("app", args));
        Assert.Equal(["routes[0].pathPrefix", "routes[2].scopes[1]", "routes"], errors.Select(e => e.Property));
    }

    [Fact]
    public void The_gateway_takes_exactly_one_of_issuer_and_issuer_variable_and_of_audience_and_audience_variable()
    {
        var both = ExpectedGatewayConfig() with { Jwt = new EdgeGatewayJwt { Issuer = "https://login.example.com/x", IssuerVariable = "PMUSER_JWT_ISSUER", AudienceVariable = "pmuser_bad", JwksUrl = "https://app.example.com/jwks.json" } };
        var errors = new EdgeInfra.Components.Azure.ComponentErrors("gateway");
        both.Validate(errors, "config");
        var failure = Assert.Throws<SynthesisException>(errors.ThrowIfAny);
        Assert.Equal(["config.jwt.audienceVariable", "config.jwt.issuer"], failure.Errors.Select(e => e.Property).Order(StringComparer.Ordinal));
        Assert.Contains(failure.Errors, e => e.Message.Contains("give exactly one of them", StringComparison.Ordinal));
    }

    /// <summary>A copy of arguments with some properties replaced (the arguments are a class with init-only properties).</summary>
    private sealed class EdgeFrontedApplicationArgsCopy(EdgeFrontedApplicationArgs source)
    {
        public EdgeGatewayJwt? Jwt { get; init; } = source.Jwt;

        public EntraApiSpec? EntraApi { get; init; } = source.EntraApi;

        public EdgeFrontedApplicationArgs Build() => new()
        {
            Jwt = Jwt,
            EntraApi = EntraApi,
            JwksRelayPath = source.JwksRelayPath,
            ResourceGroupName = source.ResourceGroupName,
            Location = source.Location,
            ContractId = source.ContractId,
            GroupId = source.GroupId,
            ProductId = source.ProductId,
            PropertyName = source.PropertyName,
            Hostnames = source.Hostnames,
            EdgeHostname = source.EdgeHostname,
            ActivationContacts = source.ActivationContacts,
            ActivationNote = source.ActivationNote,
            ActivateProduction = source.ActivateProduction,
            AcknowledgeProductionRuleWarnings = source.AcknowledgeProductionRuleWarnings,
            EdgeCidrs = source.EdgeCidrs,
            EdgeWorkerBundleDirectory = source.EdgeWorkerBundleDirectory,
            EdgeWorkerOutputDirectory = source.EdgeWorkerOutputDirectory,
            Flavor = source.Flavor,
            AdminSshPublicKey = source.AdminSshPublicKey,
            Regions = source.Regions,
            VaultName = source.VaultName,
            OriginSecret = source.OriginSecret,
        };
    }
}
