using EdgeInfra.Testing;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary><see cref="StackGraph.UrnOf"/>: the URN the engine gives a resource, which aliases and test runs state too.</summary>
public sealed class StackGraphUrnTests
{
    private static CustomResource Named(StackGraph graph, string name) => graph.CustomResources.Single(r => r.LogicalName == name);

    [Fact]
    public void A_top_level_resource_has_its_own_type_and_name()
    {
        var graph = Build(() => Group("rg"));
        Assert.Equal("urn:pulumi:dev::proj::azure-native:resources:ResourceGroup::rg", graph.UrnOf(Named(graph, "rg")));
    }

    [Fact]
    public void Under_nested_custom_parents_the_type_is_prefixed_with_theirs_outermost_first()
    {
        var graph = Build(() =>
        {
            var server = new CustomResource("azure-native:sql:Server", "server", new PropertyMap());
            var database = new CustomResource("azure-native:sql:Database", "db", new PropertyMap(), new CustomResourceOptions { Parent = server });
            new CustomResource("azure-native:sql:FirewallRule", "rule", new PropertyMap(), new CustomResourceOptions { Parent = database });
        });
        Assert.Equal("urn:pulumi:dev::proj::azure-native:sql:Server::server", graph.UrnOf(Named(graph, "server")));
        Assert.Equal("urn:pulumi:dev::proj::azure-native:sql:Server$azure-native:sql:Database::db", graph.UrnOf(Named(graph, "db")));
        Assert.Equal("urn:pulumi:dev::proj::azure-native:sql:Server$azure-native:sql:Database$azure-native:sql:FirewallRule::rule", graph.UrnOf(Named(graph, "rule")));
    }

    [Fact]
    public void Components_are_no_part_of_the_type_chain_but_prefix_the_name()
    {
        var graph = Build(() =>
        {
            var app = new ComponentResource("edgeinfra:test:App", "app");
            var server = new CustomResource("azure-native:sql:Server", "server", new PropertyMap(), new CustomResourceOptions { Parent = app });
            new CustomResource("azure-native:sql:Database", "db", new PropertyMap(), new CustomResourceOptions { Parent = server });
        });
        Assert.Equal(["app-db", "app-server"], graph.CustomResources.Select(r => r.LogicalName));
        Assert.Equal("urn:pulumi:dev::proj::azure-native:sql:Server::app-server", graph.UrnOf(Named(graph, "app-server")));
        Assert.Equal("urn:pulumi:dev::proj::azure-native:sql:Server$azure-native:sql:Database::app-db", graph.UrnOf(Named(graph, "app-db")));
    }

    [Fact]
    public void Aliases_are_the_urns_the_resource_had_under_its_parents()
    {
        var graph = Build(() =>
        {
            var server = new CustomResource("azure-native:sql:Server", "server", new PropertyMap());
            new CustomResource("azure-native:sql:Database", "db", new PropertyMap(), new CustomResourceOptions
            {
                Parent = server,
                Aliases =
                [
                    new Alias { Name = "old-db" },
                    new Alias { Type = "azure-native:sql:OldDatabase" },
                    new Alias { Name = "older", Type = "azure-native:sql:OldDatabase" },
                    new Alias { Urn = "urn:pulumi:prod::other::azure-native:sql:Database::db" },
                ],
            });
        });
        Assert.Equal(
            """
            urn:pulumi:dev::proj::azure-native:sql:Server$azure-native:sql:Database::old-db
            urn:pulumi:dev::proj::azure-native:sql:Server$azure-native:sql:OldDatabase::db
            urn:pulumi:dev::proj::azure-native:sql:Server$azure-native:sql:OldDatabase::older
            urn:pulumi:prod::other::azure-native:sql:Database::db
            """,
            string.Join("\n", graph.Options[Named(graph, "db")].Aliases));
    }

    [Fact]
    public void An_alias_that_changes_nothing_is_the_resources_own_urn()
    {
        var graph = Build(() =>
        {
            var server = new CustomResource("azure-native:sql:Server", "server", new PropertyMap());
            new CustomResource("azure-native:sql:Database", "db", new PropertyMap(), new CustomResourceOptions { Parent = server, Aliases = [new Alias()] });
        });
        var db = Named(graph, "db");
        Assert.Equal(graph.UrnOf(db), Assert.Single(graph.Options[db].Aliases));
    }

    [Fact]
    public async Task A_test_run_gives_each_resource_the_urn_of_the_graph()
    {
        var result = await StackTest.RunAsync(
            () =>
            {
                var server = new CustomResource("azure-native:sql:Server", "server", new PropertyMap());
                new CustomResource("azure-native:sql:Database", "db", new PropertyMap(), new CustomResourceOptions { Parent = server });
            },
            new EchoMocks(),
            new TestOptions { Packages = Packages, StackName = "dev", ProjectName = "proj" });
        foreach (var resource in result.Resources)
        {
            Assert.Equal(result.Graph.UrnOf(resource.Resource), resource.Urn);
            Assert.Equal(resource.Urn, resource.Outputs["urn"]);
        }
    }
}
