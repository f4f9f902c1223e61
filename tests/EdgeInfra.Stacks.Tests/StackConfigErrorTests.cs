namespace EdgeInfra.Stacks.Tests;

/// <summary>Config that would shape a broken stack fails synthesis with a message naming the key or property, the value and the rule; nothing is written.</summary>
public sealed class StackConfigErrorTests
{
    private static string Fails(string stack, Dictionary<string, string> overrides)
    {
        var (exitCode, output, error) = StackProgram.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = stack,
            ["PULUMI_PROJECT"] = "edge-infra",
            ["PULUMI_CONFIG"] = StackConfig.AsPulumiConfig(stack, overrides),
        }, "synth");
        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        return error;
    }

    [Fact]
    public void An_unknown_flavor_is_refused()
    {
        var error = Fails("dev", new() { ["originFlavor"] = "apache" });
        Assert.Contains("config 'edge-infra:originFlavor': 'apache' is not an origin flavor: nginx, kong or iis", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_without_vms_is_refused()
    {
        var regions = StackConfig.Of("dev")["regions"].Replace("\"vmCount\":1", "\"vmCount\":0", StringComparison.Ordinal);
        var error = Fails("dev", new() { ["regions"] = regions });
        Assert.Contains("component 'app' (edgeinfra:application:EdgeFrontedApplication), property 'regions[0].vmCount': 0 VMs: a region runs 1 to 10 origin VMs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_address_plans_between_regions_are_refused()
    {
        var regions = StackConfig.Of("prod")["regions"].Replace("10.31.0.0/16", "10.30.0.0/15", StringComparison.Ordinal).Replace("10.31.1.0/24", "10.30.2.0/24", StringComparison.Ordinal);
        var error = Fails("prod", new() { ["regions"] = regions });
        Assert.Contains("property 'regions[1].addressSpace': '10.30.0.0/15' overlaps regions[0].addressSpace '10.30.0.0/16': regions' address plans must not overlap", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_region_problem_is_reported_at_once()
    {
        var error = Fails("prod", new()
        {
            ["regions"] = """[{"name":"neu","location":"northeurope","addressSpace":"10.30.0.0/16","originSubnet":"10.40.1.0/24","vmCount":11,"domainNameLabel":"a-neu","backupVaultName":"rsv-a"},{"name":"neu","location":"westeurope","addressSpace":"10.30.128.0/17","originSubnet":"10.30.129.0/24","vmCount":1,"domainNameLabel":"a-weu","backupVaultName":"rsv-b"}]""",
        });
        Assert.Contains("'regions[0].originSubnet': '10.40.1.0/24' is outside the region's address space '10.30.0.0/16'", error, StringComparison.Ordinal);
        Assert.Contains("'regions[0].vmCount': 11 VMs: a region runs 1 to 10 origin VMs", error, StringComparison.Ordinal);
        Assert.Contains("'regions[1].name': 'neu' repeats regions[0].name: region names are unique", error, StringComparison.Ordinal);
        Assert.Contains("'regions[1].addressSpace': '10.30.128.0/17' overlaps regions[0].addressSpace '10.30.0.0/16'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_expiry_that_is_not_a_utc_time_is_refused()
    {
        var error = Fails("dev", new() { ["originSecretExpiresOn"] = "next year" });
        Assert.Contains("config 'edge-infra:originSecretExpiresOn': 'next year' is not a UTC time: yyyy-MM-ddTHH:mm:ssZ", error, StringComparison.Ordinal);
    }
}
