using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeInfra.Akamai;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Tests.Azure.Compute;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// <see cref="OriginVmClusterMocks"/> plus real values where the rehearsal needs them: the <c>random</c> provider's
/// password drawn by its character rules from the inputs the stack gives, and a stand-in for the <c>tls</c> provider
/// that makes real keys and certificates from the stack's inputs (subject, DNS names, CA flag, allowed uses,
/// validity), copying the request's subject and names into a locally signed certificate as the provider does.
/// </summary>
internal sealed class RehearsalMocks(IReadOnlyList<string> accountCaPems) : OriginVmClusterMocks
{
    /// <summary>The version the mTLS Origin Keystore gives the client certificate at first (<c>currentGuid</c>).</summary>
    public const string ClientCertificateGuid = "client-certificate-version-1";

    private readonly Dictionary<string, (string Inputs, string? Id, object State)> _state = new(StringComparer.Ordinal);

    /// <summary>The account CA certificates Akamai lists now.</summary>
    public IReadOnlyList<string> AccountCaPems { get; set; } = accountCaPems;

    /// <summary>The client certificate version the keystore reports now.</summary>
    public string CurrentClientCertificateGuid { get; private set; } = ClientCertificateGuid;

    /// <summary>
    /// Like the engine with its state: a resource whose inputs did not change since the last run keeps its outputs (its
    /// keys, certificates and passwords), one whose inputs changed is made anew, as a replacement would.
    /// </summary>
    public override async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var key = $"{args.Type}::{args.Name}";
        var inputs = args.ToString();
        lock (_state)
        {
            if (_state.TryGetValue(key, out var known) && known.Inputs == inputs)
            {
                return (known.Id, known.State);
            }
        }

        var (id, state) = await base.NewResourceAsync(args);
        lock (_state)
        {
            _state[key] = (inputs, id, state);
        }

        return (id, state);
    }

    /// <summary>What a provider's renewal does to <paramref name="logicalName"/>: the next run makes it anew.</summary>
    public void Renew(string logicalName) => Forget(key => key.EndsWith($"::{logicalName}", StringComparison.Ordinal));

    /// <summary>What Akamai's renewal of the keystore certificate does: a new version, <paramref name="versionGuid"/>.</summary>
    public void RenewClientCertificate(string versionGuid)
    {
        CurrentClientCertificateGuid = versionGuid;
        Forget(key => key.StartsWith($"{MtlskeystoreClientCertificateAkamai.TypeToken}::", StringComparison.Ordinal));
    }

    private void Forget(Func<string, bool> which)
    {
        lock (_state)
        {
            foreach (var key in _state.Keys.Where(which).ToList())
            {
                _state.Remove(key);
            }
        }
    }

    /// <summary>The account CA certificates, as <c>getMtlskeystoreAccountCaCertificates</c> lists them.</summary>
    public override Task<object> CallAsync(MockCallArgs args) =>
        args.Token == GetMtlskeystoreAccountCaCertificates.Token
            ? Task.FromResult<object>(ImmutableDictionary<string, object?>.Empty
                .Add("id", "account-cas")
                .Add("certificates", AccountCaPems.Select((pem, i) => (object?)ImmutableDictionary<string, object?>.Empty
                    .Add("id", i + 1).Add("certificate", pem).Add("status", i == 0 ? "CURRENT" : "QUALIFYING")).ToImmutableArray()))
            : base.CallAsync(args);

    protected override (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs)
    {
        (id, outputs) = base.Complete(args, id, outputs);
        switch (args.Type)
        {
            case "akamai:index/cpCode:CpCode":
                id = "cpc_12345";
                break;
            case MtlskeystoreClientCertificateAkamai.TypeToken:
                outputs = outputs.SetItem("currentGuid", CurrentClientCertificateGuid);
                break;
            case "akamai:index/edgeWorker:EdgeWorker":
                outputs = outputs.SetItem("edgeworkerId", 4242);
                break;
            case "random:index/randomPassword:RandomPassword":
                var alphabet = RandomPasswordAlphabet.Of(Flag(args, "special", true), Text(args, "overrideSpecial"), Flag(args, "upper", true), Flag(args, "lower", true), Flag(args, "numeric", true));
                outputs = outputs.SetItem("result", RandomNumberGenerator.GetString(alphabet, Number(args, "length")));
                break;
            case "tls:index/privateKey:PrivateKey":
                using (var rsa = RSA.Create(Number(args, "rsaBits")))
                {
                    outputs = outputs.SetItem("privateKeyPem", rsa.ExportRSAPrivateKeyPem());
                }

                break;
            case "tls:index/selfSignedCert:SelfSignedCert":
                outputs = WithCertificate(outputs, SelfSigned(args));
                break;
            case "tls:index/certRequest:CertRequest":
                outputs = outputs.SetItem("certRequestPem", SigningRequest(args));
                break;
            case "tls:index/locallySignedCert:LocallySignedCert":
                outputs = WithCertificate(outputs, LocallySigned(args));
                break;
        }

        return (id, outputs);
    }

    private static ImmutableDictionary<string, object?> WithCertificate(ImmutableDictionary<string, object?> outputs, X509Certificate2 certificate)
    {
        using (certificate)
        {
            return outputs
                .SetItem("certPem", certificate.ExportCertificatePem() + "\n")
                .SetItem("validityEndTime", certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }
    }

    private static X509Certificate2 SelfSigned(MockResourceArgs args)
    {
        using var key = Key(Text(args, "privateKeyPem")!);
        var request = new CertificateRequest(Subject(args), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (Flag(args, "isCaCertificate", false))
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        }

        AddUses(request, args);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(Number(args, "validityPeriodHours")));
    }

    private static string SigningRequest(MockResourceArgs args)
    {
        using var key = Key(Text(args, "privateKeyPem")!);
        var request = new CertificateRequest(Subject(args), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in List(args, "dnsNames"))
        {
            names.AddDnsName(name);
        }

        request.CertificateExtensions.Add(names.Build());
        return request.CreateSigningRequestPem();
    }

    private static X509Certificate2 LocallySigned(MockResourceArgs args)
    {
        var request = CertificateRequest.LoadSigningRequestPem(Text(args, "certRequestPem")!, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        AddUses(request, args);
        using var issuer = X509Certificate2.CreateFromPem(Text(args, "caCertPem")!, Text(args, "caPrivateKeyPem")!);
        var now = DateTimeOffset.UtcNow;
        return request.Create(issuer, now.AddMinutes(-5), now.AddHours(Number(args, "validityPeriodHours")), RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>The tls provider's <c>allowed_uses</c> as key usages and extended key usages; any other use fails the test.</summary>
    private static void AddUses(CertificateRequest request, MockResourceArgs args)
    {
        var usages = X509KeyUsageFlags.None;
        var extended = new OidCollection();
        foreach (var use in List(args, "allowedUses"))
        {
            switch (use)
            {
                case "digital_signature": usages |= X509KeyUsageFlags.DigitalSignature; break;
                case "key_encipherment": usages |= X509KeyUsageFlags.KeyEncipherment; break;
                case "cert_signing": usages |= X509KeyUsageFlags.KeyCertSign; break;
                case "crl_signing": usages |= X509KeyUsageFlags.CrlSign; break;
                case "server_auth": extended.Add(new Oid("1.3.6.1.5.5.7.3.1")); break;
                case "client_auth": extended.Add(new Oid("1.3.6.1.5.5.7.3.2")); break;
                default: throw new InvalidOperationException($"the tls stand-in does not model allowed use '{use}'");
            }
        }

        request.CertificateExtensions.Add(new X509KeyUsageExtension(usages, true));
        if (extended.Count > 0)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(extended, false));
        }
    }

    private static X500DistinguishedName Subject(MockResourceArgs args)
    {
        var subject = (IReadOnlyDictionary<string, object?>)Reveal(args.Inputs["subject"])!;
        var builder = new X500DistinguishedNameBuilder();
        if (subject.TryGetValue("organization", out var organization) && Reveal(organization) is string o)
        {
            builder.AddOrganizationName(o);
        }

        builder.AddCommonName((string)Reveal(subject["commonName"])!);
        return builder.Build();
    }

    private static RSA Key(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    private static object? Reveal(object? value) => value is SecretValue secret ? Reveal(secret.Value) : value;

    private static string? Text(MockResourceArgs args, string name) => args.Inputs.TryGetValue(name, out var value) ? (string?)Reveal(value) : null;

    private static bool Flag(MockResourceArgs args, string name, bool fallback) =>
        args.Inputs.TryGetValue(name, out var value) && Reveal(value) is bool flag ? flag : fallback;

    private static int Number(MockResourceArgs args, string name) => Convert.ToInt32(Reveal(args.Inputs[name]), CultureInfo.InvariantCulture);

    private static IEnumerable<string> List(MockResourceArgs args, string name) =>
        args.Inputs.TryGetValue(name, out var value) && Reveal(value) is IEnumerable<object?> items ? items.Select(item => (string)Reveal(item)!) : [];
}
