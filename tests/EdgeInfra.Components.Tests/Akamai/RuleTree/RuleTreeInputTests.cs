using System.Text.Json;
using EdgeInfra.Akamai;
using EdgeInfra.Components.Akamai;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Akamai.RuleTrees;

public sealed class RuleTreeInputTests
{
    [Fact]
    public void The_pinned_rule_format_is_a_real_dated_format() =>
        Assert.Equal("v2024-10-21", RuleFormat.Pinned);

    [Fact]
    public void A_tree_of_literals_is_stated_as_fn_to_json_of_the_document()
    {
        var program = Synth(() => new CustomResourceWithRules("p", RuleTreeFixtures.Minimal().ToInput()));
        Assert.Contains("""
                  rules:
                    fn::toJSON:
                      rules:
                        behaviors:
                          - name: "origin"
            """, program);
        Assert.Contains("""
                          - name: "cpCode"
                            options:
                              value:
                                id: 12345
                        children: []
                        name: "default"
            """, program);
        Assert.DoesNotContain("fn::split", program);
    }

    [Fact]
    public async Task A_tree_of_literals_evaluates_to_compact_json_with_sorted_keys()
    {
        Output<string>? rules = null;
        var result = await RunAsync(() => rules = RuleTreeFixtures.Minimal().ToInput());
        var json = result.Evaluate(rules!);
        Assert.StartsWith("""{"rules":{"behaviors":[{"name":"origin","options":{"cacheKeyHostname":"REQUEST_HOST_HEADER","compress":true,""", json, StringComparison.Ordinal);
        Assert.EndsWith("""{"name":"cpCode","options":{"value":{"id":12345}}}],"children":[],"name":"default"}}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_time_values_flow_in_and_a_cp_code_id_becomes_a_json_integer()
    {
        Output<string>? rules = null;
        var result = await RunAsync(
            () =>
            {
                var cpCode = new CpCode("cp", new CpCodeArgs { ContractId = "ctr_1-AB", GroupId = "grp_1", Name = "cp", ProductId = "prd_Fresca" });
                var edgeWorker = new EdgeWorker("ew", new EdgeWorkerArgs { GroupId = 1, ResourceTierId = 200 });
                rules = new RuleTree(new Rule
                {
                    Name = "default",
                    Behaviors =
                    [
                        Behavior.Origin(new OriginOptions { Hostname = Output.Format($"{cpCode.Name}.origin.example.com") }),
                        Behavior.CpCodeOf(cpCode.Id),
                        Behavior.EdgeWorker(edgeWorker.EdgeworkerId),
                    ],
                }).ToInput();
            },
            new Properties.EdgePropertyMocks());
        using var document = JsonDocument.Parse(result.Evaluate(rules!));
        var behaviors = document.RootElement.GetProperty("rules").GetProperty("behaviors");
        Assert.Equal("cp.origin.example.com", behaviors[0].GetProperty("options").GetProperty("hostname").GetString());
        Assert.Equal(JsonValueKind.Number, behaviors[1].GetProperty("options").GetProperty("value").GetProperty("id").ValueKind);
        Assert.Equal(12345, behaviors[1].GetProperty("options").GetProperty("value").GetProperty("id").GetInt32());
        Assert.Equal("42", behaviors[2].GetProperty("options").GetProperty("edgeWorkerId").GetString());
    }

    /// <summary>A property stating only its rules, to look at how they are synthesized.</summary>
    private sealed class CustomResourceWithRules(string name, Output<string> rules)
        : CustomResource(Property.TypeToken, name, new PropertyMap { ["contractId"] = "ctr_1-AB", ["groupId"] = "grp_1", ["productId"] = "prd_Fresca", ["rules"] = rules });
}
