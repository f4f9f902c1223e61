using EdgeInfra.Components.Akamai;
using Shop;

namespace Consumer.Tests;

/// <summary>The edge-fronted application, run against mocks.</summary>
public sealed class ShopStackTests
{
    [Fact]
    public async Task The_edge_worker_is_the_packaged_edge_gateway_bundle()
    {
        var result = await Stacks.TestAsync<ShopStack>("shop");

        var edgeWorker = Assert.Single(result.OfType("akamai:index/edgeWorker:EdgeWorker"));
        var bundle = EdgeWorkerBundle.Load(EdgeGatewayBundle.PackagedDirectory);
        Assert.NotNull(edgeWorker.Inputs["localBundle"]);
        Assert.Contains(EdgeWorkerBundle.MainFileName, bundle.Files);
    }

    [Fact]
    public async Task The_origin_runs_two_vms_behind_the_edge()
    {
        var result = await Stacks.TestAsync<ShopStack>("shop");

        Assert.Equal(2, result.OfType("azure-native:compute:VirtualMachine").Count());
        Assert.Single(result.OfType("akamai:index/property:Property"));
    }

    [Fact]
    public async Task The_stack_outputs_its_hostnames()
    {
        var result = await Stacks.TestAsync<ShopStack>("shop");

        Assert.Equal("shop-dev.example.com.edgesuite.net", result.Outputs["edgeHostname"]);
    }
}
