using EdgeInfra.Expressions;
using EdgeInfra.Testing;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary>
/// <see cref="StackGraph.Versions"/> and <see cref="StackGraph.VersionOf(InvokeExpression)"/>: the versions a program
/// pins, which the validator checks and the lowering states.
/// </summary>
public sealed class StackGraphVersionsTests
{
    private static StackGraph BuildOutputs(Func<Dictionary<string, object?>> build) =>
        StackBuilder.Build(() => new LambdaStack(build), Settings());

    private static SynthesisException FailsOutputs(Func<Dictionary<string, object?>> build) =>
        Assert.Throws<SynthesisException>(() => BuildOutputs(build));

    [Fact]
    public void Versions_are_those_of_resources_on_default_providers_of_providers_and_of_invokes()
    {
        var graph = BuildOutputs(() =>
        {
            Group("rg");
            new CustomResource("aws:s3:Bucket", "bucket", new PropertyMap(), new CustomResourceOptions { Version = "7.0.0" });
            var tls = new ProviderResource("tls", "tls", null, "5.0.0");
            new CustomResource("tls:index/privateKey:PrivateKey", "key", new PropertyMap(), new CustomResourceOptions { Provider = tls });
            var edge = new ProviderResource("akamai", "edge", null, "11.4.0");
            return new Dictionary<string, object?>
            {
                ["uuid"] = Deployment.Invoke<object>("random:index/getUuid:getUuid"),
                ["contracts"] = Deployment.Invoke<object>("akamai:index/getContracts:getContracts", null, new InvokeOptions { Provider = edge }),
            };
        });
        Assert.Equal(
            [
                new KeyValuePair<string, string>("akamai", "11.4.0"),
                new("aws", "7.0.0"),
                new("azure-native", "3.28.0"),
                new("random", "4.21.1"),
                new("tls", "5.0.0"),
            ],
            graph.Versions);
        Assert.Equal("5.0.0", graph.VersionOf("tls"));
        Assert.Equal("4.21.1", graph.VersionOf("random"));
        Assert.Null(graph.VersionOf("gcp"));
    }

    [Fact]
    public void A_stack_reference_pins_nothing()
    {
        var graph = Build(() => new StackReference("shared", new StackReferenceArgs { Name = "org/shared/prod" }));
        Assert.Empty(graph.Versions);
    }

    [Fact]
    public void An_invoke_is_pinned_to_its_own_version_else_its_packages_and_not_at_all_through_an_explicit_provider()
    {
        ProviderResource? provider = null;
        var graph = Build(() => provider = new ProviderResource("azure-native", "weu", null, "3.28.0"));
        InvokeExpression Invoke(string function, InvokeOptions? options = null) => new(function, ObjectExpression.Empty, options);
        Assert.Equal("3.28.0", graph.VersionOf(Invoke("azure-native:authorization:getClientConfig")));
        Assert.Equal("3.1.0", graph.VersionOf(Invoke("azure-native:authorization:getClientConfig", new InvokeOptions { Version = "3.1.0" })));
        Assert.Equal("1.0.0", graph.VersionOf(Invoke("gcp:index:getProject", new InvokeOptions { Version = "1.0.0" })));
        Assert.Null(graph.VersionOf(Invoke("azure-native:authorization:getClientConfig", new InvokeOptions { Provider = provider, Version = "3.1.0" })));
        Assert.Null(graph.VersionOf(Invoke("gcp:index:getProject")));
    }

    [Fact]
    public void The_program_states_the_version_the_graph_gives_each_invoke()
    {
        var program = Synth(() =>
        {
            Group("own", new PropertyMap { ["x"] = Deployment.Invoke<object>("random:index/getUuid:getUuid", null, new InvokeOptions { Version = "4.21.1" }) });
            Group("package", new PropertyMap { ["x"] = Deployment.Invoke<object>("random:index/getUuid:getUuid") });
        });
        Assert.Equal(2, program.Split("            version: \"4.21.1\"\n").Length - 1);
    }

    [Fact]
    public void Versions_pinned_by_invokes_in_resources_and_outputs_that_disagree_are_reported_with_who_pins_them()
    {
        var error = FailsOutputs(() =>
        {
            Group("rg", new PropertyMap { ["x"] = Deployment.Invoke<object>("azure-native:authorization:getClientConfig", null, new InvokeOptions { Version = "3.1.0" }) });
            return new Dictionary<string, object?>
            {
                ["tenant"] = Deployment.Invoke<object>("azure-native:authorization:getClientConfig", null, new InvokeOptions { Version = "3.2.0" }),
            };
        });
        Assert.Equal(
            "package 'azure-native', property 'options.version': the program pins more than one version (3.28.0 by rg; 3.1.0 by rg (invoke of azure-native:authorization:getClientConfig); 3.2.0 by output tenant (invoke of azure-native:authorization:getClientConfig)); Pulumi takes one version per package.",
            Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void An_unpinned_invoke_in_a_stack_output_is_reported()
    {
        var error = FailsOutputs(() => new Dictionary<string, object?> { ["region"] = Deployment.Invoke<object>("aws:index/getRegion:getRegion") });
        Assert.Equal(
            "stack output 'region', property 'fn::invoke aws:index/getRegion:getRegion': package 'aws' has no pinned version: declare it with [assembly: PulumiPackage(\"aws\", \"<version>\")] or set InvokeOptions.Version.",
            Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Invokes_in_the_id_of_a_resource_read_with_get_are_checked_too()
    {
        var unpinned = Fails(() => CustomResource.Get("azure-native:resources:ResourceGroup", "rg", Deployment.Invoke<string>("aws:index/getRegion:getRegion")));
        Assert.Equal(
            "resource 'rg' (azure-native:resources:ResourceGroup), property 'fn::invoke aws:index/getRegion:getRegion': package 'aws' has no pinned version: declare it with [assembly: PulumiPackage(\"aws\", \"<version>\")] or set InvokeOptions.Version.",
            Assert.Single(unpinned.Errors).ToString());

        var conflicting = Fails(() => CustomResource.Get(
            "azure-native:resources:ResourceGroup",
            "rg",
            Deployment.Invoke<string>("azure-native:resources:getResourceGroup", null, new InvokeOptions { Version = "3.1.0" })));
        Assert.Contains("(3.28.0 by rg; 3.1.0 by rg (invoke of azure-native:resources:getResourceGroup))", Assert.Single(conflicting.Errors).Message);
    }
}
