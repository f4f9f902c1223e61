namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The <c>clientCertificates</c> section of the edge-gateway bundle's <c>config.json</c>: the paths on which the gateway
/// requires a client certificate the property verified. The gateway cannot see the TLS handshake; it reads the
/// property variable <see cref="VerifiedVariable"/>, which the property sets to <c>true</c> in a rule whose
/// <c>clientCertificate</c> criterion matches a present, valid certificate, and answers 403 (logging
/// <c>client_certificate_rejected</c>) on those paths when it reads anything else. Absent: no path needs one.
/// </summary>
public sealed record EdgeGatewayClientCertificates
{
    /// <summary><c>verifiedVariable</c>: the property variable holding <c>true</c> for a verified certificate (<c>PMUSER_...</c>). Default: <c>PMUSER_CLIENT_CERT_VERIFIED</c>.</summary>
    public string VerifiedVariable { get; init; } = "PMUSER_CLIENT_CERT_VERIFIED";

    /// <summary>
    /// <c>pathPrefixes</c>: each starts with <c>/</c>, no whitespace, <c>?</c>, <c>#</c> or trailing <c>/</c>; unique;
    /// not empty. A prefix covers the path itself and everything below it, compared ignoring case after the gateway
    /// percent-decodes the path and resolves dot segments. Required.
    /// </summary>
    public required IReadOnlyList<string> PathPrefixes { get; init; }
}
