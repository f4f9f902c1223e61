using EdgeInfra.Akamai;
using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;

namespace EdgeInfra.Components.Application;

/// <summary>
/// The edge's identity towards the origins (mutual TLS, Akamai's "mTLS Edge Server to Origin"): an Akamai-signed client
/// certificate of the mTLS Origin Keystore (<c>{name}-origin-client-cert</c>), which the property presents to every
/// origin of the application, and the account CA certificates that sign it, read from Akamai at each deployment
/// (<c>getMtlskeystoreAccountCaCertificates</c>, every status, so a CA Akamai is introducing or retiring stays trusted
/// through its overlap) and stored in Key Vault as <see cref="CaSecretName"/> for the origins, which keep the ones valid
/// at the time they read them.
/// </summary>
/// <remarks>
/// Akamai renews an Akamai-signed certificate itself and advises trusting the account CA rather than pinning the
/// certificate (techdocs.akamai.com/mtls-origin-keystore/docs/best-practices); the origins therefore check the CA and the
/// certificate's CN (its name, which Akamai writes into the subject), not its key. The property names the certificate
/// version it presents (<c>currentGuid</c>); after Akamai renews it, the next <c>pulumi up</c> moves the property to the
/// new version, and the origins accept both because both chain to the account CA.
/// </remarks>
internal sealed class OriginClientCertificate
{
    /// <summary>The Key Vault secret with the account CA certificates (JSON), which the origins read.</summary>
    public const string CaSecretName = "edge-client-ca";

    /// <summary>Why the CA secret states no Key Vault expiry (policy rule EI-KV-007).</summary>
    private const string CaSecretExpiryJustification =
        "The secret holds only Akamai's public mTLS account CA certificates (no private key, no credential), read from Akamai at every "
        + "deployment; each certificate carries its own validity, which the origins check when they read the set, and Akamai introduces "
        + "and retires its CAs itself (https://techdocs.akamai.com/mtls-origin-keystore/docs/best-practices). An expiry on the secret "
        + "would protect nothing and would have to be fixed at synthesis, before the set is read.";

    private OriginClientCertificate(MtlskeystoreClientCertificateAkamai certificate, ValidatedInput<string> certificateName, Secret caSecret)
    {
        Certificate = certificate;
        CertificateName = certificateName;
        CaSecret = caSecret;
    }

    /// <summary>The Akamai-signed client certificate.</summary>
    public MtlskeystoreClientCertificateAkamai Certificate { get; }

    /// <summary>The certificate's name, which is the CN of its subject: <c>{propertyName}-origin-client</c>.</summary>
    public ValidatedInput<string> CertificateName { get; }

    /// <summary>The Key Vault secret with the account CA certificates.</summary>
    public Secret CaSecret { get; }

    /// <summary>What the origin clusters are told: trust the account CAs of <see cref="CaSecretName"/> and this CN.</summary>
    public EdgeClientCertificateTrust Trust => new() { CaSecretName = CaSecretName, CommonName = CertificateName };

    /// <summary>The behavior that presents the certificate's current version to the origins.</summary>
    public Behavior PresentToOrigins() => Behavior.MtlsOriginKeystore(Certificate.CurrentGuid);

    /// <summary>The longest name the mTLS Origin Keystore takes for a certificate.</summary>
    public const int MaxNameLength = 64;

    /// <summary>What <see cref="NameFor"/> adds to the property's name.</summary>
    private const string NameSuffix = "-origin-client";

    /// <summary>The longest property name whose certificate name still fits <see cref="MaxNameLength"/>.</summary>
    public static int MaxPropertyNameLength => MaxNameLength - NameSuffix.Length;

    /// <summary>The certificate's name for a property named <paramref name="propertyName"/>.</summary>
    public static ValidatedInput<string> NameFor(ValidatedInput<string> propertyName) => ValidatedInput.Format($"{propertyName}{NameSuffix}");

    /// <summary>Creates the certificate and the CA secret for <paramref name="args"/> (checked already) under <paramref name="parent"/>.</summary>
    public static OriginClientCertificate Create(Resource parent, EdgeFrontedApplicationArgs args, SecretsVault vault)
    {
        var name = NameFor(args.PropertyName);
        var certificate = new MtlskeystoreClientCertificateAkamai("origin-client-cert", new MtlskeystoreClientCertificateAkamaiArgs
        {
            CertificateName = name,
            // The keystore takes the contract id without Property Manager's ctr_ prefix (Akamai's example: C-0N7RAC7).
            ContractId = Output.Join("", Output.Split("ctr_", args.ContractId)),
            GroupId = EdgeFrontedApplicationValidation.GroupNumber(args.GroupId.Value),
            Geography = "CORE",
            SecureNetwork = args.EdgeHostname.Value.EndsWith(".edgekey.net", StringComparison.Ordinal) ? "ENHANCED_TLS" : "STANDARD_TLS",
            KeyAlgorithm = "RSA",
            NotificationEmails = args.ActivationContacts,
        }, new CustomResourceOptions { Parent = parent });
        var accountCas = GetMtlskeystoreAccountCaCertificates.Invoke();
        var caSecret = vault.AddSecret(CaSecretName, Output.JsonSerialize<object>(new Output<object>(accountCas.Certificates.Expression)), "application/json");
        caSecret.SuppressPolicy("EI-KV-007", CaSecretExpiryJustification);
        return new OriginClientCertificate(certificate, name, caSecret);
    }
}
