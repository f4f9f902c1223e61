using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterTests;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>
/// The origin half of the request path, for real: the nginx boot script exactly as a VM receives it, run by bash
/// against loopback stand-ins for the instance metadata endpoint and Key Vault, then real nginx (Debian's package;
/// <c>.ci/run</c> installs it) in front of the default app, reached over TLS verified against exactly the stack's CA.
/// Traffic goes to 127.0.0.1 and ::1 only; every loop is bounded.
/// </summary>
public sealed class NginxOriginRehearsalTests
{
    private const string ClientId = "origin-identity-client";
    private const string Token = "rehearsal-token";

    [Fact]
    public async Task The_rendered_origin_serves_only_the_edge_over_the_stack_certificate_and_rotates_without_a_failed_request()
    {
        RequireTools("nginx", "openssl", "python3", "curl", "jq", "bash");
        using var rehearsal = await Rehearsal.StartAsync();

        // The edge's credential gets through to the default app, which echoes the identity headers.
        var ok = await rehearsal.SendAsync(rehearsal.Secrets[0], ("X-Edge-Sub", "user-42"));
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Contains("\"x-edge-sub\": \"user-42\"", ok.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(rehearsal.Secrets[0], ok.Body, StringComparison.Ordinal);

        // A direct request without the edge's credential, or with a wrong one, is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await rehearsal.SendAsync(null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await rehearsal.SendAsync("not-the-origin-secret-0123456789")).Status);

        // The origin's certificate verifies against the stack's CA only: a client trusting another CA refuses it.
        await Assert.ThrowsAsync<HttpRequestException>(() => rehearsal.SendAsync(rehearsal.Secrets[0], trust: rehearsal.OtherCa));

        // Rotation while requests run: Key Vault gets a new version, the timer's refresh runs, then the edge switches.
        var failures = 0;
        var sent = 0;
        var edgeSecret = rehearsal.Secrets[0];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var traffic = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && sent < 2000)
            {
                var response = await rehearsal.SendAsync(Volatile.Read(ref edgeSecret));
                Interlocked.Increment(ref sent);
                if (response.Status != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                    Console.Error.WriteLine($"rotation: {response.Status} for secret #{rehearsal.Secrets.IndexOf(Volatile.Read(ref edgeSecret))}");
                }
            }
        });
        var next = rehearsal.AddSecretVersion();
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Volatile.Write(ref edgeSecret, next);
        var third = rehearsal.AddSecretVersion();
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Volatile.Write(ref edgeSecret, third);
        await Task.Delay(300);
        await stop.CancelAsync();
        await traffic;
        Assert.True(sent > 20, $"only {sent} requests were sent during the rotation");
        Assert.True(failures == 0, $"{failures} of {sent} requests failed during the rotation");

        // Two rotations later the first secret is no longer accepted.
        Assert.Equal(HttpStatusCode.Forbidden, (await rehearsal.SendAsync(rehearsal.Secrets[0])).Status);
        Assert.Equal(HttpStatusCode.OK, (await rehearsal.SendAsync(next)).Status);
    }

    [Fact]
    public async Task Without_key_vault_the_origin_stays_closed()
    {
        RequireTools("openssl", "curl", "jq", "bash");
        using var rehearsal = await Rehearsal.StartAsync(vaultAnswers: false);
        Assert.NotEqual(0, rehearsal.BootExitCode);
        Assert.False(File.Exists(Path.Combine(rehearsal.Root, "etc/nginx/edge-origin/secrets.conf")));
        Assert.False(File.Exists(Path.Combine(rehearsal.Root, "etc/nginx/edge-origin/origin.crt")));
    }

    private static void RequireTools(params string[] tools)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/sbin");
        var missing = tools.Where(tool => !path.Any(folder => File.Exists(Path.Combine(folder, tool)))).ToList();
        Assert.True(missing.Count == 0, $"the origin rehearsal needs {string.Join(", ", missing)} (`.ci/run` installs them: apt-get install nginx-light curl jq openssl python3)");
    }

    /// <summary>One rehearsal: a temporary root, the stand-in, the rendered script's files, nginx and the app.</summary>
    private sealed class Rehearsal : IDisposable
    {
        private readonly HttpListener _standIn = new();
        private readonly Dictionary<string, List<(string Version, string Value)>> _vault = new(StringComparer.Ordinal);
        private readonly List<Process> _processes = [];
        private readonly bool _vaultAnswers;
        private Dictionary<string, string> _environment = [];
        private int _httpsPort;

        private Rehearsal(bool vaultAnswers)
        {
            _vaultAnswers = vaultAnswers;
            Root = Directory.CreateTempSubdirectory("edge-origin-rehearsal-").FullName;
        }

        public string Root { get; }

        public List<string> Secrets { get; } = [];

        public int BootExitCode { get; private set; }

        public X509Certificate2 Ca { get; private set; } = null!;

        public X509Certificate2 OtherCa { get; private set; } = null!;

        private string StandInUri { get; set; } = "";

        public static async Task<Rehearsal> StartAsync(bool vaultAnswers = true)
        {
            var rehearsal = new Rehearsal(vaultAnswers);
            await rehearsal.StartAsync();
            return rehearsal;
        }

        private async Task StartAsync()
        {
            var standInPort = FreePort();
            _httpsPort = FreePort();
            var appPort = FreePort();
            StandInUri = $"http://127.0.0.1:{standInPort}/";
            _standIn.Prefixes.Add(StandInUri);
            _standIn.Start();
            _ = Task.Run(ServeStandInAsync);

            AddSecretVersion();
            Ca = MakeCertificates("ca", "stack CA", out var bundle);
            OtherCa = MakeCertificates("other", "another CA", out _);
            _vault["origin-tls"] = [(Guid.NewGuid().ToString("N"), bundle)];

            var script = await RenderScriptAsync();
            File.WriteAllText(Path.Combine(Root, "boot.sh"), script);
            var mainConfig = Path.Combine(Root, "nginx.conf");
            File.WriteAllText(mainConfig, $$"""
                pid {{Root}}/nginx.pid;
                error_log {{Root}}/error.log;
                events {}
                http {
                    include {{Root}}/etc/nginx/conf.d/*.conf;
                }
                """);
            _environment = new Dictionary<string, string>
            {
                ["EDGE_ORIGIN_ROOT"] = Root,
                ["EDGE_ORIGIN_IMDS_ENDPOINT"] = StandInUri.TrimEnd('/'),
                ["EDGE_ORIGIN_VAULT_URI"] = StandInUri,
                ["EDGE_ORIGIN_HTTPS_PORT"] = _httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["EDGE_ORIGIN_APP_PORT"] = appPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["EDGE_ORIGIN_NGINX_TEST"] = $"nginx -q -t -c {mainConfig}",
                ["EDGE_ORIGIN_NGINX_RELOAD"] = $"nginx -c {mainConfig} -s reload",
                ["EDGE_ORIGIN_FIRST_READ_ATTEMPTS"] = "1",
                ["EDGE_ORIGIN_NGINX_PID_FILE"] = Path.Combine(Root, "nginx.pid"),
            };
            BootExitCode = await RunAsync("bash", [Path.Combine(Root, "boot.sh")]);
            if (BootExitCode != 0)
            {
                return;
            }

            _processes.Add(Start("python3", [Path.Combine(Root, "usr/local/lib/edge-origin/default-app.py"), _environment["EDGE_ORIGIN_APP_PORT"]]));
            Assert.Equal(0, await RunAsync("nginx", ["-c", mainConfig]));
            for (var attempt = 0; attempt < 50; attempt++)
            {
                try
                {
                    if ((await SendAsync(Secrets[0])).Status == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100);
            }

            throw new InvalidOperationException($"the origin did not come up: {File.ReadAllText(Path.Combine(Root, "error.log"))}");
        }

        /// <summary>A new version of the origin secret, drawn by the random provider's rules from the component's alphabet.</summary>
        public string AddSecretVersion()
        {
            var spec = new GeneratedSecretSpec { ExpiresOn = DateTimeOffset.UnixEpoch.AddYears(60) };
            var value = RandomNumberGenerator.GetString(RandomPasswordAlphabet.Of(spec.Special, spec.SpecialCharacters), spec.Length);
            Secrets.Add(value);
            if (!_vault.TryGetValue("origin-secret", out var versions))
            {
                versions = [];
                _vault["origin-secret"] = versions;
            }

            lock (versions)
            {
                versions.Add((Guid.NewGuid().ToString("N"), value));
            }

            return value;
        }

        /// <summary>What the systemd timer runs every minute.</summary>
        public Task<int> RefreshAsync() =>
            RunAsync(Path.Combine(Root, "usr/local/lib/edge-origin/refresh"), [Path.Combine(Root, "etc/edge-origin/settings")]);

        public async Task<(HttpStatusCode Status, string Body)> SendAsync(string? originSecret, (string Name, string Value)? header = null, X509Certificate2? trust = null)
        {
            using var handler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",
                    CertificateChainPolicy = new X509ChainPolicy
                    {
                        TrustMode = X509ChainTrustMode.CustomRootTrust,
                        CustomTrustStore = { trust ?? Ca },
                        RevocationMode = X509RevocationMode.NoCheck,
                    },
                },
                ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _httpsPort), token);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://localhost:{_httpsPort}/orders");
            if (originSecret is not null)
            {
                request.Headers.Add("X-Origin-Auth", originSecret);
            }

            if (header is { } extra)
            {
                request.Headers.Add(extra.Name, extra.Value);
            }

            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public void Dispose()
        {
            var pid = Path.Combine(Root, "nginx.pid");
            if (File.Exists(pid))
            {
                RunAsync("nginx", ["-c", Path.Combine(Root, "nginx.conf"), "-s", "stop"]).Wait(TimeSpan.FromSeconds(10));
            }

            foreach (var process in _processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }

            _standIn.Close();
            Ca?.Dispose();
            OtherCa?.Dispose();
            Directory.Delete(Root, recursive: true);
        }

        private async Task<string> RenderScriptAsync()
        {
            var result = await ComponentHarness.RunAsync(() => new OriginVmCluster("origin", Defaults(OriginFlavor.Nginx)), new OriginVmClusterMocks());
            var vm = result.OfType<VirtualMachine>().First();
            return Encoding.UTF8.GetString(Convert.FromBase64String((string)Plain(Map(vm.Inputs["osProfile"])["customData"])!));
        }

        /// <summary>A CA and a server certificate for localhost signed by it; <paramref name="bundle"/> is what the stack stores in Key Vault.</summary>
        private X509Certificate2 MakeCertificates(string prefix, string caName, out string bundle)
        {
            string File(string name) => Path.Combine(Root, $"{prefix}-{name}");
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

        private Process Start(string file, IEnumerable<string> arguments)
        {
            var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var (key, value) in _environment)
            {
                info.Environment[key] = value;
            }

            return Process.Start(info)!;
        }

        private async Task<int> RunAsync(string file, IEnumerable<string> arguments)
        {
            using var process = Start(file, arguments);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(output, error);
            return process.ExitCode;
        }

        private async Task ServeStandInAsync()
        {
            while (_standIn.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _standIn.GetContextAsync();
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

            if (!_vaultAnswers || request.Headers["Authorization"] != $"Bearer {Token}" || request.QueryString["api-version"] != "7.4")
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
                        var items = versions.Select(v => new { id = $"{StandInUri}secrets/{parts[1]}/{v.Version}", attributes = new { enabled = true, created = created++ } });
                        return (200, JsonSerializer.Serialize(new { value = items, nextLink = (string?)null }));
                    }

                    var match = versions.FirstOrDefault(v => v.Version == parts[2]);
                    return match.Value is null ? (404, "{}") : (200, JsonSerializer.Serialize(new { value = match.Value }));
                }
            }

            return (404, "{}");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
