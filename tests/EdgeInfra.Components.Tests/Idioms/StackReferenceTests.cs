using System.Collections.Immutable;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Idioms;

/// <summary><see cref="StackReference"/>: stated as <c>pulumi:pulumi:StackReference</c>, its outputs read from the mocks.</summary>
public sealed class StackReferenceTests
{
    [Fact]
    public void A_reference_is_a_StackReference_resource_whose_outputs_are_referenced()
    {
        var program = ComponentHarness.SynthConforming(() =>
        {
            var network = new StackReference("network", new StackReferenceArgs { Name = "acme/network/prod" });
            _ = new ResourceGroup("app-rg", new ResourceGroupArgs { Location = network.GetOutput<string>("location") });
        });

        Assert.Contains("""
              network:
                type: "pulumi:pulumi:StackReference"
                properties:
                  name: "acme/network/prod"
            """, program);
        Assert.Contains("location: \"${network.outputs.location}\"", program);
        Assert.DoesNotContain("version:", program[program.IndexOf("network:", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Outputs_come_from_the_mocks_and_secret_outputs_stay_secret()
    {
        StackReference? network = null;
        var result = await ComponentHarness.RunAsync(
            () =>
            {
                network = new StackReference("network");
                _ = new ResourceGroup("app-rg", new ResourceGroupArgs { Location = network.GetOutput<string>("location") });
            },
            new NetworkStackMocks());

        var reference = result.Resource("network");
        Assert.Equal("network", reference.Id);
        Assert.Equal("westeurope", result.Resource("app-rg").Inputs["location"]);
        Assert.True(result.IsSecret(network!.GetOutput("sharedKey")));
        Assert.Equal("s3cret", result.Evaluate(network.GetOutput<string>("sharedKey")));
    }

    [Theory]
    [InlineData("acme/network/prod/extra")]
    [InlineData("acme//prod")]
    [InlineData("prod stack")]
    public void A_name_that_is_no_stack_name_fails_synthesis(string name)
    {
        var errors = ComponentHarness.Errors(() => _ = new StackReference("network", new StackReferenceArgs { Name = name }));

        var error = Assert.Single(errors);
        Assert.Equal("resource 'network' (pulumi:pulumi:StackReference)", error.Subject);
        Assert.Equal("name", error.Property);
        Assert.Contains($"'{name}' is not a stack name", error.Message);
    }

    private sealed class NetworkStackMocks : ComponentMocks
    {
        public override async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            if (args.Type != StackReference.TypeToken)
            {
                return await base.NewResourceAsync(args);
            }

            Assert.Equal("network", args.Id);
            return (args.Id, new Dictionary<string, object>
            {
                ["name"] = args.Id!,
                ["outputs"] = new Dictionary<string, object> { ["location"] = "westeurope", ["sharedKey"] = "s3cret" },
                ["secretOutputNames"] = ImmutableArray.Create("sharedKey"),
            });
        }
    }
}
