namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// How an origin knows the edge by its TLS client certificate (Akamai's "mTLS Edge Server to Origin"): the origin
/// requires a client certificate that chains to one of the CA certificates stored in the Key Vault secret
/// <see cref="CaSecretName"/> and whose subject CN is <see cref="CommonName"/>; anything else is refused before the
/// request reaches the app. The origin re-reads the CA list every minute, as it does the origin secret.
/// </summary>
/// <remarks>
/// The secret holds JSON: an array of objects with a PEM <c>certificate</c> each, which is what
/// <c>akamai:index/getMtlskeystoreAccountCaCertificates</c> returns for the account's CAs (Akamai's advice is to trust
/// the account CA rather than pin the client certificate, which Akamai renews). Certificates that are not valid CA
/// certificates at the time of the read are left out, and a list with none left is refused (the last good list stays).
/// </remarks>
public sealed record EdgeClientCertificateTrust
{
    /// <summary>The Key Vault secret with the CA certificates (JSON, see the remarks). Required.</summary>
    public required string CaSecretName { get; init; }

    /// <summary>
    /// The CN the edge's client certificate must carry: for an Akamai-signed certificate of the mTLS Origin Keystore, its
    /// certificate name (Akamai writes the subject as <c>/C=US/O=Akamai Technologies, Inc./OU=…/CN={name}/</c>). 1 to
    /// 64 letters, digits, <c>.</c>, <c>_</c> and <c>-</c>. Required.
    /// </summary>
    public required ValidatedInput<string> CommonName { get; init; }
}
