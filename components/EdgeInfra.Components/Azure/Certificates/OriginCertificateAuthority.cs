using System.Globalization;
using EdgeInfra.Tls;
using EdgeInfra.Tls.Inputs;

namespace EdgeInfra.Components.Azure;

/// <summary>
/// The stack's private certificate authority for its origins (<c>tls</c> provider): a CA key and self-signed CA
/// certificate, and server certificates it signs for origin hostnames, each stored in Key Vault where the origin VMs
/// read it with their managed identity. The edge trusts exactly this CA
/// (<see cref="Akamai.OriginOptions.TrustingOnly"/> with <see cref="CertificatePem"/>), so no public CA and no
/// self-signed origin certificate is involved.
/// </summary>
/// <remarks>
/// <para>Children: <c>ca-key</c> (RSA 2048), <c>ca</c>; per server certificate <c>{name}-key</c>, <c>{name}-csr</c>,
/// <c>{name}</c> (the vault's <c>secret-{secretName}</c> holds it).</para>
/// <para>
/// Renewal: the <c>tls</c> provider marks a certificate for replacement once it is within its early-renewal window,
/// so any <c>pulumi up</c> in the last <see cref="OriginCertificateAuthorityArgs.ServerEarlyRenewalHours"/> hours replaces
/// it; the new certificate is a new version of the same Key Vault secret, which running origins pick up without a
/// rebuild. Renewing a server certificate is seamless because the edge trusts the CA, not the certificate. Renewing
/// the CA itself replaces every server certificate and the edge's trust at once; an overlap of two CAs is not built
/// yet, so the CA lives a year by default and its renewal is a planned change.
/// </para>
/// </remarks>
public sealed class OriginCertificateAuthority : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:azure:OriginCertificateAuthority";

    /// <summary>The content type of the Key Vault secrets holding server certificates.</summary>
    public const string PemContentType = "application/x-pem-file";

    private readonly OriginCertificateAuthorityArgs _args;
    private readonly PrivateKey _key;
    private readonly SelfSignedCert _certificate;

    /// <summary>Creates the authority named <paramref name="name"/>.</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/> are invalid; every problem is listed and nothing is created.</exception>
    public OriginCertificateAuthority(string name, OriginCertificateAuthorityArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        Validate(name, args);
        _args = args;
        var locked = Locked();
        _key = new PrivateKey("ca-key", new PrivateKeyArgs { Algorithm = "RSA", RsaBits = 2048 }, locked);
        _certificate = new SelfSignedCert("ca", new SelfSignedCertArgs
        {
            PrivateKeyPem = _key.PrivateKeyPem,
            IsCaCertificate = true,
            MaxPathLength = 0,
            SetSubjectKeyId = true,
            Subject = new SelfSignedCertSubjectArgs { CommonName = args.CommonName, Organization = args.Organization },
            ValidityPeriodHours = args.CaValidityHours,
            EarlyRenewalHours = args.CaEarlyRenewalHours,
            AllowedUses = ["cert_signing", "crl_signing", "digital_signature"],
        }, Locked());

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["certificatePem"] = CertificatePem,
            ["validityEndTime"] = ValidityEndTime,
        });
    }

    /// <summary>The CA certificate (PEM): what the edge's <c>origin</c> behavior trusts.</summary>
    public Output<string> CertificatePem => _certificate.CertPem;

    /// <summary>When the CA certificate stops being valid (RFC 3339).</summary>
    public Output<string> ValidityEndTime => _certificate.ValidityEndTime;

    /// <summary>
    /// Issues a server certificate for <paramref name="hostname"/> (children <c>{name}-key</c>, <c>{name}-csr</c>,
    /// <c>{name}</c>) and stores it with the CA certificate and its key in <paramref name="vault"/> as
    /// <paramref name="secretName"/>.
    /// </summary>
    /// <exception cref="SynthesisException"><paramref name="name"/> or <paramref name="secretName"/> is invalid.</exception>
    public OriginServerCertificate IssueServerCertificate(string name, Input<string> hostname, SecretsVault vault, string secretName)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(hostname);
        ArgumentNullException.ThrowIfNull(vault);
        var key = new PrivateKey($"{name}-key", new PrivateKeyArgs { Algorithm = "RSA", RsaBits = 2048 }, Child());
        var request = new CertRequest($"{name}-csr", new CertRequestArgs
        {
            PrivateKeyPem = key.PrivateKeyPem,
            DnsNames = [hostname],
            Subject = new CertRequestSubjectArgs { CommonName = hostname, Organization = _args.Organization },
        }, Child());
        var certificate = new LocallySignedCert(name, new LocallySignedCertArgs
        {
            CertRequestPem = request.CertRequestPem,
            CaPrivateKeyPem = _key.PrivateKeyPem,
            CaCertPem = _certificate.CertPem,
            ValidityPeriodHours = _args.ServerValidityHours,
            EarlyRenewalHours = _args.ServerEarlyRenewalHours,
            AllowedUses = ["server_auth", "digital_signature", "key_encipherment"],
        }, Child());
        var bundle = Output.Format($"{certificate.CertPem}{_certificate.CertPem}{key.PrivateKeyPem}");
        var secret = vault.AddSecret(secretName, bundle, PemContentType);
        return new OriginServerCertificate(secretName, certificate, secret);
    }

    private CustomResourceOptions Child() => new() { Parent = this };

    private CustomResourceOptions Locked() => AzureComponentArgs.LockedOptions(_args.Lock, this);

    private static void Validate(string name, OriginCertificateAuthorityArgs args)
    {
        var errors = new ComponentErrors(TypeToken, name);
        static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(args.CommonName) || args.CommonName.Length > 64)
        {
            errors.Add("commonName", $"'{args.CommonName}' is not a certificate common name: 1 to 64 characters");
        }

        if (args.CaValidityHours is < 720 or > 87600)
        {
            errors.Add("caValidityHours", $"{Text(args.CaValidityHours)} is out of range: a CA certificate lives 720 to 87600 hours");
        }

        if (args.CaEarlyRenewalHours < 0 || args.CaEarlyRenewalHours >= args.CaValidityHours)
        {
            errors.Add("caEarlyRenewalHours", $"{Text(args.CaEarlyRenewalHours)} is out of range: 0 or more, and less than caValidityHours ({Text(args.CaValidityHours)})");
        }

        if (args.ServerValidityHours is < 24 or > OriginCertificateAuthorityArgs.MaxServerValidityHours)
        {
            errors.Add("serverValidityHours", $"{Text(args.ServerValidityHours)} is out of range: a server certificate lives 24 to {Text(OriginCertificateAuthorityArgs.MaxServerValidityHours)} hours (30 days at most)");
        }

        if (args.ServerEarlyRenewalHours < 24 || args.ServerEarlyRenewalHours >= args.ServerValidityHours)
        {
            errors.Add("serverEarlyRenewalHours", $"{Text(args.ServerEarlyRenewalHours)} is out of range: 24 or more, and less than serverValidityHours ({Text(args.ServerValidityHours)}), so a deployment renews the certificate before it expires");
        }

        errors.ThrowIfAny();
    }
}
