using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.Tls;

namespace EdgeInfra.Components.Azure;

/// <summary>A server certificate that <see cref="OriginCertificateAuthority.IssueServerCertificate"/> issued and stored in Key Vault.</summary>
public sealed class OriginServerCertificate
{
    internal OriginServerCertificate(string secretName, LocallySignedCert certificate, Secret secret)
    {
        SecretName = secretName;
        Certificate = certificate;
        Secret = secret;
    }

    /// <summary>
    /// The name of the Key Vault secret that holds the certificate, then the CA certificate, then the private key, as
    /// PEM (content type <c>application/x-pem-file</c>); each renewal is a new version of it.
    /// </summary>
    public string SecretName { get; }

    /// <summary>When the current certificate stops being valid (RFC 3339).</summary>
    public Output<string> ValidityEndTime => Certificate.ValidityEndTime;

    /// <summary>The certificate resource.</summary>
    public LocallySignedCert Certificate { get; }

    /// <summary>The Key Vault secret resource.</summary>
    public Secret Secret { get; }
}
