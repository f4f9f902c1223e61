using EdgeInfra.Akamai;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Components.Identity;

namespace EdgeInfra.Components.Application;

/// <summary>
/// An application served through Akamai from origin VMs in Azure, declared as one graph: what the edge needs from
/// Azure (origin hostnames, the origin secret) and what Azure needs from the edge (its egress ranges, the origin
/// header) flow through references, never copied values.
/// </summary>
/// <remarks>
/// <para>Children (names prefixed with the component's name):</para>
/// <list type="bullet">
/// <item>per region <c>{region}-net</c> (<see cref="OriginNetwork"/>: one <c>origin</c> subnet with the
/// <c>Microsoft.KeyVault</c> service endpoint, whose security group admits only <see cref="EdgeFrontedApplicationArgs.EdgeCidrs"/>
/// on 443), <c>{region}-origin</c> (<see cref="OriginVmCluster"/>) and <c>{region}-backup</c> (<see cref="BackupProtection"/>
/// in the region, protecting every VM of the cluster as <c>vm-{n}</c>);</item>
/// <item><c>vault</c> (<see cref="SecretsVault"/>, reachable only from the origin subnets) holding the generated origin
/// secret; each cluster's identity may read that one secret and nothing else;</item>
/// <item><c>gateway</c> (<see cref="EdgeWorkerDeployment"/> of the edge-gateway bundle: JWT gate, <c>X-Edge-*</c>
/// headers, origin secret header, routing by country to a region's conditional origin);</item>
/// <item><c>property</c> (<see cref="EdgeProperty"/>): default origin the first region's load balancer, the EdgeWorker,
/// the origin secret as the sensitive variable <see cref="OriginSecretVariable"/> that a <c>modifyOutgoingRequestHeader</c>
/// behavior sends to the origin, Origin IP ACL (or Site Shield), HTTPS only, the allowed methods, origins verified against
/// the stack's own CA (<c>origin-ca</c>, <see cref="OriginCertificateAuthority"/>), and a last rule of conditional origins
/// <c>origin_{region}</c>; each activation waits for the EdgeWorker's activation on the same network;</item>
/// <item><c>monitoring</c> (<see cref="Observability"/>: every VM gets the Azure Monitor agent and every resource that
/// supports one a diagnostic setting) and, with <see cref="EdgeFrontedApplicationArgs.EdgeLogs"/>, <c>edge-logs</c>
/// (<see cref="EdgeLogStream"/>).</item>
/// </list>
/// <para>
/// The origin secret is one <c>random</c> password: stored in Key Vault (the VMs read it at boot with their
/// identity) and given to the edge as the property variable, so both ends always hold the same value and rotating
/// it (<see cref="GeneratedSecretSpec.Keepers"/>) changes both in one deployment. The property's rules hold it, so
/// Pulumi keeps the property's <c>rules</c> secret in its state.
/// </para>
/// </remarks>
public sealed class EdgeFrontedApplication : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:application:EdgeFrontedApplication";

    /// <summary>The sensitive property variable that carries the origin secret to the edge gateway.</summary>
    public const string OriginSecretVariable = "PMUSER_ORIGIN_SECRET";

    /// <summary>The property variable the edge gateway writes the chosen origin group to.</summary>
    public const string OriginGroupVariable = "PMUSER_ORIGIN_GROUP";

    /// <summary>The property variable holding the token issuer the gateway expects when it is known only at deployment (Entra ID's tenant).</summary>
    public const string JwtIssuerVariable = "PMUSER_JWT_ISSUER";

    /// <summary>The property variable holding the token audience the gateway expects when it is known only at deployment (the Entra ID application's client id).</summary>
    public const string JwtAudienceVariable = "PMUSER_JWT_AUDIENCE";

    /// <summary>The name of each region's origin subnet.</summary>
    public const string OriginSubnetName = "origin";

    /// <summary>The name of the first property rule, which redirects plain HTTP to HTTPS.</summary>
    public const string RedirectToHttpsRuleName = "Redirect HTTP to HTTPS";

    /// <summary>The name of the property rule that defines the regions' conditional origins.</summary>
    public const string ConditionalOriginsRuleName = "Conditional origins";

    /// <summary>Creates the application named <paramref name="name"/>.</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/> are invalid; every problem is listed.</exception>
    public EdgeFrontedApplication(string name, EdgeFrontedApplicationArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        EdgeFrontedApplicationValidation.Validate(name, args);
        var child = new ComponentResourceOptions { Parent = this };

        Monitoring = new Observability("monitoring", new ObservabilityArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = args.Tags,
            Lock = args.Lock,
            RetentionInDays = args.LogRetentionDays,
            AlertEmails = args.AlertEmails,
        }, child);

        Networks = [.. args.Regions.Select(region => new OriginNetwork($"{region.Name}-net", new OriginNetworkArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            Location = region.Location,
            Tags = args.Tags,
            Lock = args.Lock,
            AddressSpace = [region.AddressSpace],
            Subnets = [new SubnetSpec { Name = OriginSubnetName, AddressPrefix = region.OriginSubnet, ServiceEndpoints = [SecretsVault.KeyVaultServiceEndpoint] }],
            EdgeCidrs = args.EdgeCidrs,
        }, child))];

        Vault = new SecretsVault("vault", new SecretsVaultArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = args.Tags,
            Lock = args.Lock,
            VaultName = args.VaultName,
            AllowedSubnets = [.. Networks.Select(network => network.Subnet(OriginSubnetName))],
        }, child);
        OriginSecret = Vault.AddGeneratedSecret(args.OriginSecretName, args.OriginSecret);
        var originClient = OriginClientCertificate.Create(this, args, Vault);
        OriginClientCertificateResource = originClient.Certificate;
        OriginCertificateAuthority = new OriginCertificateAuthority("origin-ca", new OriginCertificateAuthorityArgs
        {
            CommonName = ValidatedInput.Format($"{args.PropertyName} origin CA"),
            Generations = args.OriginCaGenerations,
            IssuingGeneration = args.OriginCaIssuingGeneration,
            Lock = args.Lock.Kind,
        }, child);

        var clusters = new List<OriginVmCluster>();
        var backups = new List<BackupProtection>();
        var certificateExpiry = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Regions.Count; i++)
        {
            var region = args.Regions[i];
            var flavor = args.FlavorOf(region);
            var cluster = new OriginVmCluster($"{region.Name}-origin", new OriginVmClusterArgs
            {
                ResourceGroupName = args.ResourceGroupName,
                Location = region.Location,
                Tags = args.Tags,
                Lock = args.Lock,
                Flavor = flavor,
                SubnetId = Networks[i].SubnetId(OriginSubnetName),
                Count = region.VmCount,
                Zones = region.Zones,
                VmSize = region.VmSize,
                DomainNameLabel = region.DomainNameLabel,
                KeyVaultId = Vault.VaultId,
                KeyVaultUri = Vault.VaultUri,
                KeyVaultName = flavor == OriginFlavor.Iis ? (Input<string>)Vault.VaultName : null,
                OriginSecretName = OriginSecret.Name,
                OriginSecretScope = OriginSecret.Secret.Id,
                OriginAuthHeaderName = args.OriginAuthHeaderName,
                AdminSshPublicKey = flavor == OriginFlavor.Iis ? null : args.AdminSshPublicKey,
                TlsCertificateSecretName = TlsSecretName(region),
                EdgeClientCertificate = originClient.Trust,
                Routes = args.Routes,
            }, child);
            clusters.Add(cluster);

            // Every flavor serves the stack CA's certificate for its hostname; its identity may read that one secret.
            var certificate = OriginCertificateAuthority.IssueServerCertificate($"{region.Name}-origin-tls", cluster.OriginHostname, Vault, TlsSecretName(region));
            certificateExpiry[region.Name] = certificate.ValidityEndTime;
            RoleAssignments.Grant(this, $"{region.Name}-origin-tls-user", certificate.Secret.Id, BuiltInRole.KeyVaultSecretsUser, cluster.IdentityPrincipalId);
            RoleAssignments.Grant(this, $"{region.Name}-edge-client-ca-user", originClient.CaSecret.Id, BuiltInRole.KeyVaultSecretsUser, cluster.IdentityPrincipalId);

            var backup = new BackupProtection($"{region.Name}-backup", new BackupProtectionArgs
            {
                ResourceGroupName = args.ResourceGroupName,
                Location = region.Location,
                Tags = args.Tags,
                Lock = args.Lock,
                VaultName = region.BackupVaultName,
                DailyRetentionDays = args.BackupDailyRetentionDays,
                WeeklyRetentionWeeks = args.BackupWeeklyRetentionWeeks,
            }, child);
            for (var n = 0; n < cluster.VirtualMachines.Count; n++)
            {
                var vm = cluster.VirtualMachines[n];
                backup.Protect($"vm-{n + 1}", vm.Id, vm.Name, args.ResourceGroupName);
            }

            backups.Add(backup);
        }

        Clusters = clusters;
        Backups = backups;
        OriginCertificateExpiry = certificateExpiry;
        OriginHostnames = args.Regions.Select((region, i) => (region.Name, clusters[i].OriginHostname))
            .ToDictionary(pair => pair.Name, pair => pair.OriginHostname, StringComparer.Ordinal);

        if (args.EntraApi is { } entraApi)
        {
            Entra = new EntraApiRegistration("entra", entraApi.RegistrationArgs(args.PropertyName, args.Routes ?? [], args.Lock.Kind), child);
        }

        var jwksRelay = Entra is null ? JwksRelay.For(args) : JwksRelay.ForEntra(args, Entra, args.EntraApi!.JwksCacheSeconds);
        var clientCertificates = ClientCertificateGate.For(args, child);
        ClientCaSet = clientCertificates?.CaSet;
        Gateway = new EdgeWorkerDeployment("gateway", new EdgeWorkerDeploymentArgs
        {
            GroupId = EdgeFrontedApplicationValidation.GroupNumber(args.GroupId.Value),
            BundleDirectory = args.EdgeWorkerBundleDirectory,
            Name = ValidatedInput.Format($"{args.PropertyName}-gateway"),
            ResourceTier = args.EdgeWorkerResourceTier,
            ActivateProduction = args.ActivateProduction,
            OutputDirectory = args.EdgeWorkerOutputDirectory,
            Config = GatewayConfig(args, jwksRelay) with { ClientCertificates = clientCertificates?.GatewayConfig },
        }, child);

        if (args.EdgeLogs is { } logs)
        {
            (PropertyBootstrap, EdgeLogs) = StreamEdgeLogs(args, logs, child);
        }

        Property = new EdgeProperty("property", new EdgePropertyArgs
        {
            PropertyId = PropertyBootstrap is { } bootstrap ? (Input<string>)bootstrap.Id : null,
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
            PropertyName = args.PropertyName,
            Hostnames = args.Hostnames,
            EdgeHostname = args.EdgeHostname,
            CertificateEnrollmentId = args.CertificateEnrollmentId,
            CertProvisioningType = clientCertificates is null ? "DEFAULT" : ClientCertificateGate.CertProvisioningType,
            Origin = OriginOptions.TrustingOnly(clusters[0].OriginHostname, OriginCertificateAuthority.TrustedCertificatePems),
            DefaultBehaviors = [.. DefaultBehaviors(args, Gateway), originClient.PresentToOrigins(), .. EdgeLogsBehaviors()],
            Rules = [RedirectToHttps(Gateway), .. args.Rules ?? [], .. clientCertificates?.Rules ?? [], .. JwksRelayRules(jwksRelay, Gateway), ConditionalOrigins(args.Regions, clusters, OriginCertificateAuthority)],
            Variables = [.. Variables(args), .. EntraVariables(), .. clientCertificates is null ? [] : new[] { clientCertificates.Variable }],
            ActivationContacts = args.ActivationContacts,
            ActivationNote = args.ActivationNote,
            ActivateProduction = args.ActivateProduction,
            AcknowledgeProductionRuleWarnings = args.AcknowledgeProductionRuleWarnings,
            StagingDependsOn = [Gateway.StagingActivation, .. clientCertificates?.StagingDependsOn ?? []],
            ProductionDependsOn = [.. Gateway.ProductionActivation is { } gatewayProduction ? [gatewayProduction] : Array.Empty<Resource>(), .. clientCertificates?.ProductionDependsOn ?? []],
        }, child);

        if (args.JwtHmacSecret is not null)
        {
            // The property's variables are all the component's own (see Variables): the origin secret is always
            // sensitive, and only the HS256 key is hidden without being sensitive, by design.
            Property.Property.SuppressPolicy(
                "EI-EDGE-008",
                $"The HS256 key variable {args.Jwt!.HmacSecretVariable} is hidden (kept out of debug headers) but not sensitive: the edge gateway reads it with request.getVariable, which Akamai documents for PMUSER variables (https://techdocs.akamai.com/edgeworkers/docs/request-object) but not for sensitive ones (https://techdocs.akamai.com/property-mgr/docs/user-defined-vars). Compensating controls: the component adds no behavior that sends a variable to a response, cookie or log field, the key comes from secret config, and Pulumi keeps the property's rules secret in its state. Every other variable of this property is the component's own, and its origin secret is always sensitive.");
        }

        RequireEdgeRanges(args);
        RequirePreflight(
            $"The contract has Akamai's mTLS Edge Server to Origin (Limited Availability) with the Mutual TLS Origin Keystore: the stack creates the client certificate {originClient.CertificateName.Value} and the property presents it to every origin.",
            "Control Center > Mutual TLS Origin Keystore opens for the contract, or `akamai mtls-origin-keystore` lists its account CA certificates; otherwise ask the account team");
        if (jwksRelay is not null)
        {
            RequirePreflight(
                $"The identity provider's JWKS host {jwksRelay.ProviderHost} answers {jwksRelay.ProviderDisplay} from the Internet with a certificate from a public CA: the property fetches it there for the gateway, which reads it at {jwksRelay.RelayUrl}.",
                $"curl -sf {jwksRelay.ProviderDisplay} | jq '.keys | length' from outside your network; after activation, curl -sf {jwksRelay.RelayUrl} through the staging network");
        }

        var outputs = new Dictionary<string, object?>
        {
            ["edgeHostname"] = EdgeHostname,
            ["originHostname"] = OriginHostname,
            ["originHostnames"] = OriginHostnames,
            ["originCertificateExpiry"] = OriginCertificateExpiry,
            ["originCaExpiry"] = OriginCertificateAuthority.ValidityEndTime,
            ["vaultUri"] = VaultUri,
            ["workspaceId"] = WorkspaceId,
            ["propertyStagingVersion"] = Property.StagingVersion,
            ["edgeWorkerVersion"] = Gateway.Version,
        };
        if (Property.ProductionVersion is { } productionVersion)
        {
            outputs["propertyProductionVersion"] = productionVersion;
        }

        if (Entra is not null)
        {
            outputs["entraClientId"] = Entra.ClientId;
        }

        RegisterOutputs(outputs);
    }

    /// <summary>The Akamai-signed client certificate the property presents to the origins (mTLS Origin Keystore).</summary>
    public MtlskeystoreClientCertificateAkamai OriginClientCertificateResource { get; }

    /// <summary>The edge hostname the served hostnames CNAME to.</summary>
    public Output<string> EdgeHostname => Property.EdgeHostname;

    /// <summary>The first region's origin hostname: the property's default origin.</summary>
    public Output<string> OriginHostname => Clusters[0].OriginHostname;

    /// <summary>Every region's origin hostname, by region name.</summary>
    public IReadOnlyDictionary<string, Output<string>> OriginHostnames { get; }

    /// <summary>
    /// When each region's origin server certificate expires (RFC 3339, the <c>tls</c> provider's
    /// <c>validityEndTime</c>), by region name; the origins also log, and the stack alerts on, a certificate within
    /// 7 days of its expiry (<see cref="Azure.Monitoring.OriginCertificateExpiry"/>).
    /// </summary>
    public IReadOnlyDictionary<string, Output<string>> OriginCertificateExpiry { get; }

    /// <summary>The Key Vault's URI.</summary>
    public Output<string> VaultUri => Vault.VaultUri;

    /// <summary>The Log Analytics workspace's resource id.</summary>
    public Output<string> WorkspaceId => Monitoring.WorkspaceId;

    /// <summary>The property version active on STAGING.</summary>
    public Output<int> PropertyStagingVersion => Property.StagingVersion;

    /// <summary>The property version active on PRODUCTION; null without a PRODUCTION activation.</summary>
    public Output<int>? PropertyProductionVersion => Property.ProductionVersion;

    /// <summary>The EdgeWorker version both networks run (the bundle's version with its configuration suffix).</summary>
    public Output<string> EdgeWorkerVersion => Gateway.Version;

    /// <summary>The Akamai property.</summary>
    public EdgeProperty Property { get; }

    /// <summary>The edge gateway EdgeWorker.</summary>
    public EdgeWorkerDeployment Gateway { get; }

    /// <summary>The Key Vault.</summary>
    public SecretsVault Vault { get; }

    /// <summary>The private CA whose certificates the origins serve and the edge trusts, alone.</summary>
    public OriginCertificateAuthority OriginCertificateAuthority { get; }

    /// <summary>The origin secret shared by the edge and the origins.</summary>
    public GeneratedSecret OriginSecret { get; }

    /// <summary>The regions' networks, in region order.</summary>
    public IReadOnlyList<OriginNetwork> Networks { get; }

    /// <summary>The regions' VM clusters, in region order.</summary>
    public IReadOnlyList<OriginVmCluster> Clusters { get; }

    /// <summary>The regions' backup vaults, in region order.</summary>
    public IReadOnlyList<BackupProtection> Backups { get; }

    /// <summary>The workspace, agents and diagnostic settings.</summary>
    public Observability Monitoring { get; }

    /// <summary>The CA set of client → edge mTLS (<c>client-ca</c>); null without <see cref="EdgeFrontedApplicationArgs.ClientCertificates"/>.</summary>
    public ClientCaSet? ClientCaSet { get; }

    /// <summary>The API's registration in Entra ID (<c>entra</c>); null without <see cref="EdgeFrontedApplicationArgs.EntraApi"/>.</summary>
    public EntraApiRegistration? Entra { get; }

    /// <summary>The edge log stream; null without <see cref="EdgeFrontedApplicationArgs.EdgeLogs"/>.</summary>
    public EdgeLogStream? EdgeLogs { get; }

    /// <summary>The Key Vault secret that holds <paramref name="region"/>'s origin certificate: <c>{name}-origin-tls</c>.</summary>
    public static string TlsSecretName(OriginRegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return $"{region.Name}-origin-tls";
    }

    /// <summary>
    /// The property's bootstrap (<c>property-bootstrap</c>, <c>akamai:index/propertyBootstrap:PropertyBootstrap</c>),
    /// which creates the property before its rules exist, so that the stream can name the property and the property's
    /// rules the stream; null without <see cref="EdgeFrontedApplicationArgs.EdgeLogs"/>.
    /// </summary>
    public PropertyBootstrap? PropertyBootstrap { get; }

    /// <summary>The conditional origin id of <paramref name="region"/>: <c>origin_{name}</c>.</summary>
    public static string ConditionalOriginId(OriginRegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return $"origin_{region.Name}";
    }

    /// <summary>
    /// The edge logs without a second deployment. The stream needs the property's id and the property's rules need
    /// the stream's id: a cycle. A <c>PropertyBootstrap</c> breaks it (Akamai's Terraform provider 5.x: "create,
    /// read, update and delete property without specifying rules or edgehostnames. To be used with akamai_property
    /// resource and its new field property_id"): bootstrap → stream (its <c>properties</c>) → property (adopting the
    /// bootstrap's id, its rules with the <c>datastream</c> behavior) → activations. The <c>datastream</c> behavior
    /// offers no way around it: <c>logStreamName</c> takes stream ids, which Akamai assigns. Not settled by any
    /// document at hand: whether DataStream accepts a property that was never activated (Akamai's guide asks only for
    /// an existing property; issue akamai/terraform-provider-akamai#583 reports this very sequence failing with
    /// provider 6.4.0, without a published cause). If it refuses, the first deployment stops at the stream.
    /// </summary>
    private (PropertyBootstrap Bootstrap, EdgeLogStream Stream) StreamEdgeLogs(EdgeFrontedApplicationArgs args, EdgeLogsSpec logs, ComponentResourceOptions child)
    {
        var bootstrap = new PropertyBootstrap("property-bootstrap", new PropertyBootstrapArgs
        {
            Name = args.PropertyName,
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            ProductId = args.ProductId,
        }, new CustomResourceOptions { Parent = this });
        var stream = new EdgeLogStream("edge-logs", new EdgeLogStreamArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = args.Tags,
            Lock = args.Lock,
            ContractId = args.ContractId,
            GroupId = args.GroupId,
            PropertyIds = [bootstrap.Id],
            StreamName = ValidatedInput.Format($"{args.PropertyName}-edge-logs"),
            NotificationEmails = logs.NotificationEmails,
            StorageAccountName = logs.StorageAccountName,
            ContainerName = logs.ContainerName,
            RetentionDays = logs.RetentionDays,
            AllowedIpRanges = logs.AllowedIpRanges,
        }, child);
        return (bootstrap, stream);
    }

    /// <summary>
    /// The origins' security groups admit only <see cref="EdgeFrontedApplicationArgs.EdgeCidrs"/>, which only the account
    /// can tell: Akamai publishes the Origin IP ACL ranges (or the Site Shield map's ranges) to the account.
    /// </summary>
    private void RequireEdgeRanges(EdgeFrontedApplicationArgs args)
    {
        var ranges = string.Join(", ", args.EdgeCidrs);
        if (args.SiteShieldMap is { } map)
        {
            RequirePreflight(
                $"edgeCidrs ({ranges}) are exactly the ranges of the Site Shield map {map} on your contract: the origins admit only them on 443.",
                "Control Center > Site Shield > your map's CIDRs (or the Site Shield API); acknowledge map changes before Akamai starts using new ranges");
            return;
        }

        RequirePreflight(
            $"edgeCidrs ({ranges}) are exactly the Origin IP Access Control List ranges Akamai publishes to your account: the property turns originIpAcl on and the origins admit only these on 443.",
            "Akamai's Origin IP ACL documentation (Property Manager > Origin IP Access Control List) lists the CIDRs for your account; subscribe to their change notifications");
    }

    /// <summary>The <c>datastream</c> behavior that sends the property's logs to the stream; none without edge logs.</summary>
    private List<Behavior> EdgeLogsBehaviors() => EdgeLogs is { } logs ? [logs.PropertyBehavior] : [];

    private static List<Rule> JwksRelayRules(JwksRelay? relay, EdgeWorkerDeployment gateway) =>
        relay is null ? [] : [relay.PropertyRule(Behavior.EdgeWorker(gateway.EdgeWorkerId, enabled: false))];

    private static EdgeGatewayConfig GatewayConfig(EdgeFrontedApplicationArgs args, JwksRelay? relay) => new()
    {
        Jwt = args.Jwt is { } jwt ? (relay is null ? jwt : jwt with { JwksUrl = relay.RelayUrl }) : EntraJwt(args.EntraApi!, relay!),
        Headers = args.Headers,
        OriginAuth = new EdgeGatewayOriginAuth { HeaderName = args.OriginAuthHeaderName },
        Routes = [.. args.Routes.Select(EdgeGatewayRoute.From)],
        Routing = new EdgeGatewayRouting
        {
            VariableName = OriginGroupVariable,
            DefaultOriginGroup = args.Regions[0].Name,
            OriginGroups = args.Regions.ToDictionary(region => region.Name, region => new EdgeGatewayOriginGroup(ConditionalOriginId(region)), StringComparer.Ordinal),
            GeoRules = [.. args.Regions.Where(region => region.Countries.Count > 0).Select(region => new EdgeGatewayGeoRule(region.Countries, region.Name))],
        },
    };

    /// <summary>
    /// The gateway's token check with Entra ID: RS256 only (Entra ID signs access tokens with RS256), the tenant's keys
    /// through the relay, and the issuer and audience read from <see cref="JwtIssuerVariable"/> and
    /// <see cref="JwtAudienceVariable"/>, which the property sets from the registration at deployment.
    /// </summary>
    private static EdgeGatewayJwt EntraJwt(EntraApiSpec entra, JwksRelay relay) => new()
    {
        IssuerVariable = JwtIssuerVariable,
        AudienceVariable = JwtAudienceVariable,
        Algorithms = ["RS256"],
        JwksUrl = relay.RelayUrl,
        JwksCacheSeconds = entra.JwksCacheSeconds,
        ClockSkewSeconds = entra.ClockSkewSeconds,
    };

    /// <summary>
    /// With Entra ID, the issuer (<c>https://login.microsoftonline.com/{tenant id}/v2.0</c>) and the audience (the API's
    /// client id) exist only once the provider has read the tenant and created the application: the property states
    /// them as variables. Hidden (kept out of debug headers) but not sensitive: they are public values, and the gateway
    /// reads them with <c>request.getVariable</c>, which Akamai documents for PMUSER variables
    /// (https://techdocs.akamai.com/edgeworkers/docs/request-object) but not for sensitive ones.
    /// </summary>
    private List<RuleVariable> EntraVariables() => Entra is null ? [] :
    [
        new RuleVariable { Name = JwtIssuerVariable, Value = Entra.Issuer, Description = "The iss the edge gateway expects: the Entra ID tenant's v2.0 issuer.", Hidden = true },
        new RuleVariable { Name = JwtAudienceVariable, Value = Entra.Audience, Description = "The aud the edge gateway expects: the API application's client id.", Hidden = true },
    ];

    private static List<Behavior> DefaultBehaviors(EdgeFrontedApplicationArgs args, EdgeWorkerDeployment gateway)
    {
        var behaviors = new List<Behavior> { Behavior.EdgeWorker(gateway.EdgeWorkerId) };

        // The origins' firewalls admit only EdgeCidrs: the edge must connect from those ranges, which only Site Shield
        // or Origin IP ACL guarantee.
        behaviors.Add(args.SiteShieldMap is { } map ? Behavior.SiteShield(map) : Behavior.OriginIpAcl());

        // The origin secret goes to the origin from the sensitive variable through a Property Manager behavior, which
        // Akamai documents for sensitive variables (they may not reach responses, Set-Cookie or logs); the EdgeWorker
        // never reads it. Any copy a client sent is deleted first.
        var secret = $"{{{{user.{OriginSecretVariable}}}}}";
        behaviors.Add(Behavior.ModifyOutgoingRequestHeader(HeaderModification.Delete(args.OriginAuthHeaderName)));
        behaviors.Add(Behavior.ModifyOutgoingRequestHeader(HeaderModification.Add(args.OriginAuthHeaderName, secret)));

        // Responses are per caller (the gateway checks each token), so the edge does not cache them.
        behaviors.Add(Behavior.Caching(CachingOptions.NoStore()));
        behaviors.Add(Behavior.StrictTransportSecurity());
        behaviors.AddRange((args.AllowedMethods ?? []).Select(Behavior.AllowMethod));
        return behaviors;
    }

    /// <summary>
    /// Plain-HTTP requests are answered with a redirect to HTTPS at the edge, before the gateway runs, so no request
    /// reaches the origin over HTTP (no origin opens port 80).
    /// </summary>
    private static Rule RedirectToHttps(EdgeWorkerDeployment gateway) => new()
    {
        Name = RedirectToHttpsRuleName,
        Comments = "Plain HTTP never reaches the gateway or the origin.",
        Criteria = [Criterion.RequestProtocol("HTTP")],
        Behaviors = [Behavior.EdgeWorker(gateway.EdgeWorkerId, enabled: false), Behavior.RedirectToHttps()],
    };

    private List<RuleVariable> Variables(EdgeFrontedApplicationArgs args)
    {
        List<RuleVariable> variables =
        [
            RuleVariable.Secret(OriginSecretVariable, $"Sent to the origin in {args.OriginAuthHeaderName}; Key Vault secret '{OriginSecret.Name}'.", OriginSecret.Password.Result),
            RuleVariable.Visible(OriginGroupVariable, "", "The origin group the edge gateway chose."),
        ];
        if (args.JwtHmacSecret is { } hmac)
        {
            // Hidden, not sensitive: the gateway reads it with request.getVariable, which Akamai documents for PMUSER
            // variables but not for sensitive ones. Hidden keeps it out of debug headers; the rules are secret in state.
            variables.Add(new RuleVariable
            {
                Name = args.Jwt!.HmacSecretVariable,
                Value = hmac,
                Description = "The HS256 key the edge gateway verifies tokens with.",
                Hidden = true,
            });
        }

        return variables;
    }

    private static Rule ConditionalOrigins(IReadOnlyList<OriginRegionSpec> regions, IReadOnlyList<OriginVmCluster> clusters, OriginCertificateAuthority authority) => new()
    {
        Name = ConditionalOriginsRuleName,
        Comments = "Origins the edge gateway routes to with request.route({ origin }); Akamai wants this rule last.",
        Behaviors = [Behavior.AllowConditionalOrigins()],
        Children = [.. regions.Select((region, i) => new Rule
        {
            Name = $"Origin {region.Name}",
            Criteria = [Criterion.ConditionalOriginId(ConditionalOriginId(region))],
            Behaviors = [Behavior.Origin(OriginOptions.TrustingOnly(clusters[i].OriginHostname, authority.TrustedCertificatePems))],
        })],
    };
}
