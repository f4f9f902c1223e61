using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

public sealed class StackPassTests
{
    [Fact]
    public void A_stack_pass_sees_every_resource_of_the_constructor_and_its_resources_join_the_stack()
    {
        var seen = new List<string>();
        var program = Synth(() =>
        {
            Deployment.AddStackPass(resources =>
            {
                seen.AddRange(resources.Select(r => r.LogicalName));
                foreach (var resource in resources.OfType<CustomResource>().ToList())
                {
                    Group(resource.LogicalName + "-diag");
                }
            });
            Group("a");
            Group("b");
        });
        Assert.Equal(["a", "b"], seen);
        Assert.Contains("  a-diag:\n", program);
        Assert.Contains("  b-diag:\n", program);
    }

    [Fact]
    public void Passes_run_in_order_and_a_later_pass_sees_what_an_earlier_one_made()
    {
        var counts = new List<int>();
        Synth(() =>
        {
            Deployment.AddStackPass(resources => Group("made-by-first"));
            Deployment.AddStackPass(resources => counts.Add(resources.Count));
            Group("a");
        });
        Assert.Equal([2], counts);
    }

    [Fact]
    public void A_stack_pass_outside_a_build_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => Deployment.AddStackPass(_ => { }));
}
