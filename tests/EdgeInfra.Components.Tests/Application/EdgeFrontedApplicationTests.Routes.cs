using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Application;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Application;

public sealed partial class EdgeFrontedApplicationTests
{
    private static readonly RouteAccess[] OrderRoutes =
    [
        new RouteAccess { PathPrefix = "/orders", Scopes = ["orders.read"], Roles = ["Orders.Reader", "Orders.Admin"] },
        new RouteAccess { PathPrefix = "/orders/admin", Roles = ["Orders.Admin"] },
    ];

    private EdgeFrontedApplicationArgs RoutedArgs(IReadOnlyList<RouteAccess> routes)
    {
        var args = Args();
        return new EdgeFrontedApplicationArgs
        {
            ResourceGroupName = args.ResourceGroupName, Location = args.Location, ContractId = args.ContractId, GroupId = args.GroupId,
            ProductId = args.ProductId, PropertyName = args.PropertyName, Hostnames = args.Hostnames, EdgeHostname = args.EdgeHostname,
            ActivationContacts = args.ActivationContacts, ActivationNote = args.ActivationNote, ActivateProduction = true,
            AcknowledgeProductionRuleWarnings = true, EdgeCidrs = args.EdgeCidrs, EdgeWorkerBundleDirectory = args.EdgeWorkerBundleDirectory,
            EdgeWorkerOutputDirectory = args.EdgeWorkerOutputDirectory, Jwt = args.Jwt, Flavor = args.Flavor, AdminSshPublicKey = args.AdminSshPublicKey,
            Regions = args.Regions, VaultName = args.VaultName, OriginSecret = args.OriginSecret,
            Routes = routes,
        };
    }

    [Fact]
    public void The_routes_reach_the_gateway_config_as_declared()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", RoutedArgs(OrderRoutes)));
        var expected = ExpectedGatewayConfig() with
        {
            Routes = [new EdgeGatewayRoute("/orders", ["orders.read"], ["Orders.Reader", "Orders.Admin"]), new EdgeGatewayRoute("/orders/admin", [], ["Orders.Admin"])],
        };
        Assert.Equal("1.3.1" + expected.VersionSuffix(), app!.Gateway.Bundle.Version);
        var packed = app.Gateway.Bundle.PackedText(EdgeGatewayConfig.ConfigFileName);
        Assert.Equal(expected.ToJson(), packed);
        Assert.Contains("\"routes\": [\n    {\n      \"pathPrefix\": \"/orders\",\n      \"roles\": [\n        \"Orders.Reader\",\n        \"Orders.Admin\"\n      ],\n      \"scopes\": [\n        \"orders.read\"\n      ]\n    },", packed, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_routes_the_gateway_config_lists_none()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", Args()));
        var packed = app!.Gateway.Bundle.PackedText(EdgeGatewayConfig.ConfigFileName);
        Assert.Equal(ExpectedGatewayConfig().ToJson(), packed);
        Assert.Contains("\"routes\": [],", packed, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_route_is_reported_at_synthesis_naming_the_property_the_value_and_the_rule()
    {
        var errors = Errors(() => new EdgeFrontedApplication("app", RoutedArgs(
        [
            new RouteAccess { PathPrefix = "/orders/", Scopes = ["orders read"], Roles = ["Orders.Reader", "Orders.Reader"] },
            new RouteAccess { PathPrefix = "/Orders", Roles = [new string('r', 121)] },
            new RouteAccess { PathPrefix = "/orders", Scopes = [""] },
            new RouteAccess { PathPrefix = "orders" },
        ])));
        Assert.Equal(
        [
            "routes[0].pathPrefix: value \"/orders/\" must be '/' and one or more segments of letters, digits, '.', '_', '~' or '-' separated by '/' (no trailing '/')",
            "routes[0].scopes[0]: value \"orders read\" must be 1 to 120 letters, digits, '.', '_', '-' or ':'",
            "routes[0].roles[1]: value \"Orders.Reader\" must appear only once",
            $"routes[1].roles[0]: value \"{new string('r', 121)}\" must be 1 to 120 letters, digits, '.', '_', '-' or ':'",
            "routes[2].scopes[0]: value \"\" must be 1 to 120 letters, digits, '.', '_', '-' or ':'",
            "routes[3].pathPrefix: value \"orders\" must be '/' and one or more segments of letters, digits, '.', '_', '~' or '-' separated by '/' (no trailing '/')",
            "routes: pathPrefix \"/Orders\" must appear only once, ignoring case (the gateway compares paths ignoring case)",
        ], errors.Select(e => $"{e.Property}: {e.Message}"));
        Assert.All(errors, e => Assert.StartsWith(Subject, e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_prefix_with_a_dot_segment_or_over_200_characters_is_reported_at_synthesis()
    {
        var tooLong = "/" + new string('p', 200);
        var errors = Errors(() => new EdgeFrontedApplication("app", RoutedArgs(
        [
            new RouteAccess { PathPrefix = "/a/../orders", Roles = ["Orders.Reader"] },
            new RouteAccess { PathPrefix = "/orders/.", Roles = ["Orders.Reader"] },
            new RouteAccess { PathPrefix = tooLong, Roles = ["Orders.Reader"] },
        ])));
        const string Why = "must have no '.' or '..' segment: the gateway resolves those in request paths before comparing, so no request could match the route and it would never be enforced";
        Assert.Equal(
        [
            $"routes[0].pathPrefix: value \"/a/../orders\" {Why}",
            $"routes[1].pathPrefix: value \"/orders/.\" {Why}",
            $"routes[2].pathPrefix: value \"{tooLong}\" must be at most 200 characters (it has 201), the longest prefix the origins' route rules accept",
        ], errors.Select(e => $"{e.Property}: {e.Message}"));
        Assert.All(errors, e => Assert.StartsWith(Subject, e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_prefix_of_200_characters_with_dots_inside_segments_is_accepted()
    {
        var longest = "/" + new string('p', 191) + "/a.b/..c";
        Assert.Equal(200, longest.Length);
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", RoutedArgs([new RouteAccess { PathPrefix = longest, Roles = ["Orders.Reader"] }])));
        Assert.Contains($"\"pathPrefix\": \"{longest}\"", app!.Gateway.Bundle.PackedText(EdgeGatewayConfig.ConfigFileName), StringComparison.Ordinal);
    }
}
