using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Tests.Rehearsal;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>
/// Loopback stand-ins for the instance metadata endpoint (a token for <see cref="ClientId"/>, with <c>Metadata: true</c>)
/// and Key Vault (secret versions and values, with that token), as the origin refresh programs call them; and the
/// stack's certificates, made with openssl. The origin rehearsals of every flavor run their rendered scripts against it.
/// </summary>
internal sealed class KeyVaultStandIn : IDisposable
{
    /// <summary>The client id of the identity the rendered scripts ask a token for (<see cref="OriginVmClusterMocks"/>).</summary>
    public const string ClientId = "origin-identity-client";

    /// <summary>The origin secret's name in the rendered scripts.</summary>
    public const string OriginSecretName = "origin-secret";

    /// <summary>The certificate secret's name in the rendered scripts.</summary>
    public const string TlsSecretName = "origin-tls";

    private readonly VaultStandIn _vault;
    private readonly string _folder;

    /// <summary>Starts listening on a free loopback port; <paramref name="folder"/> holds the certificate files.</summary>
    public KeyVaultStandIn(string folder, bool vaultAnswers = true)
    {
        _folder = folder;
        _vault = new VaultStandIn(ClientId, vaultAnswers);
        AddSecretVersion();
        Ca = MakeCertificates("ca", "stack CA", out var bundle);
        OtherCa = MakeCertificates("other", "another CA", out _);
        _vault.AddVersion(TlsSecretName, bundle);
    }

    /// <summary>The IMDS and Key Vault stand-in itself.</summary>
    public VaultStandIn Vault => _vault;

    /// <summary>The stand-in's base URI, ending with <c>/</c>: the vault URI, and (without the slash) the metadata endpoint.</summary>
    public string Uri => _vault.Uri;

    /// <summary>Whether Key Vault answers; when false every vault request gets 403 (the token still comes).</summary>
    public bool VaultAnswers
    {
        get => _vault.Answers;
        set => _vault.Answers = value;
    }

    /// <summary>The origin secret's values, oldest first.</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>The stack's CA, which issued the server certificate stored under <see cref="TlsSecretName"/>.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>Another CA, which a client must not accept the origin's certificate for.</summary>
    public X509Certificate2 OtherCa { get; }

    /// <summary>A new version of the origin secret, drawn by the random provider's rules from the component's alphabet.</summary>
    public string AddSecretVersion()
    {
        var spec = new GeneratedSecretSpec { ExpiresOn = DateTimeOffset.UnixEpoch.AddYears(60) };
        var value = RandomNumberGenerator.GetString(RandomPasswordAlphabet.Of(spec.Special, spec.SpecialCharacters), spec.Length);
        Secrets.Add(value);
        _vault.AddVersion(OriginSecretName, value);
        return value;
    }

    public void Dispose()
    {
        _vault.Dispose();
        Ca.Dispose();
        OtherCa.Dispose();
    }

    /// <summary>A CA and a server certificate for localhost signed by it; <paramref name="bundle"/> is what the stack stores in Key Vault.</summary>
    private X509Certificate2 MakeCertificates(string prefix, string caName, out string bundle)
    {
        string File(string name) => Path.Combine(_folder, $"{prefix}-{name}");
        System.IO.File.WriteAllText(File("ext"), "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        Openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", $"/CN={caName}", "-keyout", File("ca.key"), "-out", File("ca.crt"),
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", File("server.key"), "-out", File("server.csr"));
        Openssl("x509", "-req", "-in", File("server.csr"), "-CA", File("ca.crt"), "-CAkey", File("ca.key"), "-CAcreateserial", "-days", "1",
            "-extfile", File("ext"), "-out", File("server.crt"));
        bundle = System.IO.File.ReadAllText(File("server.crt")) + System.IO.File.ReadAllText(File("ca.crt")) + System.IO.File.ReadAllText(File("server.key"));
        return X509Certificate2.CreateFromPem(System.IO.File.ReadAllText(File("ca.crt")));
    }

    private static void Openssl(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}
