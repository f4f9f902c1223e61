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
using EdgeInfra.Components.Tests.Rehearsal;
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
    [Fact]
    public async Task The_rendered_origin_serves_only_the_edge_over_the_stack_certificate_and_rotates_without_a_failed_request()
    {
        OriginRehearsal.RequireTools("nginx", "openssl", "python3", "curl", "jq", "bash");
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
        var edgeSecret = rehearsal.Secrets[0];
        using var traffic = BackgroundTraffic.Start(() => rehearsal.SendAsync(Volatile.Read(ref edgeSecret)), 2000, TimeSpan.FromSeconds(60));
        var next = rehearsal.AddSecretVersion();
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Volatile.Write(ref edgeSecret, next);
        var third = rehearsal.AddSecretVersion();
        Assert.Equal(0, await rehearsal.RefreshAsync());
        Volatile.Write(ref edgeSecret, third);
        await Task.Delay(300);
        await traffic.StopAsync();
        Assert.True(traffic.Sent > 20, $"only {traffic.Sent} requests were sent during the rotation");
        Assert.True(traffic.Failures.Count == 0, $"{traffic.Failures.Count} of {traffic.Sent} requests failed during the rotation: {string.Join("; ", traffic.Failures.Take(3))}");

        // Two rotations later the first secret is no longer accepted.
        Assert.Equal(HttpStatusCode.Forbidden, (await rehearsal.SendAsync(rehearsal.Secrets[0])).Status);
        Assert.Equal(HttpStatusCode.OK, (await rehearsal.SendAsync(next)).Status);
    }

    [Fact]
    public async Task Without_key_vault_the_origin_stays_closed()
    {
        OriginRehearsal.RequireTools("openssl", "curl", "jq", "bash");
        using var rehearsal = await Rehearsal.StartAsync(vaultAnswers: false);
        Assert.NotEqual(0, rehearsal.BootExitCode);
        Assert.False(File.Exists(Path.Combine(rehearsal.Root, "etc/nginx/edge-origin/secrets.conf")));
        Assert.False(File.Exists(Path.Combine(rehearsal.Root, "etc/nginx/edge-origin/origin.crt")));
    }

    [Fact]
    public async Task A_verified_request_without_a_role_of_the_route_its_normalized_path_falls_under_gets_403_and_a_syslog_line()
    {
        OriginRehearsal.RequireTools("nginx", "openssl", "python3", "curl", "jq", "bash");
        using var rehearsal = await Rehearsal.StartAsync(routes: Routes);
        Assert.Equal(0, rehearsal.BootExitCode);

        // (request target as sent, X-Edge-Roles or null for none, expected status)
        var cases = new (string Target, string? Roles, int Status)[]
        {
            ("/orders", "Orders.Reader", 200),
            ("/orders/1?expand=all", "Other Orders.Admin", 200),
            ("/orders/1", "Orders.Admin Other", 200),
            ("/orders/1", "A Orders.Reader B", 200),
            ("/orders", null, 403),
            ("/orders", "", 403),
            ("/orders/1", "Other", 403),
            ("/orders/1", "orders.reader", 403),
            ("/orders/1", "OrdersXReader", 403),
            ("/orders/1", "Orders.Reader2", 403),
            ("/orders/1", "XOrders.Reader", 403),
            ("/orders/1", "Orders.Reader,Other", 403),
            ("/orders?x=/orders/public", null, 403),
            // Percent-encoding, dot segments and repeated slashes are resolved before the comparison (nginx's $uri).
            ("/%6Frders/1", null, 403),
            ("/orders%2F1", null, 403),
            ("//orders/1", null, 403),
            ("/orders/public/../1", null, 403),
            ("/orders/public/%2e%2e/1", null, 403),
            ("/public/..%2Forders", null, 403),
            ("/orders/./1", null, 403),
            // Segment-aware: /orders does not cover /ordersx; a path under no route needs no role.
            ("/ordersx", null, 200),
            ("/Orders", null, 200),
            ("/other", null, 200),
            ("/", null, 200),
            // The longest prefix decides: a scopes-only route opens part of /orders; a stricter route inside it.
            ("/orders/public", null, 200),
            ("/orders/public/list", null, 200),
            ("/orders/publicx", null, 403),
            ("/orders/public/admin", "Orders.Reader", 403),
            ("/orders/public/admin/users", "Orders.Admin", 200),
            ("/orders/public/admin/users", null, 403),
            // A prefix and a role with dots and a colon.
            ("/reports.v1/summary", "api:reports-reader_2", 200),
            ("/reports.v1", "api:reports-reader", 403),
            ("/reportsXv1", null, 200),
        };
        var failures = new List<string>();
        foreach (var (target, roles, status) in cases)
        {
            var answered = await rehearsal.SendRawAsync(target, rehearsal.Secrets[0], roles);
            if (answered != status)
            {
                failures.Add($"{target} roles={roles ?? "(none)"}: {answered}, expected {status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Every refusal of a verified request is logged with the tag and the deciding route's prefix (nginx writes an
        // empty or missing header as "-").
        var denied = cases.Count(c => c.Status == 403);
        var lines = await rehearsal.Syslog.WaitForAsync("edge-origin-role-denied ", denied);
        Assert.Equal(denied, lines.Count);
        Assert.Contains(lines, line => line.Contains("edge-origin-role-denied client=127.0.0.1 host=localhost path_prefix=/orders request=\"GET /%6Frders/1 HTTP/1.1\" roles=\"-\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("path_prefix=/orders/public/admin request=\"GET /orders/public/admin HTTP/1.1\" roles=\"Orders.Reader\"", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.StartsWith("<132>", line, StringComparison.Ordinal));

        // A request without the origin secret is the existing rejection, not a role denial.
        Assert.Equal(403, await rehearsal.SendRawAsync("/orders", "not-the-origin-secret-0123456789", null));
        Assert.Single(await rehearsal.Syslog.WaitForAsync("edge-origin-auth-failed ", 1));
        Assert.Equal(denied, (await rehearsal.Syslog.WaitForAsync("edge-origin-role-denied ", denied + 1)).Count);
    }

    /// <summary>One rehearsal: the stand-in with openssl-made certificates for localhost, and the rendered script on <see cref="OriginRehearsal"/>.</summary>
    private sealed class Rehearsal : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("edge-origin-certificates-").FullName;
        private readonly KeyVaultStandIn _standIn;
        private OriginRehearsal _origin = null!;

        private Rehearsal(bool vaultAnswers) => _standIn = new KeyVaultStandIn(_folder, vaultAnswers);

        public string Root => _origin.Root;

        public List<string> Secrets => _standIn.Secrets;

        public int BootExitCode => _origin.BootExitCode;

        public X509Certificate2 Ca => _standIn.Ca;

        public X509Certificate2 OtherCa => _standIn.OtherCa;

        public SyslogStandIn Syslog => _origin.Syslog;

        public static async Task<Rehearsal> StartAsync(bool vaultAnswers = true, IReadOnlyList<RouteAccess>? routes = null)
        {
            var rehearsal = new Rehearsal(vaultAnswers);
            rehearsal._origin = await OriginRehearsal.StartAsync(await RenderScriptAsync(routes), rehearsal._standIn.Vault);
            return rehearsal;
        }

        /// <summary>
        /// One GET of <paramref name="target"/> exactly as written (no client-side normalization), over TLS verified
        /// against the stack's CA, with the origin secret and, when given, <c>X-Edge-Roles</c>; the status nginx answers.
        /// </summary>
        public async Task<int> SendRawAsync(string target, string originSecret, string? roles)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, _origin.HttpsPort);
            await using var tls = new SslStream(tcp.GetStream());
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { Ca },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            });
            var request = $"GET {target} HTTP/1.1\r\nHost: localhost\r\nX-Origin-Auth: {originSecret}\r\n"
                + (roles is null ? "" : $"X-Edge-Roles: {roles}\r\n")
                + "Connection: close\r\n\r\n";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(request));
            using var reader = new StreamReader(tls, Encoding.ASCII);
            var statusLine = await reader.ReadLineAsync() ?? "";
            return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>A new version of the origin secret in the stand-in Key Vault.</summary>
        public string AddSecretVersion() => _standIn.AddSecretVersion();

        /// <summary>What the systemd timer runs every minute.</summary>
        public Task<int> RefreshAsync() => _origin.RefreshAsync();

        public async Task<(HttpStatusCode Status, string Body)> SendAsync(string? originSecret, (string Name, string Value)? header = null, X509Certificate2? trust = null)
        {
            using var client = LoopbackHttpClient.Create("localhost", _origin.HttpsPort, trust ?? Ca);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://localhost:{_origin.HttpsPort}/orders");
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
            _origin?.Dispose();
            _standIn.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        private static async Task<string> RenderScriptAsync(IReadOnlyList<RouteAccess>? routes)
        {
            var result = await ComponentHarness.RunAsync(() => new OriginVmCluster("origin", Defaults(OriginFlavor.Nginx, routes: routes)), new OriginVmClusterMocks());
            var vm = result.OfType<VirtualMachine>().First();
            return Encoding.UTF8.GetString(Convert.FromBase64String((string)Plain(Map(vm.Inputs["osProfile"])["customData"])!));
        }
    }
}
