using EdgeInfra.Review;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Review;

/// <summary>The offline preview and the topology diagrams of a small stack with components, a provider and a dependency.</summary>
public sealed class ReviewRenderingTests
{
    private static StackGraph SmallStack() => Build(() =>
    {
        var provider = new ProviderResource("azure-native", "weu", new PropertyMap { ["location"] = "westeurope" }, "3.28.0");
        var app = new ComponentResource("edgeinfra:test:App", "app");
        var net = new ComponentResource("edgeinfra:test:Net", "net", new ComponentResourceOptions { Parent = app, Providers = [provider] });
        var vnet = new CustomResource("azure-native:network:VirtualNetwork", "vnet", new PropertyMap(), new CustomResourceOptions { Parent = net });
        var password = new CustomResource("random:index/randomPassword:RandomPassword", "pw", new PropertyMap { ["length"] = 20 });
        var cp = new CustomResource("akamai:index/cpCode:CpCode", "cp", new PropertyMap { ["name"] = vnet.GetOutput<string>("name") }, new CustomResourceOptions { Parent = app });
        Group("rg", new PropertyMap { ["secret"] = password.GetOutput<string>("result") }, new CustomResourceOptions { DependsOn = [cp] });
    });

    [Fact]
    public void Preview_is_a_tree_of_components_and_resources_with_counts()
    {
        Golden.AssertMatches("tests/EdgeInfra.Tests/Review/Golden/preview.golden.txt", PreviewRenderer.Render(SmallStack(), color: false));
    }

    [Fact]
    public void Preview_colours_resources_by_kind_only_for_a_terminal()
    {
        var coloured = PreviewRenderer.Render(SmallStack(), color: true);
        Assert.Contains("\u001b[33m     │  ├─ akamai:index/cpCode:CpCode", coloured);
        Assert.Contains("\u001b[34m", coloured);
        Assert.DoesNotContain("\u001b", PreviewRenderer.Render(SmallStack(), color: false));
    }

    [Fact]
    public void Preview_lists_each_preflight_requirement_of_the_components_once()
    {
        var graph = Build(() =>
        {
            var first = new NeedsFeature("first");
            _ = new NeedsFeature("second", new ComponentResourceOptions { Parent = first });
        });
        var preview = PreviewRenderer.Render(graph, color: false);
        Assert.EndsWith(
            "Preflight (what the accounts must have; no program can show it):\n" +
            "    - The subscription has feature X registered. [first]\n" +
            "      check: az feature show --name X\n",
            preview,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Preflight", PreviewRenderer.Render(SmallStack(), color: false), StringComparison.Ordinal);
    }

    private sealed class NeedsFeature : ComponentResource
    {
        public NeedsFeature(string name, ComponentResourceOptions? options = null)
            : base("edgeinfra:test:NeedsFeature", name, options) =>
            RequirePreflight("The subscription has feature X registered.", "az feature show --name X");
    }

    [Fact]
    public void Mermaid_groups_components_and_distinguishes_edge_azure_and_generated()
    {
        Golden.AssertMatches("tests/EdgeInfra.Tests/Review/Golden/topology.golden.mmd", MermaidRenderer.Render(Topology.Of(SmallStack())));
    }

    [Fact]
    public void Dot_draws_clusters_and_styles_edges_by_kind()
    {
        var dot = DotRenderer.Render(Topology.Of(SmallStack()));
        Assert.StartsWith("digraph \"proj-dev\" {\n  rankdir=LR;\n", dot, StringComparison.Ordinal);
        Assert.Contains("  subgraph cluster_c_app {\n    label=\"app · edgeinfra:test:App\";\n", dot);
        Assert.Contains("      r_app_net_vnet [label=\"app-net-vnet\\nnetwork:VirtualNetwork\", fillcolor=\"#e8f1fb\", color=\"#0078d4\"];\n", dot);
        Assert.Contains("  r_app_cp -> r_rg [style=dashed];\n", dot);
        Assert.Contains("  r_pw -> r_rg;\n", dot);
        Assert.Contains("  r_weu -> r_app_net_vnet [style=dotted, label=\"provider\"];\n", dot);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Component_paths_label_resources_and_match_deleted_names_by_prefix()
    {
        var paths = new ComponentPaths(SmallStack());
        Assert.Equal("app › net", paths.Of("app-net-vnet"));
        Assert.Equal("app › net", paths.Of("app-net-old-subnet"));
        Assert.Equal("app", paths.Of("app-cp"));
        Assert.Null(paths.Of("rg"));
        Assert.Null(paths.Of("application"));
    }
}
