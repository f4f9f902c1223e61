using EdgeInfra.Components.Azure.Compute;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary><see cref="OriginVmClusterArgs.Routes"/> at synthesis: what each flavor can write safely, and nothing else.</summary>
public sealed class OriginRouteValidationTests
{
    private const string PrefixRule = "is not a path prefix the origins can match: '/' or '/'-separated segments of letters, digits and '.', '_', '~', '-' (no empty segment, no trailing '/', no percent-encoding)";

    public static TheoryData<string, OriginFlavor, RouteAccess[], string> InvalidRoutes() => new()
    {
        { "relative prefix", OriginFlavor.Nginx, [Route("orders")], $"routes[0].pathPrefix: 'orders' {PrefixRule}" },
        { "trailing slash", OriginFlavor.Nginx, [Route("/orders/")], $"routes[0].pathPrefix: '/orders/' {PrefixRule}" },
        { "empty segment", OriginFlavor.Kong, [Route("//orders")], $"routes[0].pathPrefix: '//orders' {PrefixRule}" },
        { "percent-encoding", OriginFlavor.Nginx, [Route("/%6Frders")], $"routes[0].pathPrefix: '/%6Frders' {PrefixRule}" },
        { "regex characters", OriginFlavor.Iis, [Route("/orders(.*)")], $"routes[0].pathPrefix: '/orders(.*)' {PrefixRule}" },
        { "nginx variable", OriginFlavor.Nginx, [Route("/$uri")], $"routes[0].pathPrefix: '/$uri' {PrefixRule}" },
        { "quote", OriginFlavor.Kong, [Route("/a\"b")], $"routes[0].pathPrefix: '/a\"b' {PrefixRule}" },
        { "query", OriginFlavor.Nginx, [Route("/orders?x=1")], $"routes[0].pathPrefix: '/orders?x=1' {PrefixRule}" },
        { "empty prefix", OriginFlavor.Nginx, [Route("")], $"routes[0].pathPrefix: '' {PrefixRule}" },
        { "null prefix", OriginFlavor.Nginx, [Route(null!)], $"routes[0].pathPrefix: '' {PrefixRule}" },
        { "dot-dot segment", OriginFlavor.Nginx, [Route("/a/../orders")], "routes[0].pathPrefix: '/a/../orders' has a '.' or '..' segment: request paths are compared after those are resolved, so no path could start with it" },
        { "dot segment", OriginFlavor.Iis, [Route("/./orders")], "routes[0].pathPrefix: '/./orders' has a '.' or '..' segment: request paths are compared after those are resolved, so no path could start with it" },
        { "long prefix", OriginFlavor.Nginx, [Route("/" + new string('a', 200))], $"routes[0].pathPrefix: '/{new string('a', 200)}' is longer than 200 characters" },
        { "prefix twice", OriginFlavor.Nginx, [Route("/orders"), Route("/orders")], "routes[1].pathPrefix: '/orders' is also the prefix of routes[0]: give each prefix once (the longest matching prefix decides, so two routes with one prefix would contradict each other)" },
        { "role with a space", OriginFlavor.Nginx, [Route("/orders", "Orders Reader")], "routes[0].roles[0]: 'Orders Reader' is not a valid role name: 1 to 120 letters, digits and '.', '_', '-', ':' (no spaces: the X-Edge-Roles and X-Edge-Scopes headers separate names with one)" },
        { "role with a regex character", OriginFlavor.Iis, [Route("/orders", "Orders|Admin")], "routes[0].roles[0]: 'Orders|Admin' is not a valid role name: 1 to 120 letters, digits and '.', '_', '-', ':' (no spaces: the X-Edge-Roles and X-Edge-Scopes headers separate names with one)" },
        { "role with a quote", OriginFlavor.Kong, [Route("/orders", "a\"]")], "routes[0].roles[0]: 'a\"]' is not a valid role name: 1 to 120 letters, digits and '.', '_', '-', ':' (no spaces: the X-Edge-Roles and X-Edge-Scopes headers separate names with one)" },
        { "empty role", OriginFlavor.Nginx, [Route("/orders", "")], "routes[0].roles[0]: '' is not a valid role name: 1 to 120 letters, digits and '.', '_', '-', ':' (no spaces: the X-Edge-Roles and X-Edge-Scopes headers separate names with one)" },
        { "long role", OriginFlavor.Nginx, [Route("/orders", new string('r', 121))], $"routes[0].roles[0]: '{new string('r', 121)}' is not a valid role name: 1 to 120 letters, digits and '.', '_', '-', ':' (no spaces: the X-Edge-Roles and X-Edge-Scopes headers separate names with one)" },
        { "scope URI", OriginFlavor.Nginx, [new RouteAccess { PathPrefix = "/orders", Scopes = ["api://orders/read"] }], "routes[0].scopes[0]: 'api://orders/read' is not a valid scope name: 1 to 120 letters, digits and '.', '_', '-', ':' (no spaces: the X-Edge-Roles and X-Edge-Scopes headers separate names with one)" },
        { "null route", OriginFlavor.Nginx, [null!], "routes[0]: null: give a route with a pathPrefix" },
        { "IIS prefixes that nest only ignoring case", OriginFlavor.Iis, [Route("/orders", "Reader"), Route("/Orders/public")], "routes[1].pathPrefix: '/Orders/public' and routes[0]'s '/orders' differ only in letter case where they overlap: IIS serves paths case-insensitively, so its origin compares them ignoring case and could not tell which route decides; give prefixes that differ in more than case" },
        { "IIS prefixes equal ignoring case", OriginFlavor.Iis, [Route("/orders", "Reader"), Route("/ORDERS")], "routes[1].pathPrefix: '/ORDERS' and routes[0]'s '/orders' differ only in letter case where they overlap: IIS serves paths case-insensitively, so its origin compares them ignoring case and could not tell which route decides; give prefixes that differ in more than case" },
    };

    [Theory]
    [MemberData(nameof(InvalidRoutes))]
    public void Each_invalid_route_is_reported_with_the_property_the_value_and_the_rule(string problem, OriginFlavor flavor, RouteAccess[] routes, string expected)
    {
        var errors = Errors(() => new OriginVmCluster("origin", Defaults(flavor, routes: routes)));
        Assert.True(errors.Count == 1, $"{problem}: {string.Join("\n", errors)}");
        Assert.Equal(expected, $"{errors[0].Property}: {errors[0].Message}");
    }

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    [InlineData(OriginFlavor.Iis)]
    public void The_shared_routes_a_root_route_and_linux_prefixes_differing_in_case_are_accepted(OriginFlavor flavor)
    {
        Synth(() => new OriginVmCluster("origin", Defaults(flavor, routes: [.. Routes, Route("/", "Reader"), Route("/v1.2/items~x_y-z", "ns:Role_1.a-b")])));
        if (flavor != OriginFlavor.Iis)
        {
            Synth(() => new OriginVmCluster("origin", Defaults(flavor, routes: [Route("/orders", "Reader"), Route("/Orders/public")])));
        }
    }

    [Fact]
    public void Null_routes_are_reported()
    {
        var errors = Errors(() => new OriginVmCluster("origin", new OriginVmClusterArgs
        {
            ResourceGroupName = "rg-origin",
            Location = "westeurope",
            Flavor = OriginFlavor.Nginx,
            SubnetId = SubnetId,
            DomainNameLabel = "origin-label",
            KeyVaultId = KeyVaultId,
            KeyVaultUri = KeyVaultUri,
            OriginSecretName = "origin-secret",
            AdminSshPublicKey = SshKey,
            TlsCertificateSecretName = TlsSecret,
            Routes = null!,
        }));
        Assert.Equal(["routes: null: give an empty list when no route restricts access"], errors.Select(e => $"{e.Property}: {e.Message}"));
    }

    private static RouteAccess Route(string prefix, params string[] roles) => new() { PathPrefix = prefix, Roles = roles };
}
