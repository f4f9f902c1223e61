using EdgeInfra.Components.Policy;
using EdgeInfra.Testing;
using static EdgeInfra.Components.Tests.Policy.ComputeNetworkFixtureResources;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>The origin cluster's own suppression of EI-PIP-002: only a single-zone cluster's public IP, with its justification.</summary>
public sealed class PublicIpSuppressionTests
{
    [Fact]
    public void A_single_zone_cluster_suppresses_the_zonal_public_ip_finding_with_its_justification()
    {
        var finding = Assert.Single(Findings(["1"]));
        Assert.True(finding.IsSuppressed);
        Assert.Equal("origin-pip", finding.Violation.Resource.LogicalName);
        Assert.Contains("all run in one availability zone", finding.Suppression!.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_zone_cluster_keeps_the_finding()
    {
        var finding = Assert.Single(Findings(["1", "3"]));
        Assert.False(finding.IsSuppressed);
    }

    [Fact]
    public void A_three_zone_cluster_has_no_finding() => Assert.Empty(Findings(["1", "2", "3"]));

    private static IEnumerable<EdgeInfra.Policy.PolicyFinding> Findings(IReadOnlyList<string> zones)
    {
        var graph = Deployment.Build(() => new LambdaStack(() => OriginCluster(zones: zones)), ComponentHarness.Settings());
        return EdgeInfraPolicies.Pack.Evaluate(graph).Findings.Where(f => f.Rule.Id == "EI-PIP-002");
    }
}
