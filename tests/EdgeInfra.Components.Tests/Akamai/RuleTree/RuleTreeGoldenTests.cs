using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Tests.Akamai.RuleTrees;

public sealed class RuleTreeGoldenTests
{
    [Fact]
    public void The_minimal_tree_matches_its_golden_file() =>
        RuleTreeGolden.AssertMatches("minimal.json", RuleTreeFixtures.Minimal().ToReviewJson());

    [Fact]
    public void The_full_tree_matches_its_golden_file() =>
        RuleTreeGolden.AssertMatches("full.json", RuleTreeFixtures.Full().ToReviewJson());

    [Fact]
    public void Both_golden_trees_are_valid()
    {
        Assert.Empty(RuleTreeFixtures.Minimal().Validate());
        Assert.Empty(RuleTreeFixtures.Full().Validate());
    }

    [Fact]
    public void The_review_json_does_not_depend_on_the_order_options_are_given_in()
    {
        static RuleTree Tree(Dictionary<string, object?> options) => new(new Rule
        {
            Name = "default",
            Behaviors = [Behavior.Origin(new OriginOptions { Hostname = "origin.example.com" }), Behavior.CpCode(1), Behavior.Custom("prefreshCache", options)],
        });

        var first = Tree(new Dictionary<string, object?> { ["enabled"] = true, ["prefreshval"] = 90 }).ToReviewJson();
        var second = Tree(new Dictionary<string, object?> { ["prefreshval"] = 90, ["enabled"] = true }).ToReviewJson();
        Assert.Equal(first, second);
        Assert.Equal(first, Tree(new Dictionary<string, object?> { ["enabled"] = true, ["prefreshval"] = 90 }).ToReviewJson());
    }
}
