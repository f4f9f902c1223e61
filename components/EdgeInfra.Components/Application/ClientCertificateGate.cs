using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Application;

/// <summary>
/// What <see cref="EdgeFrontedApplicationArgs.ClientCertificates"/> adds to an application: the CA set
/// (<see cref="ClientCaSet"/>, child <c>client-ca</c>), two property rules, the variable the gateway reads, the gateway's
/// <c>clientCertificates</c> section, and the activations the property's activations wait for.
/// </summary>
/// <remarks>
/// <para>
/// <b>At the property</b> (the authority): the rule <see cref="RequiredRuleName"/> matches the served hostnames and the
/// path prefixes and runs <c>enforceMtlsSettings</c> with the CA set, denying a request without a certificate that
/// chains to it with Akamai's generic 403 (https://techdocs.akamai.com/property-mgr/reference/ga-enforce-mtls-settings;
/// the behavior needs a <c>hostname</c> or <c>clientCertificate</c> criterion in the same rule). The path criterion
/// normalizes the path and ignores case, so <c>/Partners</c> or <c>/x/../partners</c> cannot slip past.
/// </para>
/// <para>
/// <b>At the gateway</b> (defense in depth): an EdgeWorker does not see the TLS handshake, and no EdgeWorkers request
/// property documents the client certificate. The rule <see cref="VerifiedRuleName"/> uses only documented Property
/// Manager features: the <c>clientCertificate</c> criterion (<c>isCertificatePresent</c>, <c>isCertificateValid: VALID</c>,
/// https://techdocs.akamai.com/terraform/docs/client-certificate) and <c>setVariable</c> with an expression
/// (https://techdocs.akamai.com/property-mgr/reference/assign-a-variable), setting
/// <see cref="ClientCertificatesSpec.VerifiedVariable"/> (declared <c>false</c>) to <c>true</c>; the gateway reads it with
/// <c>request.getVariable</c>, documented for <c>PMUSER_</c> variables, and answers 403 on the prefixes unless it reads
/// <c>true</c>. Not settled by any document at hand: whether a <c>setVariable</c> in a child rule has run when
/// <c>onClientRequest</c> reads the variable. The gateway fails closed, so if it has not, requests on those paths get
/// 403 from the gateway on STAGING (activated first), never a request let through; the property's check stands either way.
/// </para>
/// <para>
/// <b>403, not 401</b>: a missing or unverified certificate is a transport-layer failure with no HTTP authentication
/// scheme to challenge (401 requires <c>WWW-Authenticate</c>); RFC 8705 section 3 keeps 401 <c>invalid_token</c> for a
/// token bound to another certificate, which this gateway does not issue; and Akamai's own behavior answers 403.
/// </para>
/// </remarks>
internal sealed class ClientCertificateGate
{
    /// <summary>The name of the property rule that marks a verified client certificate for the gateway.</summary>
    public const string VerifiedRuleName = "Client certificate verified";

    /// <summary>The name of the property rule that denies requests on the prefixes without a certificate from the CA set.</summary>
    public const string RequiredRuleName = "Client certificates required";

    /// <summary>How the served hostnames get their certificates when client mTLS is on.</summary>
    public const string CertProvisioningType = "CPS_MANAGED";

    private readonly EdgeFrontedApplicationArgs _args;
    private readonly ClientCertificatesSpec _spec;

    private ClientCertificateGate(EdgeFrontedApplicationArgs args, ClientCertificatesSpec spec, ClientCaSet caSet)
    {
        _args = args;
        _spec = spec;
        CaSet = caSet;
    }

    /// <summary>The CA set and its activations.</summary>
    public ClientCaSet CaSet { get; }

    /// <summary>The gate for <paramref name="args"/> (checked already), creating the CA set; null when client mTLS is off.</summary>
    public static ClientCertificateGate? For(EdgeFrontedApplicationArgs args, ComponentResourceOptions child)
    {
        if (args.ClientCertificates is not { } spec)
        {
            return null;
        }

        var caSet = new ClientCaSet("client-ca", new ClientCaSetArgs
        {
            Name = spec.CaSetName,
            Certificates = spec.CaCertificates,
            Description = Output.Format($"Client certificates accepted by {args.PropertyName} on {string.Join(", ", spec.PathPrefixes)}"),
            ActivateProduction = args.ActivateProduction,
            CertificateEnrollmentIds = [args.CertificateEnrollmentId!.Value],
        }, child);
        return new ClientCertificateGate(args, spec, caSet);
    }

    /// <summary>The gateway's <c>clientCertificates</c> section.</summary>
    public EdgeGatewayClientCertificates GatewayConfig => new()
    {
        VerifiedVariable = ClientCertificatesSpec.VerifiedVariable,
        PathPrefixes = _spec.PathPrefixes,
    };

    /// <summary>The variable the gateway reads, <c>false</c> until <see cref="VerifiedRuleName"/> sets it.</summary>
    public RuleVariable Variable => RuleVariable.Visible(ClientCertificatesSpec.VerifiedVariable, "false", "true when the client presented a valid certificate; read by the edge gateway.");

    /// <summary>The two property rules: <see cref="VerifiedRuleName"/>, then <see cref="RequiredRuleName"/>.</summary>
    public IReadOnlyList<Rule> Rules =>
    [
        new Rule
        {
            Name = VerifiedRuleName,
            Comments = $"Tells the edge gateway the client presented a valid certificate; it refuses {string.Join(", ", _spec.PathPrefixes)} otherwise.",
            Criteria = [Criterion.ClientCertificate()],
            Behaviors = [Behavior.SetVariable(ClientCertificatesSpec.VerifiedVariable, "true")],
        },
        new Rule
        {
            Name = RequiredRuleName,
            Comments = $"Requests without a certificate from CA set {_spec.CaSetName} get 403.",
            Criteria =
            [
                Criterion.Hostname(_args.Hostnames),
                Criterion.Path([.. _spec.PathPrefixes.SelectMany(prefix => new[] { prefix, prefix + "/*" })], matchCaseSensitive: false, normalize: true),
            ],
            Behaviors = [Behavior.EnforceMtlsSettings([CaSet.CaSetId])],
        },
    ];

    /// <summary>What the property's STAGING activation waits for: the CA set active on STAGING.</summary>
    public IReadOnlyList<Resource> StagingDependsOn => [CaSet.StagingActivation];

    /// <summary>What the property's PRODUCTION activation waits for: the CA set active on PRODUCTION, if activated there.</summary>
    public IReadOnlyList<Resource> ProductionDependsOn => CaSet.ProductionActivation is { } production ? [production] : [];
}
