using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Application;

/// <summary>
/// Client → edge mTLS for an <see cref="EdgeFrontedApplication"/>: service-to-service callers authenticate to the edge
/// with client certificates on <see cref="PathPrefixes"/>, on top of their bearer tokens. The application creates a
/// Mutual TLS Edge Truststore CA set (<see cref="ClientCaSet"/>, child <c>client-ca</c>) from <see cref="CaCertificates"/>,
/// activated on every network the property is, before the property; the property denies requests on those paths
/// without a certificate that chains to the set (<c>enforceMtlsSettings</c>, Akamai's generic 403); and the edge
/// gateway refuses them too (403, logged <c>client_certificate_rejected</c>) unless the property marked the request's
/// certificate verified in <see cref="VerifiedVariable"/>.
/// </summary>
/// <remarks>
/// Needs an Enhanced TLS edge hostname with a CPS certificate (<see cref="EdgeFrontedApplicationArgs.CertificateEnrollmentId"/>):
/// the served hostnames then use <c>certProvisioningType: CPS_MANAGED</c>. Akamai binds CA sets to CPS certificates
/// ("To enable mTLS on those certificates and to apply a CA set to one or more certificates on a contract, you can use
/// the Certificate Provisioning System", https://techdocs.akamai.com/mtls-edge-truststore/reference/api) and mTLS does
/// not work with shared certificates (https://techdocs.akamai.com/terraform/docs/manage-ca-sets); Default DV
/// certificates (<c>DEFAULT</c>) are in neither documented flow, so synthesis refuses them.
/// </remarks>
public sealed record ClientCertificatesSpec
{
    /// <summary>
    /// The property variable the property sets to <c>true</c> when the client presented a valid certificate
    /// (<c>clientCertificate</c> criterion, <c>setVariable</c>), and the gateway reads with <c>request.getVariable</c>.
    /// </summary>
    public const string VerifiedVariable = "PMUSER_CLIENT_CERT_VERIFIED";

    /// <summary>
    /// The CA certificates clients' certificates must chain to, each one PEM <c>CERTIFICATE</c> block of a root or
    /// intermediate CA, 1 to 300, no repeats. CA certificates are public: literals or config references
    /// (<c>config.Require("clientCaPem")</c>). Required.
    /// </summary>
    public required IReadOnlyList<Input<string>> CaCertificates { get; init; }

    /// <summary>
    /// The CA set's name in Mutual TLS Edge Truststore: 3 to 64 letters, digits, <c>_</c>, <c>-</c> and <c>.</c>,
    /// never three dots in a row, unique in the account. Required.
    /// </summary>
    public required string CaSetName { get; init; }

    /// <summary>
    /// The path prefixes that require a client certificate: each <c>/</c>-separated segments of letters, digits and
    /// <c>-._~</c> (no <c>.</c> or <c>..</c> segment, no trailing <c>/</c>, at most 200 characters). A prefix covers the
    /// path itself and everything below it (<c>/partners</c>: <c>/partners</c> and <c>/partners/x</c>, not
    /// <c>/partnersx</c>), compared ignoring case (an origin such as IIS ignores case too). Not empty; no prefix may
    /// repeat or cover another, nor cover <see cref="EdgeFrontedApplicationArgs.JwksRelayPath"/> (the gateway's own
    /// JWKS fetch has no client certificate). Required.
    /// </summary>
    public required IReadOnlyList<string> PathPrefixes { get; init; }
}
