using EdgeInfra.Benchmarks;

namespace EdgeInfra.Generator.Tests;

/// <summary>
/// The scale generator of the synthesis benchmarks (benchmarks/EdgeInfra.Benchmarks/ScaleGraph.cs, linked here): it
/// makes a valid graph of exactly the size asked for, whose resources reference each other, the same every time.
/// The benchmarks themselves are not run by the tests.
/// </summary>
public sealed class ScaleGraphTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void The_generator_makes_a_valid_graph_of_the_requested_size(int resources)
    {
        var graph = Deployment.Build(ScaleGraph.Create(resources), ScaleGraph.Settings);

        Assert.Equal(resources, graph.CustomResources.Count());
        Assert.Equal(resources, graph.Resources.Length);
        if (resources >= 1000)
        {
            Assert.Equal(5, graph.CustomResources.Select(r => r.GetResourceType()).Distinct().Count());
            Assert.Contains(graph.Edges, e => e.Kind == GraphEdgeKind.Reference && e.From.GetResourceType() == "random:index/randomString:RandomString");
            Assert.Contains(graph.Edges, e => e.Kind == GraphEdgeKind.DependsOn);
            Assert.NotEmpty(graph.Outputs);
        }
    }

    [Fact]
    public void The_same_size_and_seed_give_the_same_program_and_another_seed_another()
    {
        var first = Deployment.Synthesize(ScaleGraph.Create(200), ScaleGraph.Settings);

        Assert.Equal(first, Deployment.Synthesize(ScaleGraph.Create(200), ScaleGraph.Settings));
        Assert.NotEqual(first, Deployment.Synthesize(ScaleGraph.Create(200, seed: 18), ScaleGraph.Settings));
    }
}
