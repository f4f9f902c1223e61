using EdgeInfra.Akamai;
using EdgeInfra.Akamai.Inputs;
using EdgeInfra.AzureNative.Network;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Random;
using EdgeInfra.TestSupport;
using EdgeInfra.Tls;
using EdgeInfra.Tls.Inputs;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>
/// Fixtures of <c>EdgeRules</c>. Most start from <see cref="Edge"/>, an application edge that passes every edge rule
/// (a stack origin trusting only the stack's CA, Origin IP ACL in front of a security group that admits the edge's
/// ranges, HSTS, an HTTP-to-HTTPS redirect, a DataStream stream, the origin secret in a sensitive variable) and change
/// one thing; the others state raw generated resources.
/// </summary>
internal static class EdgeRuleFixtures
{
    private const string PropertyId = "prp_424242";

    /// <summary>The edge-gateway bundle of the repository, with its committed lock.</summary>
    private static readonly string GatewayBundle = RepositoryRoot.Combine("components", "edgeworkers", "bundles", "edge-gateway");

    private static readonly string FixtureRoot = Path.Combine(Path.GetTempPath(), "edgeinfra-policy-fixtures");

    public static IEnumerable<RuleFixture> All =>
    [
        // EI-EDGE-001 HTTPS redirect
        new("EI-EDGE-001", "a property whose first rule redirects HTTP to HTTPS", true, () => Build(new Edge())),
        new("EI-EDGE-001", "a property whose HSTS behavior redirects HTTP to HTTPS", true, () => Build(new Edge { Redirect = [], Hsts = Behavior.Custom("httpStrictTransportSecurity", new Dictionary<string, object?> { ["enable"] = true, ["maxAge"] = "ONE_YEAR", ["includeSubDomains"] = false, ["preload"] = false, ["redirect"] = true, ["redirectStatusCode"] = 301 }) })),
        new("EI-EDGE-001", "JSON rules with a top-level HTTP-to-HTTPS redirect", true, () => RawProperty("raw", rules: """{"rules":{"name":"default","behaviors":[],"children":[{"name":"Redirect","criteriaMustSatisfy":"all","criteria":[{"name":"requestProtocol","options":{"value":"HTTP"}}],"behaviors":[{"name":"redirect","options":{"destinationProtocol":"HTTPS","destinationHostname":"SAME_AS_REQUEST","destinationPath":"SAME_AS_REQUEST","queryString":"APPEND","responseCode":301}}],"children":[]}]}}""")),
        new("EI-EDGE-001", "JSON rules whose redirect also needs a path", false, () => RawProperty("raw", rules: """{"rules":{"name":"default","behaviors":[],"children":[{"name":"Redirect","criteriaMustSatisfy":"all","criteria":[{"name":"requestProtocol","options":{"value":"HTTP"}},{"name":"path","options":{"matchOperator":"MATCHES_ONE_OF","values":["/app/*"]}}],"behaviors":[{"name":"redirect","options":{"destinationProtocol":"HTTPS"}}],"children":[]}]}}""")),
        new("EI-EDGE-001", "a property without a redirect to HTTPS", false, () => Build(new Edge { Redirect = [] })),
        new("EI-EDGE-001", "a redirect rule limited to another hostname", false, () => Build(new Edge { Redirect = [RedirectRule(Criterion.Hostname(["other.example.com"]))] })),
        new("EI-EDGE-001", "a property whose rules are a deploy-time value", false, () => RawProperty("raw", rules: Output.Format($"{{\"rules\":{{\"name\":\"default\",\"comments\":\"{Uuid("raw-comment").Result}\"}}}}"))),

        // EI-EDGE-002 origin verification
        new("EI-EDGE-002", "an origin that trusts only the stack's CA", true, () => Build(new Edge())),
        new("EI-EDGE-002", "a third-party origin verified against akamai-permissive with its own name", true, () => Build(new Edge { Rules = [IdentityProviderRule(new OriginOptions { Hostname = "login.example.com", ForwardHostHeader = "ORIGIN_HOSTNAME", CustomValidCnValues = ["{{Origin Hostname}}"] })] })),
        new("EI-EDGE-002", "an origin left to Akamai's platform settings", false, () => Build(new Edge { Origin = (hostname, _) => new OriginOptions { Hostname = hostname, VerificationMode = "PLATFORM_SETTINGS" } })),
        new("EI-EDGE-002", "an origin that honors standard CAs but names no CA set", false, () => Build(new Edge { Rules = [IdentityProviderRule(new OriginOptions { Hostname = "login.example.com", StandardCertificateAuthorities = [] })] })),
        new("EI-EDGE-002", "an origin that matches no CN or SAN value", false, () => Build(new Edge { Origin = (hostname, ca) => OriginOptions.TrustingOnly(hostname, ca) with { CustomValidCnValues = [] } })),
        new("EI-EDGE-002", "a third-party verification without CA sets or names", false, () => Build(new Edge { Rules = [IdentityProviderRule(new OriginOptions { Hostname = "login.example.com", VerificationMode = "THIRD_PARTY" })] })),
        new("EI-EDGE-002", "JSON rules whose origin leaves verificationMode unset", false, () => RawProperty("raw", rules: """{"rules":{"name":"default","behaviors":[{"name":"origin","options":{"originType":"CUSTOMER","hostname":"origin.example.com","originSni":true}}],"children":[]}}""")),

        // EI-EDGE-003 the stack's origins trust only the stack's CA
        new("EI-EDGE-003", "the stack's origin trusts only the stack's CA", true, () => Build(new Edge())),
        new("EI-EDGE-003", "a third-party origin may trust the standard CA set", true, () => Build(new Edge { Rules = [IdentityProviderRule(new OriginOptions { Hostname = "login.example.com", CustomValidCnValues = ["{{Origin Hostname}}"] })] })),
        new("EI-EDGE-003", "the stack's origin trusts akamai-permissive", false, () => Build(new Edge { Origin = (hostname, _) => new OriginOptions { Hostname = hostname } })),
        new("EI-EDGE-003", "the stack's origin trusts its CA and the standard set (COMBO)", false, () => Build(new Edge { Origin = (hostname, ca) => OriginOptions.TrustingOnly(hostname, ca) with { OriginCertsToHonor = "COMBO", StandardCertificateAuthorities = ["akamai-permissive"] } })),

        // EI-EDGE-004 Site Shield or Origin IP ACL behind an edge-only security group
        new("EI-EDGE-004", "Origin IP ACL in front of an edge-only security group", true, () => Build(new Edge())),
        new("EI-EDGE-004", "Site Shield in front of an edge-only security group", true, () => Build(new Edge { OriginProtection = Behavior.SiteShield("s123.akamaiedge.net") })),
        new("EI-EDGE-004", "no origin protection and no edge-only security group", true, () => Build(new Edge { OriginProtection = null, EdgeOnlySecurityGroup = false })),
        new("EI-EDGE-004", "an edge-only security group without Site Shield or Origin IP ACL", false, () => Build(new Edge { OriginProtection = null })),
        new("EI-EDGE-004", "a standalone security rule admitting only edge ranges, without origin protection", false, () =>
        {
            Build(new Edge { OriginProtection = null, EdgeOnlySecurityGroup = false });
            _ = new SecurityRule("origin-edge-https", new SecurityRuleArgs
            {
                ResourceGroupName = "rg-fixture",
                NetworkSecurityGroupName = "nsg-origin",
                Priority = 100,
                Direction = "Inbound",
                Access = "Allow",
                Protocol = "Tcp",
                SourceAddressPrefix = "203.0.113.0/24",
                SourcePortRange = "*",
                DestinationAddressPrefix = "*",
                DestinationPortRanges = ["80", "400-500"],
            });
        }),
        new("EI-EDGE-004", "a rule that turns Origin IP ACL off", false, () => Build(new Edge { Rules = [new Rule { Name = "Legacy", Criteria = [Criterion.Path(["/legacy/*"])], Behaviors = [Behavior.Custom("originIpAcl", new Dictionary<string, object?> { ["enable"] = false })] }] })),

        // EI-EDGE-005 DataStream
        new("EI-EDGE-005", "a property that logs to the stack's active stream", true, () => Build(new Edge())),
        new("EI-EDGE-005", "a property whose rules are unset", false, () => RawProperty("raw", ruleFormat: RuleFormat.Pinned)),
        new("EI-EDGE-005", "a property without the datastream behavior", false, () => Build(new Edge { Logs = null })),
        new("EI-EDGE-005", "a datastream behavior naming a stream the stack does not create", false, () => Build(new Edge { Logs = _ => Behavior.DataStream(["12345"]) })),
        new("EI-EDGE-005", "a stream that is not active", false, () => Build(new Edge { StreamActive = false })),
        new("EI-EDGE-005", "a stream that does not monitor the property", false, () => Build(new Edge { StreamPropertyIds = ["prp_999"] })),
        new("EI-EDGE-005", "a rule that turns log collection off", false, () => Build(new Edge { Rules = [new Rule { Name = "Health", Criteria = [Criterion.Path(["/health"])], Behaviors = [Behavior.Custom("datastream", new Dictionary<string, object?> { ["streamType"] = "LOG", ["logEnabled"] = false })] }] })),

        // EI-EDGE-006 STAGING before PRODUCTION
        new("EI-EDGE-006", "property and EdgeWorker activate on PRODUCTION after STAGING", true, () => { Build(new Edge { ActivateProduction = true }); Deployment("gw", production: true); }),
        new("EI-EDGE-006", "a property activated on PRODUCTION only", false, () => RawActivations(staging: false, dependsOnStaging: false)),
        new("EI-EDGE-006", "a PRODUCTION activation that does not wait for STAGING", false, () => RawActivations(staging: true, dependsOnStaging: false)),
        new("EI-EDGE-006", "an EdgeWorker version on PRODUCTION without waiting for STAGING", false, () => RawEdgeWorkerActivations(dependsOnStaging: false)),
        new("EI-EDGE-006", "an activation whose network is a deploy-time value", false, () => RawActivations(staging: true, dependsOnStaging: true, productionNetwork: Uuid("network").Result)),

        // EI-EDGE-007 JWT algorithms
        new("EI-EDGE-007", "the edge gateway allowing RS256 only", true, () => Deployment("gw", production: false)),
        new("EI-EDGE-007", "a bundle without a JWT gate", true, () => Deployment("plain", production: false, bundle: BundleWith("plain", config: null))),
        new("EI-EDGE-007", "a gateway that also accepts alg none", false, () => Deployment("gw", production: false, bundle: BundleWith("alg-none", config: """{"jwt":{"algorithms":["RS256","none"]}}"""))),
        new("EI-EDGE-007", "a gateway with an empty algorithm list", false, () => Deployment("gw", production: false, bundle: BundleWith("alg-empty", config: """{"jwt":{"algorithms":[]}}"""))),
        new("EI-EDGE-007", "a gateway naming an unknown algorithm", false, () => Deployment("gw", production: false, bundle: BundleWith("alg-unknown", config: """{"jwt":{"algorithms":["RS256","XS1"]}}"""))),

        // EI-EDGE-008 secret variables
        new("EI-EDGE-008", "the origin secret in a hidden, sensitive variable", true, () => Build(new Edge())),
        new("EI-EDGE-008", "a visible variable that holds no secret", true, () => Build(new Edge { Variables = _ => [RuleVariable.Visible("PMUSER_ORIGIN_GROUP", "", "The origin group.")] })),
        new("EI-EDGE-008", "a generated password in a hidden but not sensitive variable", false, () => Build(new Edge { Variables = password => [new RuleVariable { Name = "PMUSER_ORIGIN_VALUE", Value = password.Result, Hidden = true }] })),
        new("EI-EDGE-008", "JSON rules declaring a secret variable that is hidden only", false, () => RawProperty("raw", rules: """{"rules":{"name":"default","behaviors":[],"children":[],"variables":[{"name":"PMUSER_ORIGIN_SECRET","value":"","description":"","hidden":true,"sensitive":false}]}}""")),
        new("EI-EDGE-008", "a visible variable named as a token", false, () => Build(new Edge { Variables = _ => [RuleVariable.Visible("PMUSER_API_TOKEN", "t0k3n", "An API token.")] })),

        // EI-EDGE-009 EdgeWorker versions pinned and locked
        new("EI-EDGE-009", "an EdgeWorker deployed from its locked bundle", true, () => Deployment("gw", production: true)),
        new("EI-EDGE-009", "a raw EdgeWorker activated on the version it reports", false, () => RawEdgeWorkerActivations(dependsOnStaging: true, version: edgeWorker => edgeWorker.Version)),
        new("EI-EDGE-009", "an activation of the 'latest' version of a deployed EdgeWorker", false, () =>
        {
            var deployment = Deployment("gw", production: false);
            _ = new EdgeWorkersActivation("gw-latest", new EdgeWorkersActivationArgs { EdgeworkerId = deployment.EdgeWorkerId, Network = "STAGING", Version = "latest" });
        }),

        // EI-EDGE-010 rule format
        new("EI-EDGE-010", "a property in the pinned rule format", true, () => Build(new Edge())),
        new("EI-EDGE-010", "a property on the latest rule format", false, () => RawProperty("raw", ruleFormat: "latest")),
        new("EI-EDGE-010", "a property that leaves the rule format unset", false, () => RawProperty("raw", ruleFormat: null)),

        // EI-EDGE-011 certificate lifetimes
        new("EI-EDGE-011", "a 30-day server certificate renewed 10 days early from a 5-year CA", true, () => Certificates(validityHours: 720, earlyRenewalHours: 240)),
        new("EI-EDGE-011", "a one-year server certificate", false, () => Certificates(validityHours: 8760, earlyRenewalHours: 240)),
        new("EI-EDGE-011", "a 30-day server certificate without early renewal", false, () => Certificates(validityHours: 720, earlyRenewalHours: null)),
        new("EI-EDGE-011", "a self-signed server certificate for a year", false, () => SelfSigned("self", hours: 8760)),

        // EI-EDGE-012 HSTS
        new("EI-EDGE-012", "a property sending HSTS for a year", true, () => Build(new Edge())),
        new("EI-EDGE-012", "a property without HSTS", false, () => Build(new Edge { Hsts = null })),
        new("EI-EDGE-012", "HSTS with a zero max age", false, () => Build(new Edge { Hsts = Behavior.StrictTransportSecurity("ZERO_MINS") })),

        // EI-EDGE-013 origin SNI and TLS
        new("EI-EDGE-013", "origins with SNI and the default TLS versions", true, () => Build(new Edge())),
        new("EI-EDGE-013", "an origin without SNI", false, () => Build(new Edge { Origin = (hostname, ca) => OriginOptions.TrustingOnly(hostname, ca) with { OriginSni = false } })),
        new("EI-EDGE-013", "an origin that allows TLS 1.1", false, () => Build(new Edge
        {
            Rules = [new Rule
            {
                Name = "Old origin",
                Criteria = [Criterion.Path(["/old/*"])],
                Behaviors = [Behavior.Custom("origin", new Dictionary<string, object?>(new OriginOptions { Hostname = "old.example.com", CustomValidCnValues = ["{{Origin Hostname}}"] }.ToOptions()) { ["minTlsVersion"] = "TLSV1_1" })],
            }],
        })),

        // EI-EDGE-014 DataStream fields
        new("EI-EDGE-014", "a stream of the audit-trail fields", true, () => Build(new Edge())),
        new("EI-EDGE-014", "a stream without client IP and status", false, () => Build(new Edge { StreamFields = [DataStreamField.RequestTime, DataStreamField.RequestHost, DataStreamField.RequestPath] })),

        // EI-EDGE-015 CA sets without SHA-1
        new("EI-EDGE-015", "a CA set that refuses SHA-1", true, () => CaSet(allowSha1: false)),
        new("EI-EDGE-015", "a CA set that leaves SHA-1 at its default", true, () => CaSet(allowSha1: null)),
        new("EI-EDGE-015", "a CA set that accepts SHA-1", false, () => CaSet(allowSha1: true)),
    ];

    /// <summary>
    /// An application edge; every default passes every edge rule. <see cref="Origin"/> gets the stack origin's hostname and
    /// the stack CA's certificate; <see cref="Variables"/> gets the generated origin secret.
    /// </summary>
    private sealed record Edge
    {
        public Func<Input<string>, Input<string>, OriginOptions> Origin { get; init; } = (hostname, ca) => OriginOptions.TrustingOnly(hostname, ca);

        public Behavior? OriginProtection { get; init; } = Behavior.OriginIpAcl();

        public Behavior? Hsts { get; init; } = Behavior.StrictTransportSecurity();

        public Func<EdgeLogStream, Behavior>? Logs { get; init; } = stream => stream.PropertyBehavior;

        public bool StreamActive { get; init; } = true;

        public IReadOnlyList<Input<string>> StreamPropertyIds { get; init; } = [PropertyId];

        public IReadOnlyList<DataStreamField> StreamFields { get; init; } = DataStreamField.AuditTrail;

        public bool EdgeOnlySecurityGroup { get; init; } = true;

        public IReadOnlyList<Rule> Redirect { get; init; } = [RedirectRule()];

        public IReadOnlyList<Rule> Rules { get; init; } = [];

        public Func<RandomPassword, IReadOnlyList<RuleVariable>> Variables { get; init; } = password => [RuleVariable.Secret("PMUSER_ORIGIN_SECRET", "Sent to the origin.", password.Result)];

        public bool ActivateProduction { get; init; }
    }

    private static void Build(Edge edge)
    {
        var caKey = new PrivateKey("ca-key", new PrivateKeyArgs { Algorithm = "RSA", RsaBits = 2048 });
        var ca = new SelfSignedCert("ca", new SelfSignedCertArgs
        {
            PrivateKeyPem = caKey.PrivateKeyPem,
            IsCaCertificate = true,
            ValidityPeriodHours = 43800,
            AllowedUses = ["cert_signing", "crl_signing"],
            Subject = new SelfSignedCertSubjectArgs { CommonName = "fixture origin CA" },
        });
        var originIp = new PublicIPAddress("origin-pip", new PublicIPAddressArgs
        {
            ResourceGroupName = "rg-fixture",
            Location = "westeurope",
            Sku = new NetworkInputs.PublicIPAddressSkuArgs { Name = "Standard" },
            PublicIPAllocationMethod = "Static",
            DnsSettings = new NetworkInputs.PublicIPAddressDnsSettingsArgs { DomainNameLabel = "fixture-origin" },
        });
        if (edge.EdgeOnlySecurityGroup)
        {
            _ = new NetworkSecurityGroup("origin-nsg", new NetworkSecurityGroupArgs
            {
                ResourceGroupName = "rg-fixture",
                Location = "westeurope",
                SecurityRules =
                [
                    new NetworkInputs.SecurityRuleArgs
                    {
                        Name = "AllowEdgeHttpsInbound",
                        Priority = 100,
                        Direction = "Inbound",
                        Access = "Allow",
                        Protocol = "Tcp",
                        SourceAddressPrefixes = ["203.0.113.0/24", "198.51.100.0/24"],
                        SourcePortRange = "*",
                        DestinationAddressPrefix = "*",
                        DestinationPortRange = "443",
                    },
                ],
            });
        }

        var stream = new EdgeLogStream("logs", new EdgeLogStreamArgs
        {
            ResourceGroupName = "rg-fixture",
            Location = "westeurope",
            ContractId = "ctr_C-1",
            GroupId = "grp_12345",
            PropertyIds = edge.StreamPropertyIds,
            StreamName = "fixture-edge-logs",
            NotificationEmails = ["soc@example.com"],
            StorageAccountName = "fixtureedgelogs",
            ContainerName = "edge-logs",
            Active = edge.StreamActive,
            DatasetFields = edge.StreamFields,
        });
        var password = new RandomPassword("origin-secret", new RandomPasswordArgs { Length = 32, Special = false });

        List<Behavior> behaviors = [.. new[] { edge.OriginProtection, edge.Hsts }.OfType<Behavior>()];
        if (edge.Logs is { } logs)
        {
            behaviors.Add(logs(stream));
        }

        _ = new EdgeProperty("property", new EdgePropertyArgs
        {
            PropertyId = PropertyId,
            ContractId = "ctr_C-1",
            GroupId = "grp_12345",
            ProductId = "prd_Fresca",
            PropertyName = "fixture-app",
            Hostnames = ["app.example.com"],
            EdgeHostname = "app.example.com.edgesuite.net",
            Origin = edge.Origin(originIp.DnsSettings.Fqdn, ca.CertPem),
            DefaultBehaviors = behaviors,
            Rules = [.. edge.Redirect, .. edge.Rules],
            Variables = edge.Variables(password),
            ActivationContacts = ["ops@example.com"],
            ActivationNote = "policy fixture",
            ActivateProduction = edge.ActivateProduction,
            AcknowledgeProductionRuleWarnings = edge.ActivateProduction ? true : null,
        });
    }

    private static Rule RedirectRule(params Criterion[] extra) => new()
    {
        Name = "Redirect HTTP to HTTPS",
        Criteria = [Criterion.RequestProtocol("HTTP"), .. extra],
        Behaviors = [Behavior.RedirectToHttps()],
    };

    /// <summary>A rule serving a path from an identity provider's host, as the JWKS relay does.</summary>
    private static Rule IdentityProviderRule(OriginOptions origin) => new()
    {
        Name = "JWKS relay",
        Criteria = [Criterion.Path(["/.well-known/jwks.json"])],
        Behaviors = [Behavior.NoMtlsOriginKeystore(), Behavior.Origin(origin)],
    };

    private static RandomUuid Uuid(string name) => new(name, new RandomUuidArgs());

    private static Property RawProperty(string name, Input<string>? rules = null, Input<string>? ruleFormat = null) =>
        new(name, new PropertyArgs
        {
            ContractId = "ctr_C-1",
            GroupId = "grp_12345",
            ProductId = "prd_Fresca",
            Name = "raw-fixture",
            RuleFormat = ruleFormat,
            Rules = rules,
            Hostnames =
            [
                new PropertyHostnameArgs { CnameFrom = "raw.example.com", CnameTo = "raw.example.com.edgesuite.net", CertProvisioningType = "DEFAULT" },
            ],
        });

    private static void RawActivations(bool staging, bool dependsOnStaging, Input<string>? productionNetwork = null)
    {
        var property = RawProperty("raw", rules: """{"rules":{"name":"default","behaviors":[],"children":[]}}""", ruleFormat: RuleFormat.Pinned);
        PropertyActivation? first = null;
        if (staging)
        {
            first = new PropertyActivation("raw-staging", new PropertyActivationArgs { PropertyId = property.Id, Version = property.LatestVersion, Network = "STAGING", Contacts = ["ops@example.com"] });
        }

        var options = new CustomResourceOptions();
        if (dependsOnStaging && first is not null)
        {
            options.DependsOn.Add(first);
        }

        _ = new PropertyActivation("raw-production", new PropertyActivationArgs { PropertyId = property.Id, Version = property.LatestVersion, Network = productionNetwork ?? "PRODUCTION", Contacts = ["ops@example.com"] }, options);
    }

    private static void RawEdgeWorkerActivations(bool dependsOnStaging, Func<EdgeWorker, Input<string>>? version = null)
    {
        var edgeWorker = new EdgeWorker("raw-ew", new EdgeWorkerArgs { GroupId = 12345, ResourceTierId = 200, Name = "raw-ew", LocalBundle = "bundles/raw-ew-1.0.0.tgz" });
        var pinned = version?.Invoke(edgeWorker) ?? "1.0.0";
        var staging = new EdgeWorkersActivation("raw-ew-staging", new EdgeWorkersActivationArgs { EdgeworkerId = edgeWorker.EdgeworkerId, Network = "STAGING", Version = pinned });
        var options = new CustomResourceOptions();
        if (dependsOnStaging)
        {
            options.DependsOn.Add(staging);
        }

        _ = new EdgeWorkersActivation("raw-ew-production", new EdgeWorkersActivationArgs { EdgeworkerId = edgeWorker.EdgeworkerId, Network = "PRODUCTION", Version = pinned }, options);
    }

    private static EdgeWorkerDeployment Deployment(string name, bool production, string? bundle = null) =>
        new(name, new EdgeWorkerDeploymentArgs
        {
            GroupId = 12345,
            BundleDirectory = bundle ?? GatewayBundle,
            ActivateProduction = production,
            OutputDirectory = Path.Combine(FixtureRoot, "out"),
        });

    /// <summary>A bundle directory (rewritten and locked on every call) with <paramref name="config"/> as its config.json, if any.</summary>
    private static string BundleWith(string name, string? config)
    {
        var directory = Path.Combine(FixtureRoot, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "main.js"), "export function onClientRequest(request) {}\n");
        File.WriteAllText(Path.Combine(directory, "bundle.json"), "{\n  \"edgeworker-version\": \"1.0.0\"\n}\n");
        var configPath = Path.Combine(directory, "config.json");
        if (config is null)
        {
            File.Delete(configPath);
        }
        else
        {
            File.WriteAllText(configPath, config);
        }

        File.Delete(Path.Combine(directory, EdgeWorkerBundleLock.FileName));
        EdgeWorkerBundle.WriteLock(directory);
        return directory;
    }

    private static void SelfSigned(string name, int hours)
    {
        var key = new PrivateKey($"{name}-key", new PrivateKeyArgs { Algorithm = "RSA", RsaBits = 2048 });
        _ = new SelfSignedCert(name, new SelfSignedCertArgs
        {
            PrivateKeyPem = key.PrivateKeyPem,
            ValidityPeriodHours = hours,
            EarlyRenewalHours = 240,
            AllowedUses = ["server_auth", "digital_signature"],
            Subject = new SelfSignedCertSubjectArgs { CommonName = "origin.example.com" },
        });
    }

    private static void Certificates(int validityHours, int? earlyRenewalHours)
    {
        var caKey = new PrivateKey("ca-key", new PrivateKeyArgs { Algorithm = "RSA", RsaBits = 2048 });
        var ca = new SelfSignedCert("ca", new SelfSignedCertArgs
        {
            PrivateKeyPem = caKey.PrivateKeyPem,
            IsCaCertificate = true,
            ValidityPeriodHours = 43800,
            AllowedUses = ["cert_signing", "crl_signing"],
            Subject = new SelfSignedCertSubjectArgs { CommonName = "fixture CA" },
        });
        var serverKey = new PrivateKey("server-key", new PrivateKeyArgs { Algorithm = "RSA", RsaBits = 2048 });
        var request = new CertRequest("server-csr", new CertRequestArgs
        {
            PrivateKeyPem = serverKey.PrivateKeyPem,
            DnsNames = ["origin.example.com"],
            Subject = new CertRequestSubjectArgs { CommonName = "origin.example.com" },
        });
        _ = new LocallySignedCert("server", new LocallySignedCertArgs
        {
            CertRequestPem = request.CertRequestPem,
            CaPrivateKeyPem = caKey.PrivateKeyPem,
            CaCertPem = ca.CertPem,
            ValidityPeriodHours = validityHours,
            EarlyRenewalHours = earlyRenewalHours,
            AllowedUses = ["server_auth", "digital_signature", "key_encipherment"],
        });
    }

    private static void CaSet(bool? allowSha1) =>
        _ = new MtlstruststoreCaSet("client-ca", new MtlstruststoreCaSetArgs
        {
            Name = "fixture-client-ca",
            AllowInsecureSha1 = allowSha1,
            Certificates = [new MtlstruststoreCaSetCertificateArgs { CertificatePem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n" }],
        });
}
