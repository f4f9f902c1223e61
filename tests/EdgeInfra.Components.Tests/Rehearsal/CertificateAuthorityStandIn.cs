using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// A certificate authority for the rehearsal, standing in for one the test cannot reach: the public PKI (Akamai's
/// standard CA set for the identity provider's host, the CA a browser trusts for the edge's own certificate) or
/// Akamai's account CA of the mTLS Origin Keystore; it issues server and client certificates.
/// </summary>
internal sealed class CertificateAuthorityStandIn : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);

    public CertificateAuthorityStandIn(string name)
    {
        var request = new CertificateRequest($"CN={name}", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>The CA's certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA's certificate as PEM.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem() + "\n";

    /// <summary>A server certificate for <paramref name="hostname"/> and its key, as PEM.</summary>
    public (string CertificatePem, string KeyPem) Issue(string hostname)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostname}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostname);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.Create(Certificate, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(16));
        return (certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>
    /// A client certificate and its key, as PEM, with the subject Akamai gives an Akamai-signed keystore certificate:
    /// <c>C=US, O=Akamai Technologies, Inc., OU=…, CN={commonName}</c>.
    /// </summary>
    public (string CertificatePem, string KeyPem) IssueClient(string commonName)
    {
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("US");
        subject.AddOrganizationName("Akamai Technologies, Inc.");
        subject.AddOrganizationalUnitName("12345 A-CCT1234 67890");
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = request.Create(Certificate, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(16));
        return (certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
