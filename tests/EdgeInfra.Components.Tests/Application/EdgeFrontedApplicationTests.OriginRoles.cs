using EdgeInfra.Components.Application;
using EdgeInfra.Components.Azure.Compute;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Application;

public sealed partial class EdgeFrontedApplicationTests
{
    [Fact]
    public void The_application_s_routes_reach_every_origin_whatever_its_flavor()
    {
        RouteAccess[] routes = [new() { PathPrefix = "/orders", Scopes = ["orders.read"], Roles = ["Orders.Reader"] }];
        var program = SynthConforming(() => new EdgeFrontedApplication("app", Args(OriginFlavor.Nginx, KongAndIisRegions, routes: routes)));

        Assert.Contains(@"{ prefix = ""/orders"", roles = { [""Orders.Reader""] = true } },", VmSection(program, "app-neu-origin-vm-1"), StringComparison.Ordinal);
        Assert.Contains(@"<add input=""{HTTP_X_EDGE_ROLES}"" pattern=""(^| )(Orders\.Reader)( |$)""", VmSection(program, "app-weu-origin-vm-1"), StringComparison.Ordinal);
    }
}
