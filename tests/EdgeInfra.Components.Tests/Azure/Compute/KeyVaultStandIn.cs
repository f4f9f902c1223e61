using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using EdgeInfra.Components.Azure;

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

    private const string Token = "rehearsal-token";

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, List<(string Version, string Value)>> _vault = new(StringComparer.Ordinal);
    private readonly string _folder;

    /// <summary>Starts listening on a free loopback port; <paramref name="folder"/> holds the certificate files.</summary>
    public KeyVaultStandIn(string folder, bool vaultAnswers = true)
    {
        _folder = folder;
        VaultAnswers = vaultAnswers;
        Uri = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Uri);
        _listener.Start();
        _ = Task.Run(ServeAsync);
        AddSecretVersion();
        Ca = MakeCertificates("ca", "stack CA", out var bundle);
        OtherCa = MakeCertificates("other", "another CA", out _);
        _vault[TlsSecretName] = [(Guid.NewGuid().ToString("N"), bundle)];
    }

    /// <summary>The stand-in's base URI, ending with <c>/</c>: the vault URI, and (without the slash) the metadata endpoint.</summary>
    public string Uri { get; }

    /// <summary>Whether Key Vault answers; when false every vault request gets 403 (the token still comes).</summary>
    public bool VaultAnswers { get; set; }

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
        if (!_vault.TryGetValue(OriginSecretName, out var versions))
        {
            versions = [];
            _vault[OriginSecretName] = versions;
        }

        lock (versions)
        {
            versions.Add((Guid.NewGuid().ToString("N"), value));
        }

        return value;
    }

    /// <summary>A free TCP port on the loopback interface.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Close();
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

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var (status, body) = Answer(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    /// <summary>IMDS (a token for the client id, with <c>Metadata: true</c>) and Key Vault (versions and values, with the token).</summary>
    private (int Status, string Body) Answer(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath;
        if (path == "/metadata/identity/oauth2/token")
        {
            return request.Headers["Metadata"] == "true" && request.QueryString["client_id"] == ClientId && request.QueryString["resource"] == "https://vault.azure.net"
                ? (200, JsonSerializer.Serialize(new { access_token = Token }))
                : (400, "{}");
        }

        if (!VaultAnswers || request.Headers["Authorization"] != $"Bearer {Token}" || request.QueryString["api-version"] != "7.4")
        {
            return (403, "{\"error\":{\"code\":\"Forbidden\"}}");
        }

        var parts = path.Trim('/').Split('/');
        if (parts.Length == 3 && parts[0] == "secrets" && _vault.TryGetValue(parts[1], out var versions))
        {
            lock (versions)
            {
                if (parts[2] == "versions")
                {
                    var created = 1_700_000_000;
                    var items = versions.Select(v => new { id = $"{Uri}secrets/{parts[1]}/{v.Version}", attributes = new { enabled = true, created = created++ } });
                    return (200, JsonSerializer.Serialize(new { value = items, nextLink = (string?)null }));
                }

                var match = versions.FirstOrDefault(v => v.Version == parts[2]);
                return match.Value is null ? (404, "{}") : (200, JsonSerializer.Serialize(new { value = match.Value }));
            }
        }

        return (404, "{}");
    }
}
