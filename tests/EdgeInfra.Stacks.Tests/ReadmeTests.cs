namespace EdgeInfra.Stacks.Tests;

/// <summary>The README shows the dev stack's preview and diagram as they are: a change to the stack that changes them fails here until the README is updated.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    [Theory]
    [InlineData("preview")]
    [InlineData("graph")]
    public void The_readme_shows_the_current_output_of_the_dev_stack(string verb)
    {
        var (exitCode, output, error) = StackProgram.Run(new Dictionary<string, string>(), verb, "--stack", "dev");
        Assert.True(exitCode == 0, error);
        Assert.True(Readme.Contains(output, StringComparison.Ordinal), $"README.md does not show the current `{verb} --stack dev` output:\n{output}");
    }

    [Fact]
    public void The_readme_lists_every_rule_of_the_policy_pack()
    {
        var table = EdgeInfra.Policy.PolicyMarkdownRenderer.RenderRules(EdgeInfra.Components.Policy.EdgeInfraPolicies.Pack);
        Assert.True(Readme.Contains(table, StringComparison.Ordinal), $"README.md does not list the policy pack's rules as they are:\n{table}");
    }
}
