namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The arguments of a <see cref="ClientCaSet"/>: the CA certificates client certificates must chain to, the CA set's
/// name and which networks it is activated on. Literal values are checked at synthesis against Mutual TLS Edge
/// Truststore's published rules (https://techdocs.akamai.com/mtls-edge-truststore/docs/best-practices); config
/// references are left to Akamai.
/// </summary>
public sealed class ClientCaSetArgs
{
    /// <summary>
    /// The CA set's name (<c>name</c>): 3 to 64 letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, never three dots in a
    /// row, unique in the Akamai account. Akamai cannot rename a CA set: a new name replaces it. Required.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>
    /// The CA certificates (<c>certificates[].certificatePem</c>), each one PEM <c>CERTIFICATE</c> block of a root or
    /// intermediate CA (basic constraints <c>CA:TRUE</c>; Akamai refuses leaf certificates), 1 to 300. CA certificates
    /// are public: a config reference (<c>config.Require("clientCaPem")</c>) or a literal. Required.
    /// </summary>
    public required IReadOnlyList<Input<string>> Certificates { get; init; }

    /// <summary>The CA set's description (<c>description</c>). Default: null (not stated).</summary>
    public Input<string>? Description { get; init; }

    /// <summary>
    /// The CPS enrollments whose edge certificates must name this CA set ("Mutual Authentication" in their deployment
    /// settings) for edge servers to ask clients for a certificate; stated as a preflight requirement, because the stack
    /// does not manage those enrollments. Default: none.
    /// </summary>
    public IReadOnlyList<int> CertificateEnrollmentIds { get; init; } = [];

    /// <summary>Whether the CA set is also activated on PRODUCTION, after STAGING. Default: false.</summary>
    public bool ActivateProduction { get; init; }
}
