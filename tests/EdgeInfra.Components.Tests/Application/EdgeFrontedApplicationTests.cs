using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Application;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Components.Tests.Akamai.DataStream;
using EdgeInfra.Components.Tests.Akamai.EdgeWorkers;
using static EdgeInfra.Components.Tests.ComponentHarness;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Application;

public sealed partial class EdgeFrontedApplicationTests : IDisposable
{
    private const string Subject = "component 'app' (edgeinfra:application:EdgeFrontedApplication)";
    private const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9yaWdpbi1hZG1pbi1rZXktZm9yLXRlc3Rz ops@example";

    private readonly EdgeGatewayBundleCopy _bundle = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "edgeinfra-app-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _bundle.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static OriginRegionSpec Region(string name, string location, string space, string subnet, int vms = 2, params string[] countries) => new()
    {
        Name = name,
        Location = location,
        AddressSpace = space,
        OriginSubnet = subnet,
        VmCount = vms,
        DomainNameLabel = $"app-origin-{name}",
        BackupVaultName = $"rsv-app-{name}",
        Countries = countries,
    };

    private static readonly OriginRegionSpec[] TwoRegions =
    [
        Region("neu", "northeurope", "10.30.0.0/16", "10.30.1.0/24", 2, "IE", "GB"),
        Region("weu", "westeurope", "10.31.0.0/16", "10.31.1.0/24", 1, "DE"),
    ];

    private EdgeFrontedApplicationArgs Args(
        OriginFlavor flavor = OriginFlavor.Nginx,
        IReadOnlyList<OriginRegionSpec>? regions = null,
        string groupId = "grp_12345",
        IReadOnlyList<string>? algorithms = null,
        Output<string>? hmac = null,
        string? jwksUrl = "https://login.example.com/app/keys",
        string jwksRelayPath = "/.well-known/edge-infra/jwks.json",
        bool? withSshKey = null,
        EntraApiSpec? entra = null,
        IReadOnlyList<RouteAccess>? routes = null) => new()
    {
        EntraApi = entra,
        Routes = routes ?? [],
        JwksRelayPath = jwksRelayPath,
        ResourceGroupName = "rg-app",
        Location = "northeurope",
        ContractId = "ctr_C-1",
        GroupId = groupId,
        ProductId = "prd_Fresca",
        PropertyName = "app-test",
        Hostnames = ["app.example.com"],
        EdgeHostname = "app.example.com.edgesuite.net",
        ActivationContacts = ["ops@example.com"],
        ActivationNote = "test",
        ActivateProduction = true,
        AcknowledgeProductionRuleWarnings = true,
        EdgeCidrs = ["203.0.113.0/24"],
        EdgeWorkerBundleDirectory = _bundle.Path,
        EdgeWorkerOutputDirectory = _output,
        Jwt = entra is not null ? null : new EdgeGatewayJwt
        {
            Issuer = "https://login.example.com/app/v2.0",
            Audience = "api://app",
            JwksUrl = jwksUrl,
            Algorithms = algorithms ?? ["RS256"],
        },
        JwtHmacSecret = hmac,
        Flavor = flavor,
        AdminSshPublicKey = withSshKey ?? flavor != OriginFlavor.Iis ? SshKey : null,
        Regions = regions ?? TwoRegions,
        VaultName = "kv-app-test",
        OriginSecret = new GeneratedSecretSpec { ExpiresOn = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) },
    };

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    [InlineData(OriginFlavor.Iis)]
    public void Every_flavor_conforms_to_the_schemas_and_exposes_no_management_port(OriginFlavor flavor)
    {
        var program = SynthConforming(() => new EdgeFrontedApplication("app", Args(flavor)));
        Assert.Empty(InternetExposure.Find(program));
        Assert.Contains("originId: \"origin_neu\"", program, StringComparison.Ordinal);
        Assert.Contains("originId: \"origin_weu\"", program, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_resource_that_supports_diagnostic_settings_has_one()
    {
        var graph = StackBuilder.Build(() => new LambdaStack(() => new EdgeFrontedApplication("app", Args())), Settings());
        Assert.Empty(DiagnosticCoverage.MissingIn(graph).Select(r => r.LogicalName));
    }

    [Fact]
    public void Each_region_gets_its_own_backup_vault_in_its_region_and_a_protected_item_per_vm()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", Args()));
        Assert.Equal([2, 1], app!.Backups.Select(b => b.ProtectedItems.Count));
        Assert.Equal([2, 1], app.Clusters.Select(c => c.VirtualMachines.Count));
        Assert.Equal(["neu", "weu"], app.OriginHostnames.Keys);
    }

    [Fact]
    public void Each_region_reports_when_its_origin_certificate_expires()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", Args()));
        Assert.Equal(["neu", "weu"], app!.OriginCertificateExpiry.Keys);
        Assert.Equal(
            ["reference to app-origin-ca-neu-origin-tls.validityEndTime", "reference to app-origin-ca-weu-origin-tls.validityEndTime"],
            app.OriginCertificateExpiry.Values.Select(expiry => expiry.ToExpression().Describe()));
    }

    [Fact]
    public void The_gateway_routes_each_regions_countries_to_its_conditional_origin()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", Args()));
        var expected = ExpectedGatewayConfig();
        Assert.Equal("1.3.1" + expected.VersionSuffix(), app!.Gateway.Bundle.Version);
    }

    [Fact]
    public void The_gateway_fetches_the_jwks_through_a_property_rule_that_serves_it_from_the_identity_provider()
    {
        EdgeFrontedApplication? app = null;
        var program = SynthConforming(() => app = new EdgeFrontedApplication("app", Args()));
        Assert.Equal("https://app.example.com/.well-known/edge-infra/jwks.json", JwksRelay.For(Args())!.RelayUrl);
        var relay = JwksRelay.For(Args())!.PropertyRule(Behavior.EdgeWorker("1", enabled: false));
        Assert.Equal(["path"], relay.Criteria.Select(c => c.Name));
        Assert.Equal(["edgeWorker", "mtlsOriginKeystore", "origin", "rewriteUrl", "modifyOutgoingRequestHeader", "caching"], relay.Behaviors.Select(b => b.Name));
        Assert.Equal(false, relay.Behaviors[0].Options["enabled"]);
        Assert.Equal(false, relay.Behaviors[1].Options["enable"]);
        Assert.Contains("hostname: \"login.example.com\"", program, StringComparison.Ordinal);
        Assert.Equal("ORIGIN_HOSTNAME", relay.Behaviors[2].Options["forwardHostHeader"]);
        Assert.Equal("/app/keys", relay.Behaviors[3].Options["targetUrl"]);
        Assert.Equal("DELETE", relay.Behaviors[4].Options["action"]);
        Assert.Contains("name: \"JWKS relay\"", program, StringComparison.Ordinal);
        Assert.True(program.IndexOf("name: \"JWKS relay\"", StringComparison.Ordinal) < program.IndexOf("name: \"Conditional origins\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_application_states_what_the_accounts_must_have_before_deployment()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", Args()));
        var requirements = app!.PreflightRequirements.Select(r => r.Requirement).ToList();
        Assert.Contains(requirements, r => r.StartsWith("edgeCidrs (203.0.113.0/24) are exactly the Origin IP Access Control List ranges", StringComparison.Ordinal));
        Assert.Contains(requirements, r => r.StartsWith("The identity provider's JWKS host login.example.com answers https://login.example.com/app/keys", StringComparison.Ordinal));
        Assert.Contains(app.Property.PreflightRequirements, r => r.Requirement.Contains("Secure by Default", StringComparison.Ordinal));
        Assert.All(app.Clusters, c => Assert.Contains(c.PreflightRequirements, r => r.Requirement.Contains("EncryptionAtHost", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_rs256_there_is_no_jwks_relay()
    {
        Assert.Null(JwksRelay.For(Args(algorithms: ["HS256"], jwksUrl: null)));
    }

    [Theory]
    [InlineData("http://login.example.com/keys", "/.well-known/edge-infra/jwks.json", "jwt.jwksUrl", "is not the identity provider's JWKS URL")]
    [InlineData("https://user:pw@login.example.com/keys", "/.well-known/edge-infra/jwks.json", "jwt.jwksUrl", "is not the identity provider's JWKS URL")]
    [InlineData("https://203.0.113.9/keys", "/.well-known/edge-infra/jwks.json", "jwt.jwksUrl", "is not the identity provider's JWKS URL")]
    [InlineData("https://APP.example.com/keys", "/.well-known/edge-infra/jwks.json", "jwt.jwksUrl", "is on a hostname this property serves")]
    [InlineData("https://login.example.com/keys", "jwks.json", "jwksRelayPath", "is not a relay path")]
    [InlineData("https://login.example.com/keys", "/jwks/*", "jwksRelayPath", "is not a relay path")]
    [InlineData("https://login.example.com/keys", "/jwks.json\n", "jwksRelayPath", "is not a relay path")]
    public void A_jwks_url_or_relay_path_the_relay_cannot_serve_fails_at_synthesis(string jwksUrl, string relayPath, string property, string rule)
    {
        var args = Args(jwksUrl: jwksUrl, jwksRelayPath: relayPath.Replace("\\n", "\n", StringComparison.Ordinal));
        var error = Assert.Single(Errors(() => new EdgeFrontedApplication("app", args)), e => e.ToString().Contains($"property '{property}'", StringComparison.Ordinal));
        Assert.Contains(rule, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(Subject, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_hs256_key_becomes_a_sensitive_property_variable()
    {
        var program = SecretConfigHarness.Synth(() => new EdgeFrontedApplication("app", Args(algorithms: ["RS256", "HS256"], hmac: SecretConfigHarness.AccessKey())));
        Assert.Contains("name: \"PMUSER_JWT_HMAC_SECRET\"", program, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_stack_shaping_problem_is_reported_at_once_and_nothing_is_created()
    {
        var errors = Errors(() => new EdgeFrontedApplication("app", Args(
            flavor: (OriginFlavor)42,
            groupId: "12345",
            algorithms: ["HS256"],
            regions:
            [
                Region("neu", "northeurope", "10.30.0.0/16", "10.31.1.0/24", 0, "IE"),
                Region("neu", "westeurope", "10.30.128.0/17", "10.30.129.0/24", 11, "IE", "ie"),
                Region("West-EU", "westeurope", "10.0.0.1/16", "10.0.1.0/24"),
            ])));
        Assert.Equal(
        [
            $"{Subject}, property 'flavor': '42' is not an origin flavor: one of Nginx, Kong, Iis",
            $"{Subject}, property 'groupId': '12345' is not an Akamai group id known at synthesis: grp_ followed by digits (the EdgeWorker takes the number)",
            $"{Subject}, property 'jwtHmacSecret': is null but jwt.algorithms allows HS256: give the HMAC key as a secret reference, e.g. config.RequireSecret(\"jwtHmacKey\")",
            $"{Subject}, property 'regions[0].vmCount': 0 VMs: a region runs 1 to 10 origin VMs",
            $"{Subject}, property 'regions[0].originSubnet': '10.31.1.0/24' is outside the region's address space '10.30.0.0/16'",
            $"{Subject}, property 'regions[1].name': 'neu' repeats regions[0].name: region names are unique",
            $"{Subject}, property 'regions[1].vmCount': 11 VMs: a region runs 1 to 10 origin VMs",
            $"{Subject}, property 'regions[1].addressSpace': '10.30.128.0/17' overlaps regions[0].addressSpace '10.30.0.0/16': regions' address plans must not overlap, so that their networks can be peered and routed",
            $"{Subject}, property 'regions[1].countries[0]': 'IE' is already routed to regions[0]: a country goes to one region",
            $"{Subject}, property 'regions[1].countries[1]': 'ie' is not a country code: two uppercase letters (ISO 3166-1 alpha-2)",
            $"{Subject}, property 'regions[2].name': 'West-EU' is not a region name: 1 to 12 lowercase letters and digits, starting with a letter",
            $"{Subject}, property 'regions[2].addressSpace': '10.0.0.1/16' has host bits set: its network address is 10.0.0.0/16",
        ], errors.Select(e => e.ToString()));
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public void An_application_without_regions_or_with_an_unused_hmac_key_is_refused()
    {
        var errors = SecretConfigHarness.Errors(() => new EdgeFrontedApplication("app", Args(regions: [], hmac: SecretConfigHarness.AccessKey())));
        Assert.Equal(
        [
            $"{Subject}, property 'jwtHmacSecret': is given but jwt.algorithms does not allow HS256: drop it, an unused key must not reach the edge",
            $"{Subject}, property 'regions': is empty: an application has at least one origin region",
        ], errors.Select(e => e.ToString()));
    }
}
