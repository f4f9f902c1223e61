using System.Text.Json;
using EdgeInfra.Akamai;
using EdgeInfra.Components.Akamai;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Akamai.Properties;

public sealed class EdgePropertyTests
{
    private const string Subject = "component 'web' (edgeinfra:akamai:EdgeProperty)";

    private static EdgePropertyArgs Defaults() => new()
    {
        ContractId = "ctr_1-ABC123",
        GroupId = "grp_12345",
        ProductId = "prd_Fresca",
        PropertyName = "www.example.com",
        Hostnames = ["www.example.com"],
        EdgeHostname = "www.example.com.edgesuite.net",
        Origin = new OriginOptions { Hostname = "origin.example.com" },
        ActivationContacts = ["edge-team@example.com"],
        ActivationNote = "CHG-1: first version",
    };

    private static EdgePropertyArgs Full(Input<string> originHostname) => new()
    {
        ContractId = "ctr_1-ABC123",
        GroupId = "grp_12345",
        ProductId = "prd_SPM",
        PropertyName = "shop.example.com",
        CpCodeName = "shop-web",
        Hostnames = ["shop.example.com", "*.shop.example.com"],
        EdgeHostname = "shop.example.com.edgekey.net",
        IpBehavior = "IPV4",
        CertificateEnrollmentId = 98765,
        CertProvisioningType = "CPS_MANAGED",
        Origin = new OriginOptions { Hostname = originHostname, ForwardHostHeader = "ORIGIN_HOSTNAME" },
        DefaultBehaviors =
        [
            Behavior.Http2(),
            Behavior.SetVariable("PMUSER_ORIGIN_SECRET", "{{builtin.AK_REQUEST_ID}}"),
            Behavior.ModifyOutgoingRequestHeader(HeaderModification.Add("X-Origin-Secret", "{{user.PMUSER_ORIGIN_SECRET}}")),
        ],
        Rules = [new Rule { Name = "Static", Criteria = [Criterion.FileExtension(["css", "js"])], Behaviors = [Behavior.Caching(CachingOptions.MaxAge("7d"))] }],
        Variables = [RuleVariable.Secret("PMUSER_ORIGIN_SECRET", "Proves to the origin that the request came through the edge.")],
        Comments = "Shop storefront.",
        VersionNotes = "CHG-2",
        ActivationContacts = ["edge-team@example.com", "oncall@example.com"],
        ActivationNote = "CHG-2: static caching",
        ActivateProduction = true,
        ActivationTimeout = TimeSpan.FromHours(2),
        AcknowledgeStagingRuleWarnings = false,
        AcknowledgeProductionRuleWarnings = true,
    };

    [Fact]
    public async Task Defaults_create_a_cp_code_an_ipv6_edge_hostname_a_pinned_property_and_a_staging_activation_only()
    {
        static void Build() => _ = new EdgeProperty("web", Defaults());

        SynthConforming(Build);
        var result = await RunAsync(Build, new EdgePropertyMocks());
        var cpCode = result.Resource("web-cp-code");
        Assert.Equal("akamai:index/cpCode:CpCode", cpCode.Type);
        AssertTree(Obj(("contractId", "ctr_1-ABC123"), ("groupId", "grp_12345"), ("name", "www.example.com"), ("productId", "prd_Fresca")), cpCode.Inputs);

        var edgeHostname = result.Resource("web-edge-hostname");
        Assert.Equal("akamai:index/edgeHostName:EdgeHostName", edgeHostname.Type);
        Assert.Equal(["contractId", "edgeHostname", "groupId", "ipBehavior", "productId", "statusUpdateEmails"], PropertyNames(edgeHostname.Inputs));
        Assert.Equal("ctr_1-ABC123", edgeHostname.Inputs["contractId"]);
        Assert.Equal("www.example.com.edgesuite.net", edgeHostname.Inputs["edgeHostname"]);
        Assert.Equal("grp_12345", edgeHostname.Inputs["groupId"]);
        Assert.Equal("IPV6_COMPLIANCE", edgeHostname.Inputs["ipBehavior"]);
        Assert.Equal("prd_Fresca", edgeHostname.Inputs["productId"]);

        var property = result.Resource("web-property");
        AssertTree(
            new[] { Obj(("certProvisioningType", "DEFAULT"), ("cnameFrom", "www.example.com"), ("cnameTo", edgeHostname.Outputs["edgeHostname"])) },
            property.Inputs["hostnames"]);
        Assert.Equal("www.example.com", property.Inputs["name"]);
        Assert.Equal("prd_Fresca", property.Inputs["productId"]);
        Assert.Equal("v2024-10-21", property.Inputs["ruleFormat"]);
        var rules = RuleTree(property);
        var cpCodeBehavior = rules.GetProperty("behaviors").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "cpCode");
        Assert.Equal(long.Parse(cpCode.Id!["cpc_".Length..], System.Globalization.CultureInfo.InvariantCulture), cpCodeBehavior.GetProperty("options").GetProperty("value").GetProperty("id").GetInt64());
        Assert.False(rules.GetProperty("options").GetProperty("is_secure").GetBoolean());

        var staging = result.Resource("web-staging");
        Assert.Equal("akamai:index/propertyActivation:PropertyActivation", staging.Type);
        AssertTree(
            Obj(
                ("autoAcknowledgeRuleWarnings", true),
                ("contacts", new[] { "edge-team@example.com" }),
                ("network", "STAGING"),
                ("note", "CHG-1: first version"),
                ("propertyId", property.Id),
                ("timeouts", Obj(("default", "1h30m"))),
                ("version", property.Outputs["latestVersion"])),
            staging.Inputs);
        var ninetyMinutes = TimeSpan.FromMinutes(90);
        Assert.Equal(new CustomTimeouts { Create = ninetyMinutes, Update = ninetyMinutes, Delete = ninetyMinutes }, staging.Options.CustomTimeouts);

        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "certificate"));
        Assert.DoesNotContain(result.Resources, r => StringsIn(r.Inputs).Any(text => text.Contains("PRODUCTION", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Resources, r => r.LogicalName == "web-production");
    }

    [Fact]
    public async Task Full_configuration_conforms_and_activates_production_after_staging()
    {
        static void Build() => _ = new EdgeProperty("web", Full("origin.shop.example.com"));

        SynthConforming(Build);
        var result = await RunAsync(Build, new EdgePropertyMocks());
        var edgeHostname = result.Resource("web-edge-hostname");
        Assert.Equal(98765L, edgeHostname.Inputs["certificate"]);
        Assert.Equal("ctr_1-ABC123", edgeHostname.Inputs["contractId"]);
        Assert.Equal("shop.example.com.edgekey.net", edgeHostname.Inputs["edgeHostname"]);
        Assert.Equal("grp_12345", edgeHostname.Inputs["groupId"]);
        Assert.Equal("IPV4", edgeHostname.Inputs["ipBehavior"]);

        var property = result.Resource("web-property");
        var cnameTo = edgeHostname.Outputs["edgeHostname"];
        AssertTree(
            new[]
            {
                Obj(("certProvisioningType", "CPS_MANAGED"), ("cnameFrom", "shop.example.com"), ("cnameTo", cnameTo)),
                Obj(("certProvisioningType", "CPS_MANAGED"), ("cnameFrom", "*.shop.example.com"), ("cnameTo", cnameTo)),
            },
            property.Inputs["hostnames"]);
        Assert.Equal("CHG-2", property.Inputs["versionNotes"]);
        Assert.Equal("shop-web", result.Resource("web-cp-code").Inputs["name"]);

        var production = result.Resource("web-production");
        Assert.Equal("akamai:index/propertyActivation:PropertyActivation", production.Type);
        AssertTree(
            Obj(
                ("autoAcknowledgeRuleWarnings", true),
                ("contacts", new[] { "edge-team@example.com", "oncall@example.com" }),
                ("network", "PRODUCTION"),
                ("note", "CHG-2: static caching"),
                ("propertyId", property.Id),
                ("timeouts", Obj(("default", "2h"))),
                ("version", property.Outputs["latestVersion"])),
            production.Inputs);
        var twoHours = TimeSpan.FromHours(2);
        Assert.Equal(new CustomTimeouts { Create = twoHours, Update = twoHours, Delete = twoHours }, production.Options.CustomTimeouts);
        Assert.Same(result.Resource("web-staging").Resource, Assert.Single(production.Options.DependsOn));

        var rules = RuleTree(property);
        Assert.True(rules.GetProperty("options").GetProperty("is_secure").GetBoolean());
        Assert.True(Assert.Single(rules.GetProperty("variables").EnumerateArray()).GetProperty("sensitive").GetBoolean());
    }

    [Fact]
    public void Outputs_are_the_ids_and_versions_of_the_children()
    {
        EdgeProperty? web = null;
        Synth(() => web = new EdgeProperty("web", Defaults()));
        Assert.Equal("reference to web-property.id", web!.PropertyId.Expression.Describe());
        Assert.Equal("reference to web-edge-hostname.edgeHostname", web.EdgeHostname.Expression.Describe());
        Assert.Equal("reference to web-cp-code.id", web.CpCodeId.Expression.Describe());
        Assert.Equal("reference to web-property.latestVersion", web.LatestVersion.Expression.Describe());
        Assert.Equal("reference to web-staging.version", web.StagingVersion.Expression.Describe());
        Assert.Null(web.ProductionVersion);
        Assert.Null(web.ProductionActivation);
        Assert.Equal(["propertyId", "edgeHostname", "cpCodeId", "latestVersion", "stagingVersion"], web.RegisteredOutputs.Keys);

        EdgeProperty? shop = null;
        Synth(() => shop = new EdgeProperty("web", Full("origin.shop.example.com")));
        Assert.Equal("reference to web-production.version", shop!.ProductionVersion!.Expression.Describe());
        Assert.Contains("productionVersion", shop.RegisteredOutputs.Keys);
    }

    [Fact]
    public void The_rule_tree_is_reviewable_with_the_cp_code_as_a_placeholder()
    {
        EdgeProperty? web = null;
        Synth(() => web = new EdgeProperty("web", Defaults()));
        var review = web!.RuleTree.ToReviewJson();
        Assert.Contains("\"id\": \"${integer: web-cp-code.id without 'cpc_'}\"", review, StringComparison.Ordinal);
        Assert.Contains("\"hostname\": \"origin.example.com\"", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_activation_depends_on_staging_and_activates_the_latest_version()
    {
        var result = await RunAsync(() => new EdgeProperty("web", Full("origin.shop.example.com")), new EdgePropertyMocks());
        var staging = result.Resource("web-staging");
        var production = result.Resource("web-production");
        Assert.Equal("STAGING", staging.Inputs["network"]);
        Assert.Equal("PRODUCTION", production.Inputs["network"]);
        Assert.Contains(staging.Resource, production.Options.DependsOn);
        Assert.Equal((long)EdgePropertyMocks.LatestVersion, Convert.ToInt64(staging.Inputs["version"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(EdgePropertyMocks.PropertyId, production.Inputs["propertyId"]);
    }

    [Fact]
    public async Task The_evaluated_rules_hold_the_cp_code_id_as_an_integer_and_the_origin_hostname()
    {
        var result = await RunAsync(
            () =>
            {
                var origin = new CpCode("origin-stand-in", new CpCodeArgs { ContractId = "ctr_1-AB", GroupId = "grp_1", Name = "origin-lb.westeurope.cloudapp.azure.com" });
                new EdgeProperty("web", Full(origin.Name));
            },
            new EdgePropertyMocks());
        var rules = (string)result.Resource("web-property").Inputs["rules"]!;
        using var document = JsonDocument.Parse(rules);
        var root = document.RootElement.GetProperty("rules");
        var behaviors = root.GetProperty("behaviors");
        Assert.Equal("origin", behaviors[0].GetProperty("name").GetString());
        Assert.Equal("origin-lb.westeurope.cloudapp.azure.com", behaviors[0].GetProperty("options").GetProperty("hostname").GetString());
        Assert.Equal("cpCode", behaviors[1].GetProperty("name").GetString());
        Assert.Equal(12345, behaviors[1].GetProperty("options").GetProperty("value").GetProperty("id").GetInt32());
        Assert.Equal("Static", root.GetProperty("children")[0].GetProperty("name").GetString());
        Assert.True(root.GetProperty("variables")[0].GetProperty("sensitive").GetBoolean());
        Assert.DoesNotContain("edgeinfra-integer", rules, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_invalid_input_is_reported_at_once_and_nothing_is_created()
    {
        var errors = Errors(() => new EdgeProperty("web", new EdgePropertyArgs
        {
            ContractId = "1-ABC123",
            GroupId = "grp_abc",
            ProductId = "Fresca",
            PropertyName = "www example",
            CpCodeName = " ",
            Hostnames = ["www.example.com", "WWW.example.com", "bad_host", "localhost"],
            EdgeHostname = "www.example.com.cdn.net",
            IpBehavior = "IPV6",
            CertificateEnrollmentId = 5,
            CertProvisioningType = "MANUAL",
            Origin = new OriginOptions { Hostname = "origin.example.com", HttpsPort = 0 },
            ActivationContacts = ["edge-team@example.com", "not-an-email", "two words@example.com"],
            ActivationNote = " ",
            ActivationTimeout = TimeSpan.FromMinutes(5),
        }));
        Assert.Equal(
        [
            $"{Subject}, property 'contractId': '1-ABC123' is not a valid contractId: ctr_ followed by letters, digits and hyphens (e.g. ctr_1-ABC123)",
            $"{Subject}, property 'groupId': 'grp_abc' is not a valid groupId: grp_ followed by digits (e.g. grp_12345)",
            $"{Subject}, property 'productId': 'Fresca' is not a valid productId: prd_ followed by letters, digits and underscores (e.g. prd_Fresca)",
            $"{Subject}, property 'propertyName': 'www example' is not a valid property name: 1 to 85 letters, digits, dots, hyphens and underscores",
            $"{Subject}, property 'cpCodeName': ' ' is not a valid CP code name: 1 to 125 characters, not blank",
            $"{Subject}, property 'hostnames[1]': 'WWW.example.com' is given twice: hostnames are unique, ignoring case",
            $"{Subject}, property 'hostnames[2]': 'bad_host' is not a valid hostname: a DNS name of at least two labels, each 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen, 253 characters at most, a leading '*.' allowed",
            $"{Subject}, property 'hostnames[3]': 'localhost' is not a valid hostname: a DNS name of at least two labels, each 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen, 253 characters at most, a leading '*.' allowed",
            $"{Subject}, property 'edgeHostname': 'www.example.com.cdn.net' is not a valid edge hostname: a DNS name ending in .edgesuite.net, .edgekey.net, .akamaized.net",
            $"{Subject}, property 'certificateEnrollmentId': 5 is set for 'www.example.com.cdn.net': only .edgekey.net edge hostnames take a certificate",
            $"{Subject}, property 'ipBehavior': 'IPV6' is not an IP behavior: IPV4, IPV6_PERFORMANCE or IPV6_COMPLIANCE",
            $"{Subject}, property 'certProvisioningType': 'MANUAL' is not a certificate provisioning type: DEFAULT or CPS_MANAGED",
            $"{Subject}, property 'activationContacts[1]': 'not-an-email' is not an email address: local part, '@' and a domain with a dot, no spaces",
            $"{Subject}, property 'activationContacts[2]': 'two words@example.com' is not an email address: local part, '@' and a domain with a dot, no spaces",
            $"{Subject}, property 'activationNote': ' ' is blank: every activation carries a note saying what changed",
            $"{Subject}, property 'activationTimeout': 00:05:00 is out of range: 10 minutes to 24 hours, in whole minutes (activations take minutes to hours)",
            $"{Subject}, property 'rules.behaviors[0].options.httpsPort': 0 is not a port: 1 to 65535 (in rule 'default')",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Empty_contacts_and_hostnames_are_rejected()
    {
        var args = Defaults();
        var errors = Errors(() => new EdgeProperty("web", new EdgePropertyArgs
        {
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
            PropertyName = args.PropertyName,
            Hostnames = [],
            EdgeHostname = "www.example.com.edgekey.net",
            Origin = args.Origin,
            ActivationContacts = [],
            ActivationNote = "CHG-3",
        }));
        Assert.Equal(
        [
            $"{Subject}, property 'hostnames': is empty: a property serves at least one hostname",
            $"{Subject}, property 'certificateEnrollmentId': is missing: the Enhanced TLS edge hostname 'www.example.com.edgekey.net' needs the CPS enrollment id of its certificate",
            $"{Subject}, property 'activationContacts': is empty: activations need at least one email address to notify",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Rule_tree_errors_are_reported_with_their_path_in_the_tree()
    {
        var args = Defaults();
        var errors = Errors(() => new EdgeProperty("web", new EdgePropertyArgs
        {
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
            PropertyName = args.PropertyName,
            Hostnames = args.Hostnames,
            EdgeHostname = args.EdgeHostname,
            Origin = args.Origin,
            ActivationContacts = args.ActivationContacts,
            ActivationNote = args.ActivationNote,
            DefaultBehaviors = [Behavior.SetVariable("PMUSER_X", "1")],
            Rules = [new Rule { Name = "API", Behaviors = [Behavior.Caching(CachingOptions.MaxAge("1y"))] }],
        }));
        Assert.Equal(
        [
            $"{Subject}, property 'rules.behaviors[2].options.variableName': 'PMUSER_X' is not declared: declare it in the default rule's variables (in rule 'default')",
            $"{Subject}, property 'rules.children[0].behaviors[0].options.ttl': '1y' is not a TTL: digits and a unit, s, m, h or d (e.g. 30s, 10m, 1d) (in rule 'API')",
        ], errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("www.example.com.edgesuite.net")]
    [InlineData("www-example-com.akamaized.net")]
    public void Edge_hostnames_on_akamai_domains_are_accepted(string edgeHostname)
    {
        var args = Defaults();
        Synth(() => new EdgeProperty("web", new EdgePropertyArgs
        {
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
            PropertyName = args.PropertyName,
            Hostnames = args.Hostnames,
            EdgeHostname = edgeHostname,
            Origin = args.Origin,
            ActivationContacts = args.ActivationContacts,
            ActivationNote = args.ActivationNote,
        }));
    }

    [Theory]
    [InlineData("edgesuite.net")]
    [InlineData(".edgesuite.net")]
    [InlineData("www.example.com")]
    [InlineData("www.example.com.edgesuite.net.evil.com")]
    public void Edge_hostnames_outside_akamai_domains_are_rejected(string edgeHostname)
    {
        var args = Defaults();
        var error = Assert.Single(Errors(() => new EdgeProperty("web", new EdgePropertyArgs
        {
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
            PropertyName = args.PropertyName,
            Hostnames = args.Hostnames,
            EdgeHostname = edgeHostname,
            Origin = args.Origin,
            ActivationContacts = args.ActivationContacts,
            ActivationNote = args.ActivationNote,
        })));
        Assert.Equal("edgeHostname", error.Property);
    }

    [Fact]
    public void Ids_known_only_at_deploy_time_are_not_checked()
    {
        var args = Defaults();
        SynthConforming(() =>
        {
            var contract = GetContract.Invoke().Id;
            new EdgeProperty("web", new EdgePropertyArgs
            {
                ContractId = contract,
                GroupId = args.GroupId,
                ProductId = args.ProductId,
                PropertyName = args.PropertyName,
                Hostnames = args.Hostnames,
                EdgeHostname = args.EdgeHostname,
                Origin = args.Origin,
                ActivationContacts = args.ActivationContacts,
                ActivationNote = args.ActivationNote,
            });
        });
    }

    /// <summary>The rule tree the property's <c>rules</c> evaluated to (its <c>rules</c> object).</summary>
    private static JsonElement RuleTree(EdgeInfra.Testing.TestResource property)
    {
        using var document = JsonDocument.Parse((string)property.Inputs["rules"]!);
        return document.RootElement.GetProperty("rules").Clone();
    }
}
