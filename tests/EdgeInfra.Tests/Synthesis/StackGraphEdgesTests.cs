using EdgeInfra.Expressions;
using EdgeInfra.Review;
using EdgeInfra.Testing;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary>
/// <see cref="StackGraph.Edges"/>: every way one resource of a program uses another, once, in a stable order; and the
/// consumers that read it (the cycle check, the test run's registration order, the diagrams).
/// </summary>
public sealed class StackGraphEdgesTests
{
    private const string GroupType = "azure-native:resources:ResourceGroup";

    private static IEnumerable<string> Describe(IEnumerable<GraphEdge> edges) =>
        edges.Select(e => $"{e.From.LogicalName} -> {e.To.LogicalName} {e.Kind}");

    /// <summary>One resource per kind of edge, each using <c>a</c> (or the provider <c>weu</c>).</summary>
    private static StackGraph EveryKind() => Build(() =>
    {
        var weu = new ProviderResource("azure-native", "weu", null, "3.28.0");
        var a = Group("a");
        var b = Group("b");
        Group("ref", new PropertyMap { ["x"] = a.Id });
        CustomResource.Get(GroupType, "read", a.Id);
        Group("dep", options: new CustomResourceOptions { DependsOn = [a] });
        Group("prov", options: new CustomResourceOptions { Provider = weu });
        Group("child", options: new CustomResourceOptions { Parent = a });
        Group("gone", options: new CustomResourceOptions { DeletedWith = a });
        Group("inv", new PropertyMap
        {
            ["keys"] = Deployment.Invoke<object>(
                "azure-native:storage:listStorageAccountKeys",
                new PropertyMap { ["accountName"] = b.GetOutput<string>("name") },
                new InvokeOptions { DependsOn = [a, a], Provider = weu }),
        });
    });

    [Fact]
    public void Every_kind_of_use_is_an_edge_from_the_used_resource_in_name_order()
    {
        Assert.Equal(
            [
                "a -> child Parent",
                "a -> dep DependsOn",
                "a -> gone DeletedWith",
                "a -> inv InvokeDependsOn",
                "a -> read Reference",
                "a -> ref Reference",
                "b -> inv Reference",
                "weu -> inv InvokeProvider",
                "weu -> prov Provider",
            ],
            Describe(EveryKind().Edges));
    }

    [Fact]
    public void Dependencies_are_the_used_resources_each_once_in_name_order()
    {
        var graph = EveryKind();
        var inv = graph.CustomResources.Single(r => r.LogicalName == "inv");
        Assert.Equal(["a", "b", "weu"], graph.DependenciesOf(inv).Select(r => r.LogicalName));
        Assert.Empty(graph.DependenciesOf(graph.CustomResources.Single(r => r.LogicalName == "a")));
    }

    [Fact]
    public void Edges_are_computed_once_per_graph()
    {
        var graph = EveryKind();
        Assert.True(graph.Edges == graph.Edges);
    }

    [Fact]
    public void A_components_dependencies_and_providers_reach_its_resources_and_depending_on_it_depends_on_them()
    {
        var graph = Build(() =>
        {
            var weu = new ProviderResource("azure-native", "weu", null, "3.28.0");
            var a = Group("a");
            var app = new ComponentResource("edgeinfra:test:App", "app", new ComponentResourceOptions { Providers = [weu], DependsOn = [a] });
            Group("vnet", options: new CustomResourceOptions { Parent = app });
            Group("late", options: new CustomResourceOptions { DependsOn = [app] });
        });
        Assert.Equal(["a -> app-vnet DependsOn", "app-vnet -> late DependsOn", "weu -> app-vnet Provider"], Describe(graph.Edges));
    }

    [Fact]
    public void Invokes_in_the_id_of_a_resource_read_with_get_are_edges_too()
    {
        var graph = Build(() =>
        {
            var a = Group("a");
            var b = Group("b");
            CustomResource.Get(GroupType, "read", Deployment.Invoke<string>(
                "azure-native:resources:getResourceGroup",
                new PropertyMap { ["resourceGroupName"] = b.GetOutput<string>("name") },
                new InvokeOptions { DependsOn = [a] }));
        });
        Assert.Equal(["a -> read InvokeDependsOn", "b -> read Reference"], Describe(graph.Edges));
    }

    [Fact]
    public void A_resource_of_another_stack_has_no_dependencies_nor_urn_in_this_one()
    {
        CustomResource? foreign = null;
        Build(() => foreign = Group("other"));
        var graph = Build(() => Group("rg"));
        Assert.Throws<ArgumentException>(() => graph.DependenciesOf(foreign!));
        Assert.Throws<ArgumentException>(() => graph.UrnOf(foreign!));
    }

    [Fact]
    public void A_cycle_through_the_id_of_a_resource_read_with_get_is_reported()
    {
        var error = Fails(() =>
        {
            var bProperties = new PropertyMap();
            var b = Group("b", bProperties);
            var a = CustomResource.Get(GroupType, "a", b.GetOutput<string>("name"));
            bProperties["x"] = a.GetOutput<string>("location");
        });
        Assert.Equal("resource 'a' (azure-native:resources:ResourceGroup): dependency cycle: a -> b -> a; a program's resources must form a graph without cycles.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void A_resource_that_references_itself_is_a_cycle()
    {
        var error = Fails(() =>
        {
            var properties = new PropertyMap();
            var a = Group("a", properties);
            properties["x"] = a.Id;
        });
        Assert.Contains("dependency cycle: a -> a;", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Cycles_through_parents_deleted_with_and_invoke_options_are_reported()
    {
        var error = Fails(() =>
        {
            var aProperties = new PropertyMap();
            var a = Group("a", aProperties);
            var b = Group("b", options: new CustomResourceOptions { Parent = a });
            var c = Group("c", options: new CustomResourceOptions { DeletedWith = b });
            aProperties["x"] = Deployment.Invoke<object>("azure-native:authorization:getClientConfig", null, new InvokeOptions { DependsOn = [c] });
        });
        Assert.Contains("dependency cycle: a -> c -> b -> a;", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task A_test_run_registers_each_resource_after_all_it_depends_on()
    {
        var mocks = new RecordingMocks();
        await StackTest.RunAsync(
            () =>
            {
                var weu = new ProviderResource("azure-native", "z-weu", null, "3.28.0");
                var parent = Group("y-parent");
                var keep = Group("x-keep");
                var id = Group("w-id");
                CustomResource.Get(GroupType, "a-read", id.Id, new CustomResourceOptions { Parent = parent, DeletedWith = keep });
                Group("b-inv", new PropertyMap
                {
                    ["x"] = Deployment.Invoke<object>("azure-native:authorization:getClientConfig", null, new InvokeOptions { Provider = weu }),
                });
            },
            mocks,
            new TestOptions { Packages = Packages });
        var order = mocks.Registered;
        Assert.True(order.IndexOf("w-id") < order.IndexOf("a-read"));
        Assert.True(order.IndexOf("x-keep") < order.IndexOf("a-read"));
        Assert.True(order.IndexOf("y-parent") < order.IndexOf("a-read"));
        Assert.True(order.IndexOf("z-weu") < order.IndexOf("b-inv"));
    }

    [Fact]
    public void Diagrams_draw_references_including_get_ids_and_dependsOn_and_providers_including_invokes_but_not_parents()
    {
        var topology = Topology.Of(EveryKind());
        Assert.Equal(
            [
                "a -> dep DependsOn",
                "a -> inv DependsOn",
                "a -> read Reference",
                "a -> ref Reference",
                "b -> inv Reference",
                "weu -> inv Provider",
                "weu -> prov Provider",
            ],
            topology.Edges.Select(e => $"{e.From.LogicalName} -> {e.To.LogicalName} {e.Kind}"));
    }

    [Fact]
    public void Diagrams_draw_a_dependsOn_of_a_resource_and_of_its_invoke_once()
    {
        var topology = Topology.Of(Build(() =>
        {
            var a = Group("a");
            Group("b", new PropertyMap
            {
                ["x"] = Deployment.Invoke<object>("azure-native:authorization:getClientConfig", null, new InvokeOptions { DependsOn = [a] }),
            }, new CustomResourceOptions { DependsOn = [a] });
        }));
        Assert.Equal("a -> b DependsOn", Assert.Single(topology.Edges.Select(e => $"{e.From.LogicalName} -> {e.To.LogicalName} {e.Kind}")));
    }

    private sealed class RecordingMocks : EchoMocks
    {
        public List<string> Registered { get; } = [];

        public override Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            Registered.Add(args.Name);
            return base.NewResourceAsync(args);
        }
    }
}
