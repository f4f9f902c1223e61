using EdgeInfra.Testing;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Policy;

/// <summary>The typed reader of a graph's inputs: what a check sees of each kind of value.</summary>
public sealed class StackGraphInputsTests
{
    [Fact]
    public void Values_are_unset_known_from_code_or_config_or_deploy_time()
    {
        var settings = Settings() with
        {
            Config = new ConfigSource(new Dictionary<string, ConfigEntry>
            {
                ["proj:location"] = new("northeurope", false),
                ["proj:count"] = new("3", false),
                ["proj:token"] = new(null, true),
            }),
        };
        Input<string>? fromConfig = null;
        Input<int>? count = null;
        Input<string>? secret = null;
        Input<string>? output = null;
        var graph = Deployment.Build(() => new LambdaStack(() =>
        {
            var config = new Config();
            fromConfig = config.Require("location");
            count = config.RequireInt32("count");
            secret = config.RequireSecret("token");
            var group = Group("rg");
            output = group.Id;
        }), settings);

        Assert.True(graph.ValueOf<string>(null).IsUnset);
        Assert.True(graph.ValueOf<string>("westeurope").Is("westeurope"));
        Assert.True(graph.ValueOf(fromConfig).Is("northeurope"));
        Assert.True(graph.ValueOf(count).Is(3));
        Assert.Equal(InputValueKind.DeployTime, graph.ValueOf(secret).Kind);
        Assert.Equal(InputValueKind.DeployTime, graph.ValueOf(output).Kind);
        Assert.False(graph.ValueOf(output).Is(string.Empty));
    }

    [Fact]
    public void Typed_inputs_are_the_args_the_resource_was_made_with()
    {
        var graph = Deployment.Build(() => new LambdaStack(() => Group("rg", new PropertyMap { ["location"] = "westeurope" })), Settings());
        var group = Assert.Single(graph.ResourcesOf<CustomResource>());

        Assert.Equal("westeurope", graph.InputsOf<PropertyMap>(group)["location"]);
        var wrong = Assert.Throws<InvalidOperationException>(() => graph.InputsOf<OtherArgs>(group));
        Assert.Equal("rg was created with PropertyMap, not OtherArgs.", wrong.Message);
    }

    private sealed class OtherArgs : ResourceArgs
    {
        protected override IEnumerable<KeyValuePair<string, object?>> GetInputs() => [];
    }
}
