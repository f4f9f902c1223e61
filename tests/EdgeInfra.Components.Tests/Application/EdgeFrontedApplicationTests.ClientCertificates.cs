using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Application;
using EdgeInfra.Components.Tests.Akamai.DataStream;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Application;

public sealed partial class EdgeFrontedApplicationTests
{
    private static readonly string RootCa = CertificatePem("CN=partners root", ca: true);
    private static readonly string IntermediateCa = CertificatePem("CN=partners issuing", ca: true);
    private static readonly string Leaf = CertificatePem("CN=partner-svc", ca: false);

    private static string CertificatePem(string subject, bool ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return certificate.ExportCertificatePem();
    }

    /// <summary>The gateway configuration of <see cref="Args"/>: relayed JWKS, the two regions' origin groups and countries.</summary>
    private EdgeGatewayConfig ExpectedGatewayConfig() => new()
    {
        Jwt = Args().Jwt! with { JwksUrl = "https://app.example.com/.well-known/edge-infra/jwks.json" },
        Routing = new EdgeGatewayRouting
        {
            DefaultOriginGroup = "neu",
            OriginGroups = new Dictionary<string, EdgeGatewayOriginGroup> { ["neu"] = new("origin_neu"), ["weu"] = new("origin_weu") },
            GeoRules = [new EdgeGatewayGeoRule(["IE", "GB"], "neu"), new EdgeGatewayGeoRule(["DE"], "weu")],
        },
    };

    private EdgeFrontedApplicationArgs MtlsArgs(ClientCertificatesSpec? spec = null, int? enrollment = 4711)
    {
        var args = Args();
        return new EdgeFrontedApplicationArgs
        {
            ResourceGroupName = args.ResourceGroupName, Location = args.Location, ContractId = args.ContractId, GroupId = args.GroupId,
            ProductId = args.ProductId, PropertyName = args.PropertyName, Hostnames = args.Hostnames,
            EdgeHostname = "app.example.com.edgekey.net", CertificateEnrollmentId = enrollment,
            ActivationContacts = args.ActivationContacts, ActivationNote = args.ActivationNote, ActivateProduction = true,
            AcknowledgeProductionRuleWarnings = true, EdgeCidrs = args.EdgeCidrs, EdgeWorkerBundleDirectory = args.EdgeWorkerBundleDirectory,
            EdgeWorkerOutputDirectory = args.EdgeWorkerOutputDirectory, Jwt = args.Jwt, Flavor = args.Flavor, AdminSshPublicKey = args.AdminSshPublicKey,
            Regions = args.Regions, VaultName = args.VaultName, OriginSecret = args.OriginSecret,
            ClientCertificates = spec ?? new ClientCertificatesSpec { CaCertificates = [RootCa, IntermediateCa], CaSetName = "app-partners", PathPrefixes = ["/partners", "/b2b/orders"] },
        };
    }

    [Fact]
    public void Client_mtls_is_off_by_default()
    {
        EdgeFrontedApplication? app = null;
        var program = SynthConforming(() => app = new EdgeFrontedApplication("app", Args()));
        Assert.Null(app!.ClientCaSet);
        Assert.DoesNotContain("mtlstruststore", program, StringComparison.Ordinal);
        Assert.DoesNotContain("enforceMtlsSettings", program, StringComparison.Ordinal);
        Assert.DoesNotContain("PMUSER_CLIENT_CERT_VERIFIED", program, StringComparison.Ordinal);
        Assert.Contains("certProvisioningType: \"DEFAULT\"", program, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_mtls_creates_the_ca_set_activates_it_before_the_property_and_conforms_to_the_schemas()
    {
        EdgeFrontedApplication? app = null;
        var program = SynthConforming(() => app = new EdgeFrontedApplication("app", MtlsArgs()));
        var caSet = app!.ClientCaSet!;
        Assert.Contains("type: \"akamai:index/mtlstruststoreCaSet:MtlstruststoreCaSet\"", program, StringComparison.Ordinal);
        Assert.Contains("app-client-ca-ca-set:", program, StringComparison.Ordinal);
        Assert.Contains("app-client-ca-staging:", program, StringComparison.Ordinal);
        Assert.Contains("app-client-ca-production:", program, StringComparison.Ordinal);
        Assert.Contains("name: \"app-partners\"", program, StringComparison.Ordinal);
        Assert.Contains("certProvisioningType: \"CPS_MANAGED\"", program, StringComparison.Ordinal);
        Assert.Contains(caSet.StagingActivation, app.Property.StagingActivation.Options.DependsOn);
        Assert.Contains(caSet.ProductionActivation!, app.Property.ProductionActivation!.Options.DependsOn);
        Assert.Contains(caSet.StagingActivation, caSet.ProductionActivation!.Options.DependsOn);
    }

    [Fact]
    public void The_property_enforces_the_ca_set_on_the_prefixes_and_marks_verified_certificates_for_the_gateway()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", MtlsArgs()));
        var tree = app!.Property.RuleTree;
        Assert.Empty(tree.Validate());
        var rules = tree.Default.Children;
        var verified = Assert.Single(rules, r => r.Name == "Client certificate verified");
        var required = Assert.Single(rules, r => r.Name == "Client certificates required");
        Assert.True(rules.ToList().IndexOf(verified) < rules.ToList().IndexOf(required));
        Assert.Equal(["clientCertificate"], verified.Criteria.Select(c => c.Name));
        Assert.Equal("VALID", verified.Criteria[0].Options["isCertificateValid"]);
        Assert.Equal(["setVariable"], verified.Behaviors.Select(b => b.Name));
        Assert.Equal("PMUSER_CLIENT_CERT_VERIFIED", verified.Behaviors[0].Options["variableName"]);

        // Akamai: enforceMtlsSettings needs a hostname (or clientCertificate) criterion in the same rule.
        Assert.Equal(["hostname", "path"], required.Criteria.Select(c => c.Name));
        Assert.Equal(new[] { "/partners", "/partners/*", "/b2b/orders", "/b2b/orders/*" }, (string[])required.Criteria[1].Options["values"]!);
        Assert.Equal(false, required.Criteria[1].Options["matchCaseSensitive"]);
        Assert.Equal(true, required.Criteria[1].Options["normalize"]);
        var enforce = Assert.Single(required.Behaviors);
        Assert.Equal("enforceMtlsSettings", enforce.Name);
        Assert.Equal(true, enforce.Options["enableAuthSet"]);
        Assert.Equal(true, enforce.Options["enableDenyRequest"]);
        Assert.Contains(tree.Default.Variables, v => v.Name == "PMUSER_CLIENT_CERT_VERIFIED" && !v.Sensitive);
    }

    [Fact]
    public void The_gateway_requires_a_verified_certificate_on_the_same_prefixes()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", MtlsArgs()));
        var expected = ExpectedGatewayConfig() with { ClientCertificates = new EdgeGatewayClientCertificates { PathPrefixes = ["/partners", "/b2b/orders"] } };
        Assert.Equal("1.3.1" + expected.VersionSuffix(), app!.Gateway.Bundle.Version);
        var packed = app.Gateway.Bundle.PackedText(EdgeGatewayConfig.ConfigFileName);
        Assert.Equal(expected.ToJson(), packed);
        Assert.StartsWith("{\n  \"clientCertificates\": {\n    \"pathPrefixes\": [\n      \"/partners\",\n      \"/b2b/orders\"\n    ],\n    \"verifiedVariable\": \"PMUSER_CLIENT_CERT_VERIFIED\"\n  },\n  \"headers\"", packed, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_mtls_states_the_truststore_entitlement_and_the_cps_binding_as_preflight()
    {
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", MtlsArgs()));
        var requirements = app!.ClientCaSet!.PreflightRequirements.Select(r => r.Requirement).ToList();
        Assert.Contains(requirements, r => r.Contains("Mutual TLS Edge Truststore", StringComparison.Ordinal));
        Assert.Contains(requirements, r => r.StartsWith("The CPS enrollment 4711 is an Enhanced TLS certificate whose deployment settings name the CA set app-partners", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> BadClientCertificates => new()
    {
        { "name:ab", "clientCertificates.caSetName", "'ab' is not a CA set name: 3 to 64 letters" },
        { "name:a...b", "clientCertificates.caSetName", "never three dots in a row" },
        { "name:bad name", "clientCertificates.caSetName", "is not a CA set name" },
        { "certs:none", "clientCertificates.caCertificates", "is empty: a CA set holds at least one CA certificate" },
        { "certs:text", "clientCertificates.caCertificates[0]", "is not a CA certificate: one PEM block" },
        { "certs:leaf", "clientCertificates.caCertificates[0]", "no basic constraints CA:TRUE" },
        { "certs:two-in-one", "clientCertificates.caCertificates[0]", "exactly one PEM CERTIFICATE block" },
        { "certs:repeat", "clientCertificates.caCertificates[1]", "repeats clientCertificates.caCertificates[0]" },
        { "paths:none", "clientCertificates.pathPrefixes", "is empty" },
        { "paths:partners", "clientCertificates.pathPrefixes[0]", "'partners' is not a path prefix" },
        { "paths:/p/", "clientCertificates.pathPrefixes[0]", "'/p/' is not a path prefix" },
        { "paths:/a/../p", "clientCertificates.pathPrefixes[0]", "no '.' or '..' segment" },
        { "paths:/p,/P", "clientCertificates.pathPrefixes[1]", "'/P' overlaps clientCertificates.pathPrefixes[0] '/p'" },
        { "paths:/p/q,/p", "clientCertificates.pathPrefixes[1]", "'/p' overlaps clientCertificates.pathPrefixes[0] '/p/q'" },
        { "paths:/.well-known", "clientCertificates.pathPrefixes[0]", "covers the JWKS relay path '/.well-known/edge-infra/jwks.json'" },
        { "enrollment:none", "certificateEnrollmentId", "is null but clientCertificates is set: the hostnames would use certProvisioningType DEFAULT" },
    };

    [Theory]
    [MemberData(nameof(BadClientCertificates))]
    public void Bad_client_certificate_settings_fail_at_synthesis_naming_the_property_value_and_rule(string bad, string property, string rule)
    {
        var (kind, value) = (bad[..bad.IndexOf(':', StringComparison.Ordinal)], bad[(bad.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var spec = new ClientCertificatesSpec
        {
            CaSetName = kind == "name" ? value : "app-partners",
            CaCertificates = kind != "certs" ? [RootCa] : value switch
            {
                "none" => [],
                "text" => ["not a certificate"],
                "leaf" => [Leaf],
                "two-in-one" => [RootCa + "\n" + IntermediateCa],
                _ => [RootCa, RootCa],
            },
            PathPrefixes = kind == "paths" ? (value == "none" ? [] : value.Split(',')) : ["/partners"],
        };
        var errors = Errors(() => new EdgeFrontedApplication("app", MtlsArgs(spec, enrollment: kind == "enrollment" ? null : 4711)));
        var error = Assert.Single(errors, e => e.ToString().Contains($"property '{property}'", StringComparison.Ordinal));
        Assert.Contains(rule, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(Subject, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ca_certificates_known_only_at_deployment_are_left_to_akamai()
    {
        var program = SecretConfigHarness.SynthConforming(() => new EdgeFrontedApplication("app", MtlsArgs(new ClientCertificatesSpec
        {
            CaCertificates = [SecretConfigHarness.AccessKey()],
            CaSetName = "app-partners",
            PathPrefixes = ["/partners"],
        })));
        Assert.Contains($"certificatePem: \"${{{SecretConfigHarness.KeyName}}}\"", program, StringComparison.Ordinal);
    }
}
