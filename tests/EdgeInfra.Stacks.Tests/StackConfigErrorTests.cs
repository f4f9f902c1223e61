namespace EdgeInfra.Stacks.Tests;

/// <summary>Config that would shape a broken stack fails synthesis with a message naming the config key and field, the value and the rule; nothing is written.</summary>
public sealed class StackConfigErrorTests
{
    private static string Fails(string stack, Dictionary<string, string> overrides, string? without = null)
    {
        var (exitCode, output, error) = StackProgram.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = stack,
            ["PULUMI_PROJECT"] = "edge-infra",
            ["PULUMI_CONFIG"] = StackConfig.AsPulumiConfig(stack, overrides, without),
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
        Assert.Contains("config 'edge-infra:regions[0].vmCount': 0 is out of range: a region runs 1 to 10 origin VMs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_address_plans_between_regions_are_refused()
    {
        var regions = StackConfig.Of("prod")["regions"].Replace("10.31.0.0/16", "10.30.0.0/15", StringComparison.Ordinal).Replace("10.31.1.0/24", "10.30.2.0/24", StringComparison.Ordinal);
        var error = Fails("prod", new() { ["regions"] = regions });
        Assert.Contains("config 'edge-infra:regions[1].addressSpace': '10.30.0.0/15' overlaps regions[0].addressSpace '10.30.0.0/16': regions' address plans must not overlap", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_region_problem_is_reported_at_once()
    {
        var error = Fails("prod", new()
        {
            ["regions"] = """[{"name":"neu","location":"northeurope","addressSpace":"10.30.0.0/16","originSubnet":"10.40.1.0/24","vmCount":11,"domainNameLabel":"a-neu","backupVaultName":"rsv-a"},{"name":"neu","location":"westeurope","addressSpace":"10.30.128.0/17","originSubnet":"10.30.129.0/24","vmCount":1,"domainNameLabel":"a-weu","backupVaultName":"rsv-b"}]""",
        });
        Assert.Contains("config 'edge-infra:regions[0].originSubnet': '10.40.1.0/24' is outside the region's address space '10.30.0.0/16'", error, StringComparison.Ordinal);
        Assert.Contains("config 'edge-infra:regions[0].vmCount': 11 is out of range: a region runs 1 to 10 origin VMs", error, StringComparison.Ordinal);
        Assert.Contains("config 'edge-infra:regions[1].name': 'neu' repeats regions[0].name: region names are unique", error, StringComparison.Ordinal);
        Assert.Contains("config 'edge-infra:regions[1].addressSpace': '10.30.128.0/17' overlaps regions[0].addressSpace '10.30.0.0/16'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_expiry_that_is_not_a_utc_time_is_refused()
    {
        var error = Fails("dev", new() { ["originSecretExpiresOn"] = "next year" });
        Assert.Contains("config 'edge-infra:originSecretExpiresOn': 'next year' is not a UTC time: yyyy-MM-ddTHH:mm:ssZ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_region_is_refused()
    {
        var error = Fails("dev", new() { ["regions"] = "[null]" });
        Assert.Contains("config 'edge-infra:regions[0]': null is not a region", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_region_field_is_refused_with_a_hint()
    {
        var regions = StackConfig.Of("dev")["regions"].Replace("\"vmCount\"", "\"vmCnt\"", StringComparison.Ordinal);
        var error = Fails("dev", new() { ["regions"] = regions });
        Assert.Contains("config 'edge-infra:regions[0].vmCnt': is not a field of regions[0] (did you mean 'vmCount'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_of_the_stack_is_refused_with_a_hint_and_other_namespaces_are_left_alone()
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(StackConfig.AsPulumiConfig("dev", new Dictionary<string, string>()))!.AsObject();
        config["azure-native:location"] = "westeurope";
        config["akamai:edgerc"] = "~/.edgerc";
        var (exitCode, _, _) = StackProgram.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_PROJECT"] = "edge-infra",
            ["PULUMI_CONFIG"] = config.ToJsonString(),
        }, "synth");
        Assert.Equal(0, exitCode);

        var error = Fails("dev", new() { ["locaton"] = "westeurope", ["logRetentionDayz"] = "30", ["zzz"] = "1" });
        Assert.Contains("config 'edge-infra:locaton': is not a config key of this stack (did you mean 'location'?)", error, StringComparison.Ordinal);
        Assert.Contains("config 'edge-infra:logRetentionDayz': is not a config key of this stack (did you mean 'logRetentionDays'?)", error, StringComparison.Ordinal);
        Assert.Contains("config 'edge-infra:zzz': is not a config key of this stack: see the README", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_name_the_config_key_and_shorten_and_escape_the_value()
    {
        var error = Fails("dev", new() { ["logRetentionDays"] = "5", ["activationNote"] = "\u001b[31m" + new string('x', 1000) });
        Assert.Contains("config 'edge-infra:logRetentionDays': 5 is out of range: a Log Analytics workspace keeps data 30 to 730 days", error, StringComparison.Ordinal);
        Assert.Contains("config 'edge-infra:activationNote': '\\u001b[31mxxx", error, StringComparison.Ordinal);
        Assert.Contains("… (1005 characters)", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
    }

    [Fact]
    public void An_expired_origin_secret_is_refused()
    {
        var error = Fails("dev", new() { ["originSecretExpiresOn"] = "2026-11-30T00:00:00Z" });
        Assert.Contains("config 'edge-infra:originSecretExpiresOn': '2026-11-30T00:00:00Z' has passed (it is now 2026-12-01T00:00:00Z)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hs256_needs_the_hmac_key()
    {
        var jwt = """{"issuer":"https://login.example.com/x","audience":"api://x","jwksUrl":"https://login.example.com/keys","algorithms":["RS256","HS256"]}""";
        var error = Fails("dev", new() { ["jwt"] = jwt }, without: "entra");
        Assert.Contains("config 'edge-infra:jwt.algorithms': allows HS256 but the secret 'edge-infra:jwtHmacKey' is not set", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Jwt_and_entra_are_alternatives()
    {
        var jwt = """{"issuer":"https://login.example.com/x","audience":"api://x","jwksUrl":"https://login.example.com/keys"}""";
        Assert.Contains("config 'edge-infra:jwt': is set and so is 'edge-infra:entra'", Fails("dev", new() { ["jwt"] = jwt }), StringComparison.Ordinal);
        Assert.Contains("config 'edge-infra:jwt': is missing and so is 'edge-infra:entra'", Fails("dev", [], without: "entra"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("routes", """[{"pathPrefix":"/admin","roles":["Edge Admin"]}]""", "config 'edge-infra:routes[0].roles[0]': 'Edge Admin' is not a role name")]
    [InlineData("routes", """[{"pathPrefix":"/admin","roles":[".admin"]}]""", "config 'edge-infra:routes[0].roles[0]': '.admin' starts with '.'")]
    [InlineData("routes", """[{"pathPrefix":"/admin/","roles":["Edge.Admin"]}]""", "config 'edge-infra:routes[0].pathPrefix': '/admin/' is not a path prefix")]
    [InlineData("routes", """[{"pathPrefix":"/","roles":["Edge.Admin"]}]""", "config 'edge-infra:routes[0].pathPrefix': '/' is not a path prefix: '/'-separated segments of letters, digits and -._~, without a trailing '/', e.g. /orders (not '/' alone: a path no route matches needs only a valid token)")]
    [InlineData("routes", """[{"pathPrefix":"/admin;v=1","roles":["Edge.Admin"]}]""", "config 'edge-infra:routes[0].pathPrefix': '/admin;v=1' is not a path prefix")]
    [InlineData("routes", """[{"pathPrefix":"/admin%2F","roles":["Edge.Admin"]}]""", "config 'edge-infra:routes[0].pathPrefix': '/admin%2F' is not a path prefix")]
    [InlineData("routes", """[{"pathPrefix":"/a/../admin","roles":["Edge.Admin"]}]""", "config 'edge-infra:routes[0].pathPrefix': '/a/../admin' has a '.' or '..' segment: the gateway resolves those in request paths before comparing, so no request could match the route and it would never be enforced")]
    [InlineData("routes", """[{"pathPrefix":"/admin/.","roles":["Edge.Admin"]}]""", "config 'edge-infra:routes[0].pathPrefix': '/admin/.' has a '.' or '..' segment")]
    [InlineData("routes", """[{"pathPrefix":"/admin","roles":["Edge.Admin"]},{"pathPrefix":"/ADMIN","roles":["Edge.Admin"]}]""", "config 'edge-infra:routes[1].pathPrefix': '/ADMIN' repeats routes[0].pathPrefix ignoring case: one route per prefix (the gateway compares paths ignoring case)")]
    [InlineData("routes", """[{"pathPrefix":"/admin"}]""", "config 'edge-infra:routes[0].roles': is missing and so is scopes")]
    [InlineData("routes", """[{"pathPrefix":"/admin","rolez":["Edge.Admin"]}]""", "config 'edge-infra:routes[0].rolez': is not a field of routes[0] (did you mean 'roles'?)")]
    [InlineData("entra", """{"clients":[{"name":"ops","issuer":"https://token.actions.githubusercontent.com","subject":"repo:x","roles":["Other"]}]}""", "config 'edge-infra:entra.clients[0].roles[0]': 'Other' is not a role a route requires: the registration exposes the routes' roles (Edge.Admin)")]
    [InlineData("entra", """{"identifierUri":"api://edgeinfra"}""", "config 'edge-infra:entra.identifierUri': 'api://edgeinfra' is not an identifier URI Entra ID accepts")]
    [InlineData("entra", """{"clientz":[]}""", "config 'edge-infra:entra.clientz': is not a field of entra (did you mean 'clients'?)")]
    public void Routes_and_entra_are_checked_with_the_field_the_value_and_the_rule(string key, string value, string message) =>
        Assert.Contains(message, Fails("dev", new() { [key] = value }), StringComparison.Ordinal);

    [Fact]
    public void A_route_prefix_is_at_most_200_characters()
    {
        var longest = "/" + new string('p', 199);
        var tooLong = "/" + new string('p', 200);
        var error = Fails("dev", new() { ["routes"] = $$"""[{"pathPrefix":"{{longest}}","roles":["Edge.Admin"]},{"pathPrefix":"{{tooLong}}","roles":["Edge.Admin"]}]""" });
        Assert.DoesNotContain("routes[0].pathPrefix", error, StringComparison.Ordinal);
        Assert.Contains("config 'edge-infra:routes[1].pathPrefix': '/ppp", error, StringComparison.Ordinal);
        Assert.Contains("… (201 characters) is too long: a path prefix is at most 200 characters, the longest the origins' route rules accept", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["203.0.113.0/24","10.20.1.0/24"]""", "'10.20.1.0/24' overlaps 10.0.0.0/8, which is private (RFC 1918)")]
    [InlineData("""["127.0.0.0/8"]""", "'127.0.0.0/8' overlaps 127.0.0.0/8, which is loopback")]
    [InlineData("""["1.0.0.0/8"]""", "'1.0.0.0/8' is too broad: an edge range is at most a /10")]
    public void Edge_ranges_are_public_and_narrow(string cidrs, string message) =>
        Assert.Contains(message, Fails("dev", new() { ["edgeCidrs"] = cidrs }), StringComparison.Ordinal);
}
