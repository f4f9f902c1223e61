using System.Globalization;
using EdgeInfra.Tls;
using EdgeInfra.Tls.Inputs;

namespace EdgeInfra.Components.Azure;

/// <summary>
/// The stack's private certificate authority for its origins (<c>tls</c> provider): a CA key and self-signed CA
/// certificate, and server certificates it signs for origin hostnames, each stored in Key Vault where the origin VMs
/// read it with their managed identity. The edge trusts exactly this CA's generations
/// (<see cref="Akamai.OriginOptions.TrustingOnly(Input{string}, IReadOnlyList{Input{string}})"/> with
/// <see cref="TrustedCertificatePems"/>), so no public CA and no self-signed origin certificate is involved.
/// </summary>
/// <remarks>
/// <para>Children per CA generation: <c>ca-key</c> (RSA 2048) and <c>ca</c> for generation 1, <c>ca-g{n}-key</c> and
/// <c>ca-g{n}</c> for generation n &gt; 1; per server certificate <c>{name}-key</c>, <c>{name}-csr</c>, <c>{name}</c> (the
/// vault's <c>secret-{secretName}</c> holds it).</para>
/// <para>
/// Server certificates: the <c>tls</c> provider marks one for replacement once it is within its early-renewal window,
/// so any <c>pulumi up</c> in the last <see cref="OriginCertificateAuthorityArgs.ServerEarlyRenewalHours"/> hours replaces
/// it; the new certificate is a new version of the same Key Vault secret, which running origins pick up within a
/// minute without a rebuild. That is seamless because the edge trusts the CA, not the certificate.
/// </para>
/// <para>
/// The CA: renewing it in place would change the edge's trust (a property activation, minutes) and the origins'
/// certificates (a minute) in the same deployment, and requests in between would fail. So a CA is never renewed in
/// place: it lives <see cref="OriginCertificateAuthorityArgs.CaValidityHours"/> and is rotated through
/// <see cref="OriginCertificateAuthorityArgs.Generations"/> in three deployments (trust the new one, issue from it,
/// drop the old one), each of which keeps every request working.
/// </para>
/// </remarks>
public sealed class OriginCertificateAuthority : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:azure:OriginCertificateAuthority";

    /// <summary>The content type of the Key Vault secrets holding server certificates.</summary>
    public const string PemContentType = "application/x-pem-file";

    /// <summary>Why the server certificate secrets state no Key Vault expiry (policy rule EI-KV-007).</summary>
    private const string SecretExpiryJustification =
        "The secret holds an origin server certificate, its CA and its key, issued at deployment for at most 30 days (ServerValidityHours) "
        + "and reissued as a new secret version by any deployment in its last ServerEarlyRenewalHours; the certificate's own notAfter is "
        + "the expiry, and the origin-certificate-expiring alert fires when a VM still serves one close to it. Key Vault's attributes.expires "
        + "is a Unix time the program would have to fix at synthesis, before the certificate exists, so it would be wrong for every new version.";

    private readonly OriginCertificateAuthorityArgs _args;
    private readonly Dictionary<int, (PrivateKey Key, SelfSignedCert Certificate)> _generations = [];

    /// <summary>Creates the authority named <paramref name="name"/>.</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/> are invalid; every problem is listed and nothing is created.</exception>
    public OriginCertificateAuthority(string name, OriginCertificateAuthorityArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        Validate(name, args);
        _args = args;
        foreach (var generation in args.Generations)
        {
            var prefix = generation == 1 ? "ca" : $"ca-g{generation.ToString(CultureInfo.InvariantCulture)}";
            var key = new PrivateKey($"{prefix}-key", new PrivateKeyArgs { Algorithm = "RSA", RsaBits = 2048 }, Locked());
            var certificate = new SelfSignedCert(prefix, new SelfSignedCertArgs
            {
                PrivateKeyPem = key.PrivateKeyPem,
                IsCaCertificate = true,
                MaxPathLength = 0,
                SetSubjectKeyId = true,
                Subject = new SelfSignedCertSubjectArgs { CommonName = CommonNameOf(args, generation), Organization = args.Organization },
                ValidityPeriodHours = args.CaValidityHours,
                AllowedUses = ["cert_signing", "crl_signing", "digital_signature"],
            }, Locked());
            _generations[generation] = (key, certificate);
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["certificatePem"] = CertificatePem,
            ["validityEndTime"] = ValidityEndTime,
            ["trustedCertificatePems"] = TrustedCertificatePems,
        });
    }

    /// <summary>The issuing generation's CA certificate (PEM), which signs the server certificates.</summary>
    public Output<string> CertificatePem => Issuing.Certificate.CertPem;

    /// <summary>When the issuing generation's CA certificate stops being valid (RFC 3339).</summary>
    public Output<string> ValidityEndTime => Issuing.Certificate.ValidityEndTime;

    /// <summary>Every generation's CA certificate (PEM), in generation order: what the edge's <c>origin</c> behavior trusts.</summary>
    public IReadOnlyList<Input<string>> TrustedCertificatePems =>
        [.. _generations.OrderBy(pair => pair.Key).Select(pair => (Input<string>)pair.Value.Certificate.CertPem)];

    private (PrivateKey Key, SelfSignedCert Certificate) Issuing => _generations[_args.IssuingGeneration];

    /// <summary>The CA certificate's common name for <paramref name="generation"/>: the given name, with <c> G{n}</c> from generation 2.</summary>
    private static Input<string> CommonNameOf(OriginCertificateAuthorityArgs args, int generation) =>
        generation == 1 ? args.CommonName : ValidatedInput.Format($"{args.CommonName} G{generation.ToString(CultureInfo.InvariantCulture)}");

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
            CaPrivateKeyPem = Issuing.Key.PrivateKeyPem,
            CaCertPem = Issuing.Certificate.CertPem,
            ValidityPeriodHours = _args.ServerValidityHours,
            EarlyRenewalHours = _args.ServerEarlyRenewalHours,
            AllowedUses = ["server_auth", "digital_signature", "key_encipherment"],
        }, Child());
        var bundle = Output.Format($"{certificate.CertPem}{Issuing.Certificate.CertPem}{key.PrivateKeyPem}");
        var secret = vault.AddSecret(secretName, bundle, PemContentType);
        secret.SuppressPolicy("EI-KV-007", SecretExpiryJustification);
        return new OriginServerCertificate(secretName, certificate, secret);
    }

    private CustomResourceOptions Child() => new() { Parent = this };

    private CustomResourceOptions Locked() => AzureComponentArgs.LockedOptions(_args.Lock, this);

    private static void Validate(string name, OriginCertificateAuthorityArgs args)
    {
        var errors = new ComponentErrors(TypeToken, name);
        static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(args.CommonName?.Value) || args.CommonName.Value.Length > 60)
        {
            errors.Add("commonName", $"'{args.CommonName?.Value}' is not a CA common name: 1 to 60 characters (a certificate's common name has at most 64, and generations after the first add ' G{{n}}')");
        }

        if (args.CaValidityHours is < 720 or > 87600)
        {
            errors.Add("caValidityHours", $"{Text(args.CaValidityHours)} is out of range: a CA certificate lives 720 to 87600 hours");
        }

        var generations = args.Generations ?? [];
        if (generations.Count is < 1 or > 2 || generations.Distinct().Count() != generations.Count || generations.Any(g => g is < 1 or > 99))
        {
            errors.Add("generations", $"[{string.Join(", ", generations.Select(Text))}] is not a set of CA generations: one or two distinct numbers from 1 to 99 (two only while rotating)");
        }
        else if (!generations.Contains(args.IssuingGeneration))
        {
            errors.Add("issuingGeneration", $"{Text(args.IssuingGeneration)} is not one of the generations [{string.Join(", ", generations.Select(Text))}]: the issuing CA must exist and be trusted by the edge");
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
