using EdgeInfra.Components.Akamai;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Akamai.Properties;

/// <summary><c>autoAcknowledgeRuleWarnings</c> of the two activations: STAGING acknowledges by default, PRODUCTION says so explicitly.</summary>
public sealed class RuleWarningAcknowledgementTests
{
    private static EdgePropertyArgs Args(bool activateProduction, bool? production, bool staging = true) => new()
    {
        ContractId = "ctr_1-ABC123",
        GroupId = "grp_12345",
        ProductId = "prd_Fresca",
        PropertyName = "www.example.com",
        Hostnames = ["www.example.com"],
        EdgeHostname = "www.example.com.edgesuite.net",
        Origin = new OriginOptions { Hostname = "origin.example.com" },
        ActivationContacts = ["edge-team@example.com"],
        ActivationNote = "CHG-1",
        ActivateProduction = activateProduction,
        AcknowledgeStagingRuleWarnings = staging,
        AcknowledgeProductionRuleWarnings = production,
    };

    [Fact]
    public void Staging_acknowledges_rule_warnings_by_default()
    {
        Assert.True(new EdgePropertyArgs
        {
            ContractId = "c",
            GroupId = "g",
            ProductId = "p",
            PropertyName = "n",
            Hostnames = [],
            EdgeHostname = "e",
            Origin = new OriginOptions { Hostname = "o" },
            ActivationContacts = [],
            ActivationNote = "x",
        }.AcknowledgeStagingRuleWarnings);
    }

    [Fact]
    public async Task A_staging_only_property_acknowledges_warnings_and_needs_no_production_choice()
    {
        var result = await RunAsync(() => new EdgeProperty("web", Args(activateProduction: false, production: null)));
        Assert.Equal(true, result.Resource("web-staging").Inputs["autoAcknowledgeRuleWarnings"]);
        Assert.DoesNotContain(result.Resources, r => r.LogicalName == "web-production");
    }

    [Fact]
    public async Task The_staging_default_can_be_overridden()
    {
        static void Build() => _ = new EdgeProperty("web", Args(activateProduction: false, production: null, staging: false));

        SynthConforming(Build);
        var result = await RunAsync(Build);
        Assert.Equal(false, result.Resource("web-staging").Inputs["autoAcknowledgeRuleWarnings"]);
        Assert.DoesNotContain(result.Resources, r => Equals(r.Inputs.GetValueOrDefault("autoAcknowledgeRuleWarnings"), true));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Production_takes_the_stated_value_and_staging_keeps_its_own(bool production)
    {
        var result = await RunAsync(() => new EdgeProperty("web", Args(activateProduction: true, production: production)));
        Assert.Equal(true, result.Resource("web-staging").Inputs["autoAcknowledgeRuleWarnings"]);
        Assert.Equal(production, result.Resource("web-production").Inputs["autoAcknowledgeRuleWarnings"]);
    }

    [Fact]
    public void Activating_production_without_stating_the_choice_fails_synthesis()
    {
        var error = Assert.Single(Errors(() => new EdgeProperty("web", Args(activateProduction: true, production: null))));
        Assert.Equal("acknowledgeProductionRuleWarnings", error.Property);
        Assert.Equal("component 'web' (edgeinfra:akamai:EdgeProperty)", error.Subject);
        Assert.Contains("activateProduction is true", error.Message, StringComparison.Ordinal);
    }
}
