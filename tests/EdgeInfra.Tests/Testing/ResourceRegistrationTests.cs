using System.Collections.Immutable;
using EdgeInfra.Testing;
using Moq;
using static EdgeInfra.Tests.Testing.MockRuns;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>How resources reach <see cref="IMocks.NewResourceAsync"/>: in dependency order, resolved, with their providers; and what they get back.</summary>
public sealed class ResourceRegistrationTests
{
    [Fact]
    public async Task The_example_moq_setup_registers_every_resource_with_its_resolved_inputs()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync((MockResourceArgs a) => (a.Name + "-id", (object)a.Inputs));
        var result = await Run(() => TestStacks.Group("rg"), mocks.Object);
        var rg = result.Resource("rg");
        Assert.Equal("rg-id", rg.Id);
        Assert.Equal("azure-native:resources:ResourceGroup", rg.Type);
        Assert.Equal("urn:pulumi:test::project::azure-native:resources:ResourceGroup::rg", rg.Urn);
        AssertSame(Map(("location", "westeurope")), rg.Inputs);
        AssertSame(Map(("location", "westeurope"), ("id", "rg-id"), ("urn", rg.Urn)), rg.Outputs);
        mocks.Verify(
            m => m.NewResourceAsync(It.Is<MockResourceArgs>(a => a.Type == "azure-native:resources:ResourceGroup" && a.Name == "rg" && a.Provider == null && a.Id == null)),
            Times.Once());
    }

    [Fact]
    public async Task A_resource_is_registered_after_the_resources_it_references_and_its_mock_sees_their_outputs()
    {
        var mocks = new RecordingMocks();
        var result = await Run(() =>
        {
            var network = Thing("z-network", new PropertyMap { ["addressSpace"] = "10.0.0.0/16" });
            var subnet = Thing("m-subnet", new PropertyMap { ["vnetId"] = network.Id, ["prefix"] = network.GetOutput<string>("addressSpace") });
            Thing("a-app", new PropertyMap { ["subnetUrn"] = subnet.Urn, ["vnet"] = network.AsOutput<object>() });
        }, mocks);
        Assert.Equal(["z-network", "m-subnet", "a-app"], mocks.Registered.Select(a => a.Name));
        AssertSame(Map(("vnetId", "id-of-z-network"), ("prefix", "10.0.0.0/16")), mocks.Registered[1].Inputs);
        Assert.Equal("urn:pulumi:test::project::azure-native:test:Thing::m-subnet", mocks.Registered[2].Inputs["subnetUrn"]);
        Assert.Equal(new ResourceValue("z-network", "azure-native:test:Thing", "urn:pulumi:test::project::azure-native:test:Thing::z-network", "id-of-z-network"), mocks.Registered[2].Inputs["vnet"]);
        Assert.Equal(["a-app", "m-subnet", "z-network"], result.Resources.Select(r => r.LogicalName));
    }

    [Fact]
    public async Task Options_order_registration_too()
    {
        var mocks = new RecordingMocks();
        await Run(() =>
        {
            var parent = Thing("z-parent");
            var first = Thing("y-first");
            var owner = Thing("x-owner");
            Thing("a-child", options: new CustomResourceOptions { Parent = parent, DependsOn = [first], DeletedWith = owner });
        }, mocks);
        Assert.Equal(["x-owner", "y-first", "z-parent", "a-child"], mocks.Registered.Select(a => a.Name));
    }

    [Fact]
    public async Task Depending_on_a_component_waits_for_all_of_its_resources()
    {
        var mocks = new RecordingMocks();
        await Run(() =>
        {
            var component = new ComponentResource("edgeinfra:test:Network", "net");
            Thing("vnet", options: new CustomResourceOptions { Parent = component });
            Thing("a-app", options: new CustomResourceOptions { DependsOn = [component] });
        }, mocks);
        Assert.Equal(["net-vnet", "a-app"], mocks.Registered.Select(a => a.Name));
    }

    [Fact]
    public async Task Providers_are_registered_as_resources_and_resources_name_their_explicit_provider()
    {
        var mocks = new RecordingMocks();
        var result = await Run(() =>
        {
            var weu = new ProviderResource("azure-native", "weu", new PropertyMap { ["location"] = "westeurope" }, "3.28.0");
            var component = new ComponentResource("edgeinfra:test:Edge", "edge", new ComponentResourceOptions { Providers = [weu] });
            Thing("own", options: new CustomResourceOptions { Provider = weu });
            Thing("inherited", options: new CustomResourceOptions { Parent = component });
            Thing("default");
        }, mocks);
        Assert.Equal(["default", "weu", "edge-inherited", "own"], mocks.Registered.Select(a => a.Name));
        var provider = mocks.Registered[1];
        Assert.Equal("pulumi:providers:azure-native", provider.Type);
        Assert.Null(provider.Provider);
        AssertSame(Map(("location", "westeurope")), provider.Inputs);
        Assert.Null(mocks.Registered[0].Provider);
        Assert.Equal("weu", mocks.Registered[2].Provider);
        Assert.Equal("weu", mocks.Registered[3].Provider);
        Assert.Equal("urn:pulumi:test::project::pulumi:providers:azure-native::weu", result.Resource("weu").Urn);
        Assert.Same(result.Resource("weu").Resource, result.Resource("own").Options.Provider);
    }

    [Fact]
    public async Task The_urn_of_a_resource_under_custom_parents_chains_their_types()
    {
        var result = await Run(() =>
        {
            var server = new CustomResource("azure-native:sql:Server", "server", new PropertyMap());
            var database = new CustomResource("azure-native:sql:Database", "db", new PropertyMap(), new CustomResourceOptions { Parent = server });
            var component = new ComponentResource("edgeinfra:test:Group", "grp");
            new CustomResource("azure-native:sql:FirewallRule", "rule", new PropertyMap(), new CustomResourceOptions { Parent = database });
            Thing("member", options: new CustomResourceOptions { Parent = component });
        }, options: Options() with { StackName = "dev", ProjectName = "edge-infra" });
        Assert.Equal("urn:pulumi:dev::edge-infra::azure-native:sql:Server$azure-native:sql:Database::db", result.Resource("db").Urn);
        Assert.Equal("urn:pulumi:dev::edge-infra::azure-native:sql:Server$azure-native:sql:Database$azure-native:sql:FirewallRule::rule", result.Resource("rule").Urn);
        Assert.Equal("urn:pulumi:dev::edge-infra::azure-native:test:Thing::grp-member", result.Resource("grp-member").Urn);
    }

    [Fact]
    public async Task The_mock_state_becomes_the_outputs_with_id_and_urn_taking_precedence()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync(("real-id", (object)new Dictionary<string, object?>
        {
            ["id"] = "stale",
            ["count"] = (short)3,
            ["big"] = 5UL,
            ["price"] = 1.25m,
            ["zones"] = new HashSet<int> { 1 },
            ["nested"] = new SortedDictionary<string, object?> { ["x"] = null },
        }));
        var result = await Run(() => Thing("thing"), mocks.Object);
        AssertSame(
            Map(("id", "real-id"), ("urn", "urn:pulumi:test::project::azure-native:test:Thing::thing"), ("count", 3L), ("big", 5L), ("price", 1.25), ("zones", List(1L)), ("nested", Map(("x", null)))),
            result.Resource("thing").Outputs);
    }

    [Fact]
    public async Task A_mock_without_state_gives_only_id_and_urn()
    {
        var mocks = new Mock<IMocks>();
        var result = await Run(() => Thing("thing"), mocks.Object);
        AssertSame(Map(("id", null), ("urn", "urn:pulumi:test::project::azure-native:test:Thing::thing")), result.Resource("thing").Outputs);
    }

    [Fact]
    public async Task Without_packages_the_pins_are_discovered_from_the_assembly_of_the_stack()
    {
        // This test assembly pins "edgeinfra-test" with [assembly: PulumiPackage] (see BindingSupportTests).
        var result = await StackTest.RunAsync(() => new LambdaStack(() => new CustomResource("edgeinfra-test:index:Widget", "w", new PropertyMap())), new EchoMocks());
        Assert.Equal("1.2.3", result.Resource("w").Options.Version);
        Assert.Equal("urn:pulumi:test::project::edgeinfra-test:index:Widget::w", result.Resource("w").Urn);
    }

    /// <summary>Records the resources registered, in order, and gives ids of the form <c>id-of-&lt;name&gt;</c>.</summary>
    private sealed class RecordingMocks : EchoMocks
    {
        public List<MockResourceArgs> Registered { get; } = [];

        public override Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            Registered.Add(args);
            return Task.FromResult<(string? id, object state)>(("id-of-" + args.Name, args.Inputs));
        }
    }
}
