using System.Text.Json;
using EdgeInfra.TestSupport;

namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// <c>check</c> on the repository's stacks, as CI and the pull-request workflow run it: no finding without a
/// justification, and a SARIF log GitHub code scanning accepts, with every rule of the pack.
/// </summary>
public sealed class PolicyCheckTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_stack_passes_the_policy_pack_with_every_suppression_justified(string stack)
    {
        var (exitCode, output, error) = StackProgram.Run(new Dictionary<string, string>(), "check", "--stack", stack);

        Assert.True(exitCode == 0, output + error);
        Assert.EndsWith(" suppressed with a justification\n", output, StringComparison.Ordinal);
        Assert.StartsWith("0 findings, ", output.Split('\n')[^2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_sarif_log_has_at_least_50_rules_and_passes_the_sarif_multitool(string stack)
    {
        var (exitCode, sarif, error) = StackProgram.Run(new Dictionary<string, string>(), "check", "--stack", stack, "--format", "sarif");

        Assert.True(exitCode == 0, error);
        Assert.Empty(SarifMultitool.Problems(sarif));
        using var log = JsonDocument.Parse(sarif);
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.True(rules.Count >= 50, $"{rules.Count} rules");
        Assert.All(run.GetProperty("results").EnumerateArray(), result => Assert.True(result.TryGetProperty("suppressions", out _), result.ToString()));
        // Both stacks carry justified suppressions, so the log has results, each located in the stack's config file.
        Assert.Equal([$"Pulumi.{stack}.yaml"], run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).Distinct());
    }
}
