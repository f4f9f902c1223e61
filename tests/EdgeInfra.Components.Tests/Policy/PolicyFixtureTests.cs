using EdgeInfra.Components.Policy;
using EdgeInfra.Policy;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Every rule of the pack against its fixtures: a passing one it finds nothing in, a failing one it finds a violation in.</summary>
public sealed class PolicyFixtureTests
{
    /// <summary>Every fixture of every area.</summary>
    public static IReadOnlyList<RuleFixture> Fixtures { get; } =
    [
        .. VirtualMachineRuleFixtures.All,
        .. KeyVaultRuleFixtures.All,
        .. RbacRuleFixtures.All,
        .. BackupRuleFixtures.All,
        .. MonitorRuleFixtures.All,
        .. StorageRuleFixtures.All,
        .. EdgeRuleFixtures.All,
        .. ManagedDiskRuleFixtures.All,
        .. NetworkInterfaceRuleFixtures.All,
        .. PublicIpAddressRuleFixtures.All,
        .. NetworkSecurityGroupRuleFixtures.All,
        .. VirtualNetworkRuleFixtures.All,
        .. LoadBalancerRuleFixtures.All,
    ];

    public static TheoryData<string, string> FixtureNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in Fixtures)
        {
            data.Add(fixture.RuleId, fixture.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void The_rule_finds_what_its_fixture_shows(string ruleId, string name)
    {
        var fixture = Fixtures.Single(f => f.RuleId == ruleId && f.Name == name);
        var rule = EdgeInfraPolicies.Pack.Rules.Single(r => r.Id == ruleId);
        var graph = ComponentHarness.GraphConforming(fixture.Build);

        var violations = rule.Check(graph);

        if (fixture.Passes)
        {
            Assert.True(violations.Count == 0, $"{ruleId} should pass '{name}' but found: {string.Join("; ", violations.Select(v => $"{v.Resource.LogicalName}: {v.Message}"))}");
        }
        else
        {
            Assert.NotEmpty(violations);
            Assert.All(violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Message)));
        }
    }

    [Fact]
    public void Every_rule_has_a_passing_and_a_failing_fixture()
    {
        var missing = EdgeInfraPolicies.Pack.Rules
            .Where(rule => !Fixtures.Any(f => f.RuleId == rule.Id && f.Passes) || !Fixtures.Any(f => f.RuleId == rule.Id && !f.Passes))
            .Select(rule => rule.Id)
            .ToList();

        Assert.True(missing.Count == 0, $"rules without a passing and a failing fixture: {string.Join(", ", missing)}");
        Assert.All(Fixtures, f => Assert.Contains(EdgeInfraPolicies.Pack.Rules, r => r.Id == f.RuleId));
        Assert.Equal(Fixtures.Count, Fixtures.Select(f => (f.RuleId, f.Name)).Distinct().Count());
    }
}
