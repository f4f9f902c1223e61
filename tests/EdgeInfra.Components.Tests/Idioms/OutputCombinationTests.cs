using EdgeInfra.Random;

namespace EdgeInfra.Components.Tests.Idioms;

/// <summary><c>Output.All</c> and <c>Output.Tuple</c>, stated as YAML lists, combined with <c>fn::join</c> and <c>fn::toJSON</c>.</summary>
public sealed class OutputCombinationTests
{
    [Fact]
    public async Task All_and_Tuple_lower_to_lists_under_fn_join_and_fn_toJSON()
    {
        var program = Deployment.Synthesize(() => new OutputsStack(), ComponentHarness.Settings());

        Assert.Contains("""
              joined:
                fn::join:
                  - ","
                  - - "${first.id}"
                    - "${second.id}"
            """, program);
        Assert.Contains("""
              json:
                fn::toJSON:
                  - "${first.id}"
                  - 3
            """, program);
        Assert.Empty(Schemas.ProgramConformance.Check(program, ComponentHarness.LoadSchemas()));

        var result = await Deployment.TestAsync<OutputsStack>(new ComponentMocks(), new Testing.TestOptions { Packages = ComponentHarness.Packages });
        Assert.Equal("first_id,second_id", result.Outputs["joined"]);
        Assert.Equal("[\"first_id\",3]", result.Outputs["json"]);
    }

    private sealed class OutputsStack : Stack
    {
        public OutputsStack()
        {
            var first = new RandomPet("first");
            var second = new RandomPet("second");
            RegisterOutputs(new Dictionary<string, object?>
            {
                ["joined"] = Output.Join(",", Output.All(first.Id, second.Id)),
                ["json"] = Output.JsonSerialize(Output.Tuple(first.Id, Output.Create(3))),
            });
        }
    }
}
