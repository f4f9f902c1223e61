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

        public static async Task<Rehearsal> StartAsync(bool vaultAnswers = true)
        {
            var rehearsal = new Rehearsal(vaultAnswers);
            rehearsal._origin = await OriginRehearsal.StartAsync(await RenderScriptAsync(), rehearsal._standIn.Vault);
            return rehearsal;
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

        private static async Task<string> RenderScriptAsync()
        {
            var result = await ComponentHarness.RunAsync(() => new OriginVmCluster("origin", Defaults(OriginFlavor.Nginx)), new OriginVmClusterMocks());
            var vm = result.OfType<VirtualMachine>().First();
            return Encoding.UTF8.GetString(Convert.FromBase64String((string)Plain(Map(vm.Inputs["osProfile"])["customData"])!));
        }
    }
}
