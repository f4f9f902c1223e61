using EdgeInfra.Components.Application;
using EdgeInfra.Components.Policy;
using EdgeInfra.Components.Tests.Akamai.DataStream;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Application;

public sealed partial class EdgeFrontedApplicationTests
{
    [Fact]
    public void The_hs256_key_variable_is_a_justified_exception_to_the_secret_variable_rule()
    {
        var settings = ComponentHarness.Settings() with
        {
            Config = new ConfigSource(new Dictionary<string, ConfigEntry> { [$"edge-infra:{SecretConfigHarness.KeyName}"] = new(SecretConfigHarness.KeyValue, IsSecret: true) }),
        };
        var graph = Deployment.Build(() => new LambdaStack(() => new EdgeFrontedApplication("app", Args(algorithms: ["RS256", "HS256"], hmac: SecretConfigHarness.AccessKey()))), settings);

        var findings = EdgeInfraPolicies.Pack.Evaluate(graph).Findings.Where(f => f.Rule.Id == "EI-EDGE-008").ToList();

        var finding = Assert.Single(findings);
        Assert.Contains("PMUSER_JWT_HMAC_SECRET", finding.Violation.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Suppression);
        Assert.Contains("request.getVariable", finding.Suppression.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_hs256_the_secret_variable_rule_finds_nothing_and_nothing_is_suppressed()
    {
        var graph = Deployment.Build(() => new LambdaStack(() => new EdgeFrontedApplication("app", Args())), ComponentHarness.Settings());

        Assert.DoesNotContain(EdgeInfraPolicies.Pack.Evaluate(graph).Findings, f => f.Rule.Id == "EI-EDGE-008");
        Assert.DoesNotContain(graph.Resources, resource => resource.PolicySuppressions.Any(s => s.RuleId == "EI-EDGE-008"));
    }
}
