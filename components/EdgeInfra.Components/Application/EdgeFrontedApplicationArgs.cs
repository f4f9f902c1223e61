using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;

namespace EdgeInfra.Components.Application;

/// <summary>
/// The arguments of an <see cref="EdgeFrontedApplication"/>: the Akamai property and its edge gateway, the origin
/// regions in Azure, and the shared Key Vault, monitoring, backup retention and edge logs. Every argument is
/// checked before anything is created, each error naming the application, the property, the bad value and the rule.
/// </summary>
public sealed class EdgeFrontedApplicationArgs
{
    /// <summary>The resource group of every Azure resource of the application. Required.</summary>
    public required Input<string> ResourceGroupName { get; init; }

    /// <summary>The region of the shared resources: the Key Vault, the Log Analytics workspace and the edge log storage. Required.</summary>
    public required Input<string> Location { get; init; }

    /// <summary>Tags for every taggable Azure resource; <c>managedBy: edge-infra</c> is always added. Default: none.</summary>
    public IReadOnlyDictionary<string, Input<string>> Tags { get; init; } = new Dictionary<string, Input<string>>();

    /// <summary>
    /// How stateful resources are guarded, passed to every component: with <see cref="LockKind.CanNotDelete"/>, an Azure
    /// management lock named <see cref="LockSpec.Name"/> on the Key Vault, each virtual network, each VM, the Log
    /// Analytics workspace, each Recovery Services vault and the edge-log storage account (see <see cref="ManagementLocks"/>),
    /// and Pulumi's <c>protect</c> and <c>retainOnDelete</c> on every stateful resource, including the origin CA's key and
    /// certificate, which have no Azure resource to lock. Default: <see cref="LockSpec.None"/>.
    /// </summary>
    public LockSpec Lock { get; init; } = LockSpec.None;

    /// <summary>The Akamai contract (<c>ctr_…</c>). Required.</summary>
    public required Input<string> ContractId { get; init; }

    /// <summary>
    /// The Akamai group, <c>grp_</c> followed by digits. The property, CP code, edge hostname and stream state it as
    /// given (a config value stays the reference <c>${key}</c>); the EdgeWorker and the mTLS Origin Keystore take the
    /// same group as an integer, which Pulumi YAML cannot compute from a <c>grp_</c> string (it has no string-to-number
    /// function), so those two state a copy of the number. Required.
    /// </summary>
    public required ValidatedInput<string> GroupId { get; init; }

    /// <summary>The Akamai product (<c>prd_…</c>). Required.</summary>
    public required Input<string> ProductId { get; init; }

    /// <summary>
    /// The property's name in Property Manager (see <see cref="EdgePropertyArgs.PropertyName"/>); also the prefix of
    /// the names of the EdgeWorker, the stream, the origin CA and the origin client certificate, all stated as
    /// interpolations of it (<c>${propertyName}-gateway</c> when it comes from config). Required.
    /// </summary>
    public required ValidatedInput<string> PropertyName { get; init; }

    /// <summary>
    /// Who may call which paths (see <see cref="RouteAccess"/>): enforced by the edge gateway and by every origin.
    /// Default: none (any valid token reaches every path).
    /// </summary>
    public IReadOnlyList<RouteAccess> Routes { get; init; } = [];

    /// <summary>The hostnames the property serves; the first also serves the JWKS relay. Required.</summary>
    public required ValidatedInputList<string> Hostnames { get; init; }

    /// <summary>The edge hostname the served hostnames CNAME to (see <see cref="EdgePropertyArgs.EdgeHostname"/>). Required.</summary>
    public required ValidatedInput<string> EdgeHostname { get; init; }

    /// <summary>The CPS enrollment of an <c>.edgekey.net</c> edge hostname. Default: null.</summary>
    public int? CertificateEnrollmentId { get; init; }

    /// <summary>Who is told about activations. Required.</summary>
    public required ValidatedInputList<string> ActivationContacts { get; init; }

    /// <summary>The note of every property activation. Required.</summary>
    public required ValidatedInput<string> ActivationNote { get; init; }

    /// <summary>Whether the property and the EdgeWorker are also activated on PRODUCTION, each after its STAGING activation. Default: false.</summary>
    public bool ActivateProduction { get; init; }

    /// <summary>
    /// Whether the property's PRODUCTION activation acknowledges rule warnings and goes on; required when
    /// <see cref="ActivateProduction"/> is true (see <see cref="Akamai.EdgePropertyArgs.AcknowledgeProductionRuleWarnings"/>;
    /// STAGING always acknowledges them, see <see cref="Akamai.EdgePropertyArgs.AcknowledgeStagingRuleWarnings"/>). Default: null.
    /// </summary>
    public bool? AcknowledgeProductionRuleWarnings { get; init; }

    /// <summary>
    /// The edge's egress ranges (Site Shield map or origin IP ACL CIDRs): every origin subnet admits these, and only
    /// these, on 443. Required.
    /// </summary>
    public required IReadOnlyList<string> EdgeCidrs { get; init; }

    /// <summary>The Site Shield map whose ranges <see cref="EdgeCidrs"/> are (e.g. <c>s123.akamaiedge.net</c>), stated with the <c>siteShield</c> behavior. Default: null.</summary>
    public string? SiteShieldMap { get; init; }

    /// <summary>The edge-gateway bundle directory (see <see cref="EdgeWorkerDeploymentArgs.BundleDirectory"/>). Required.</summary>
    public required string EdgeWorkerBundleDirectory { get; init; }

    /// <summary>Where the packed EdgeWorker bundle is written (see <see cref="EdgeWorkerDeploymentArgs.OutputDirectory"/>). Default: <c>.build/edgeworkers</c>.</summary>
    public string EdgeWorkerOutputDirectory { get; init; } = ".build/edgeworkers";

    /// <summary>
    /// How the edge gateway verifies tokens from a configured OIDC issuer (Okta, Entra ID registered elsewhere, any
    /// other): issuer, audience and JWKS URL given. Exactly one of <see cref="Jwt"/> and <see cref="EntraApi"/>. Default: null.
    /// </summary>
    public EdgeGatewayJwt? Jwt { get; init; }

    /// <summary>
    /// The API's identity registered in Microsoft Entra ID by the application (see <see cref="EntraApiSpec"/>): the
    /// gateway's issuer, audience and JWKS derive from the registration. Exactly one of <see cref="Jwt"/> and
    /// <see cref="EntraApi"/>. Default: null.
    /// </summary>
    public EntraApiSpec? EntraApi { get; init; }

    /// <summary>
    /// The generations of the origins' private CA (see <see cref="OriginCertificateAuthorityArgs.Generations"/>): the edge
    /// trusts each. Rotating the CA takes three deployments that each keep every request working: <c>[1, 2]</c>, then
    /// <see cref="OriginCaIssuingGeneration"/> 2, then <c>[2]</c>. Default: <c>[1]</c>.
    /// </summary>
    public IReadOnlyList<int> OriginCaGenerations { get; init; } = [1];

    /// <summary>The CA generation that signs the origins' certificates; one of <see cref="OriginCaGenerations"/>. Default: 1.</summary>
    public int OriginCaIssuingGeneration { get; init; } = 1;

    /// <summary>
    /// The path, on the first of <see cref="Hostnames"/>, where the property serves the identity provider's JWKS
    /// (<see cref="EdgeGatewayJwt.JwksUrl"/>) to the gateway: EdgeWorkers sub-requests reach only hostnames served
    /// through Akamai. <c>/</c> followed by letters, digits and <c>-._~/</c>. Default: <c>/.well-known/edge-infra/jwks.json</c>.
    /// </summary>
    public string JwksRelayPath { get; init; } = "/.well-known/edge-infra/jwks.json";

    /// <summary>
    /// The HS256 key as a secret reference, given to the edge as the sensitive variable
    /// <see cref="EdgeGatewayJwt.HmacSecretVariable"/>; required when <see cref="EdgeGatewayJwt.Algorithms"/> allows HS256,
    /// refused otherwise. Default: null.
    /// </summary>
    public Output<string>? JwtHmacSecret { get; init; }

    /// <summary>The <c>X-Edge-*</c> header schema the gateway sends. Default: schema version 1.</summary>
    public EdgeGatewayHeaders Headers { get; init; } = new();

    /// <summary>The EdgeWorker's resource tier. Default: <see cref="ResourceTier.DynamicCompute"/>.</summary>
    public ResourceTier EdgeWorkerResourceTier { get; init; } = ResourceTier.DynamicCompute;

    /// <summary>
    /// The request methods the edge lets through besides GET and HEAD (see <see cref="HttpMethods.Optional"/>); any other
    /// method gets 501 from the edge. Default: <see cref="HttpMethods.ApiDefault"/> (POST, PUT, PATCH, DELETE).
    /// </summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = HttpMethods.ApiDefault;

    /// <summary>Child rules of the property's default rule, before the conditional origins. Default: none.</summary>
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    /// <summary>What the origin VMs run, in every region that does not set its own <see cref="OriginRegionSpec.Flavor"/>. Required.</summary>
    public required OriginFlavor Flavor { get; init; }

    /// <summary>
    /// The administrator's SSH public key for the regions with a Linux flavor (nginx, Kong): required when some region
    /// runs one, refused when every region runs IIS (whose VMs sign in with a generated password in Key Vault). Default: null.
    /// </summary>
    public ValidatedInput<string>? AdminSshPublicKey { get; init; }

    /// <summary>The origin regions, at least one; the first is the property's default origin and the gateway's default origin group. Required.</summary>
    public required IReadOnlyList<OriginRegionSpec> Regions { get; init; }

    /// <summary>The Key Vault's name (see <see cref="SecretsVaultArgs.VaultName"/>). Required.</summary>
    public required ValidatedInput<string> VaultName { get; init; }

    /// <summary>How the origin secret is generated: length, expiry, rotation keepers. Required.</summary>
    public required GeneratedSecretSpec OriginSecret { get; init; }

    /// <summary>The origin secret's name in the vault. Default: <c>origin-auth</c>.</summary>
    public string OriginSecretName { get; init; } = "origin-auth";

    /// <summary>The header the edge puts the origin secret in and the origin checks. Default: <c>X-Origin-Auth</c>.</summary>
    public string OriginAuthHeaderName { get; init; } = "X-Origin-Auth";

    /// <summary>How many days the Log Analytics workspace keeps data, 30 to 730. Default: 30.</summary>
    public int LogRetentionDays { get; init; } = Azure.Monitoring.ObservabilityArgs.MinRetentionInDays;

    /// <summary>Who receives the origin-auth-failure alert by email. Default: none.</summary>
    public ValidatedInputList<string> AlertEmails { get; init; } = [];

    /// <summary>How many daily backups of each VM are kept, 7 to 9999. Default: 30.</summary>
    public int BackupDailyRetentionDays { get; init; } = 30;

    /// <summary>How many weekly backups are kept, 1 to 5163; null keeps none. Default: null.</summary>
    public int? BackupWeeklyRetentionWeeks { get; init; }

    /// <summary>Where edge logs are streamed; null streams none. Default: null.</summary>
    public EdgeLogsSpec? EdgeLogs { get; init; }

    /// <summary>
    /// Client → edge mTLS: the path prefixes on which callers must present a client certificate from the given CAs
    /// (see <see cref="ClientCertificatesSpec"/>); needs <see cref="CertificateEnrollmentId"/>. Default: null (off).
    /// </summary>
    public ClientCertificatesSpec? ClientCertificates { get; init; }

    /// <summary>The flavor <paramref name="region"/> runs: its own <see cref="OriginRegionSpec.Flavor"/>, or else <see cref="Flavor"/>.</summary>
    public OriginFlavor FlavorOf(OriginRegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Flavor ?? Flavor;
    }
}
