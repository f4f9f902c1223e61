using EdgeInfra.AzureNative.Network;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Idioms;

/// <summary>Reading an existing resource: the generated <c>Get</c> factories state <c>get: { id: ... }</c>.</summary>
public sealed class GetResourceTests
{
    private const string VnetId = "/subscriptions/sub-1/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub-vnet";

    [Fact]
    public void A_read_resource_is_stated_with_get_and_no_properties()
    {
        var program = ComponentHarness.SynthConforming(() =>
        {
            var hub = VirtualNetwork.Get("hub-vnet", VnetId);
            _ = new ResourceGroup("app-rg", new ResourceGroupArgs { Location = hub.Location });
        });

        Assert.Contains($"""
              hub-vnet:
                type: "azure-native:network:VirtualNetwork"
                get:
                  id: "{VnetId}"
                options:
            """, program);
        Assert.Contains("location: \"${hub-vnet.location}\"", program);
    }

    [Fact]
    public void The_id_may_come_from_another_resource()
    {
        var program = ComponentHarness.SynthConforming(() =>
        {
            var group = new ResourceGroup("hub-rg", new ResourceGroupArgs { Location = "westeurope" });
            _ = CustomResource.Get("azure-native:network:VirtualNetwork", "hub-vnet", Output.Format($"{group.Id}/providers/Microsoft.Network/virtualNetworks/hub"));
        });

        Assert.Contains("id: \"${hub-rg.id}/providers/Microsoft.Network/virtualNetworks/hub\"", program);
    }

    [Fact]
    public async Task The_mocks_see_the_id_and_give_the_state()
    {
        var mocks = new RecordingMocks();
        var result = await ComponentHarness.RunAsync(
            () =>
            {
                var hub = VirtualNetwork.Get("hub-vnet", VnetId);
                _ = new ResourceGroup("app-rg", new ResourceGroupArgs { Location = hub.Location });
            },
            mocks);

        Assert.Equal(VnetId, Assert.Single(mocks.Reads).Id);
        Assert.Equal(VnetId, result.Resource("hub-vnet").Id);
        Assert.Equal("northeurope", result.Resource("app-rg").Inputs["location"]);
    }

    [Fact]
    public void An_empty_id_fails_synthesis()
    {
        var error = Assert.Single(ComponentHarness.Errors(() => _ = VirtualNetwork.Get("hub-vnet", " ")));

        Assert.Equal("resource 'hub-vnet' (azure-native:network:VirtualNetwork)", error.Subject);
        Assert.Equal("get.id", error.Property);
        Assert.Contains("' ' is not a provider id", error.Message);
    }

    private sealed class RecordingMocks : ComponentMocks
    {
        public List<MockResourceArgs> Reads { get; } = [];

        public override async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            if (args.Id is null)
            {
                return await base.NewResourceAsync(args);
            }

            Reads.Add(args);
            Assert.Empty(args.Inputs);
            return (args.Id, new Dictionary<string, object> { ["location"] = "northeurope" });
        }
    }
}
