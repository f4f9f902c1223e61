using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EdgeInfra.Components.Tests.Azure.Compute;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// An nginx origin VM, rehearsed on this machine: the boot script exactly as the VM receives it, run by bash against
/// <see cref="VaultStandIn"/> (the instance metadata endpoint and Key Vault on loopback), then real nginx (Debian's
/// package) in front of the default app. Everything lives in a temporary root; nothing listens beyond 127.0.0.1.
/// </summary>
internal sealed class OriginRehearsal : IDisposable
{
    private readonly List<Process> _processes = [];
    private readonly Dictionary<string, string> _environment;

    private OriginRehearsal(VaultStandIn vault)
    {
        Vault = vault;
        Root = Directory.CreateTempSubdirectory("edge-origin-rehearsal-").FullName;
        HttpsPort = RehearsalProcess.FreePort();
        // nginx's workers reach the syslog socket in it (the VM's /dev/log is world-writable too).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, File.GetUnixFileMode(Root) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        }

        Syslog = new SyslogStandIn(Path.Combine(Root, "syslog.sock"));
        var mainConfig = Path.Combine(Root, "nginx.conf");
        _environment = new Dictionary<string, string>
        {
            ["EDGE_ORIGIN_ROOT"] = Root,
            ["EDGE_ORIGIN_IMDS_ENDPOINT"] = vault.Uri.TrimEnd('/'),
            ["EDGE_ORIGIN_VAULT_URI"] = vault.Uri,
            ["EDGE_ORIGIN_HTTPS_PORT"] = Text(HttpsPort),
            ["EDGE_ORIGIN_APP_PORT"] = Text(RehearsalProcess.FreePort()),
            ["EDGE_ORIGIN_NGINX_TEST"] = $"nginx -q -t -c {mainConfig}",
            ["EDGE_ORIGIN_NGINX_RELOAD"] = $"nginx -c {mainConfig} -s reload",
            ["EDGE_ORIGIN_FIRST_READ_ATTEMPTS"] = "1",
            ["EDGE_ORIGIN_NGINX_PID_FILE"] = Path.Combine(Root, "nginx.pid"),
            ["EDGE_ORIGIN_SYSLOG_SOCKET"] = Syslog.Path,
        };
    }

    /// <summary>The temporary root the script writes under (its <c>/</c>).</summary>
    public string Root { get; }

    /// <summary>The loopback port nginx serves HTTPS on (443 on a VM).</summary>
    public int HttpsPort { get; }

    /// <summary>The syslog socket nginx logs refused requests to (<c>/dev/log</c> on a VM).</summary>
    public SyslogStandIn Syslog { get; }

    /// <summary>The IMDS and Key Vault stand-in the scripts read from.</summary>
    public VaultStandIn Vault { get; }

    /// <summary>The boot script's exit code; anything but 0 means nothing was started.</summary>
    public int BootExitCode { get; private set; }

    /// <summary>The requests nginx answered so far, refused ones included (the access log the script configures).</summary>
    public int ServedRequests => File.Exists(AccessLog) ? File.ReadAllLines(AccessLog).Length : 0;

    /// <summary>
    /// <see cref="ServedRequests"/> once nginx has written the lines of the requests it already answered: nginx logs a
    /// request after sending its response, so the count is read until it stays the same for 300 ms (at most 3 s).
    /// </summary>
    public async Task<int> ServedRequestsSettledAsync()
    {
        var count = ServedRequests;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Task.Delay(300);
            var next = ServedRequests;
            if (next == count)
            {
                return count;
            }

            count = next;
        }

        return count;
    }

    private string AccessLog => Path.Combine(Root, "var/log/nginx/access.log");

    /// <summary>The tools the rehearsal runs; `.ci/run` installs them.</summary>
    public static void RequireTools(params string[] tools)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/sbin");
        var missing = tools.Where(tool => !path.Any(folder => File.Exists(Path.Combine(folder, tool)))).ToList();
        Assert.True(missing.Count == 0, $"the rehearsal needs {string.Join(", ", missing)} (`.ci/run` installs them: apt-get install nginx-light curl jq openssl python3)");
    }

    /// <summary>Runs <paramref name="bootScript"/>; when it succeeds, starts the default app and nginx and waits until both accept connections.</summary>
    public static async Task<OriginRehearsal> StartAsync(string bootScript, VaultStandIn vault)
    {
        var rehearsal = new OriginRehearsal(vault);
        try
        {
            await rehearsal.BootAsync(bootScript);
            return rehearsal;
        }
        catch
        {
            rehearsal.Dispose();
            throw;
        }
    }

    /// <summary>What the systemd timer runs every minute; its exit code.</summary>
    public Task<int> RefreshAsync() =>
        RunAsync(Path.Combine(Root, "usr/local/lib/edge-origin/refresh"), [Path.Combine(Root, "etc/edge-origin/settings")]);

    public void Dispose()
    {
        if (File.Exists(Path.Combine(Root, "nginx.pid")))
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

        Syslog.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private async Task BootAsync(string bootScript)
    {
        File.WriteAllText(Path.Combine(Root, "boot.sh"), bootScript);
        File.WriteAllText(Path.Combine(Root, "nginx.conf"), $$"""
            pid {{Root}}/nginx.pid;
            error_log {{Root}}/error.log;
            events {}
            http {
                include {{Root}}/etc/nginx/conf.d/*.conf;
            }
            """);
        BootExitCode = await RunAsync("bash", [Path.Combine(Root, "boot.sh")]);
        if (BootExitCode != 0)
        {
            return;
        }

        _processes.Add(Start("python3", [Path.Combine(Root, "usr/local/lib/edge-origin/default-app.py"), _environment["EDGE_ORIGIN_APP_PORT"]]));
        Assert.Equal(0, await RunAsync("nginx", ["-c", Path.Combine(Root, "nginx.conf")]));
        var appPort = int.Parse(_environment["EDGE_ORIGIN_APP_PORT"], CultureInfo.InvariantCulture);
        if (await AcceptsAsync(appPort) && await AcceptsAsync(HttpsPort))
        {
            return;
        }

        throw new InvalidOperationException($"nginx or the default app did not come up: {File.ReadAllText(Path.Combine(Root, "error.log"))}");
    }

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/> within five seconds.</summary>
    private static async Task<bool> AcceptsAsync(int port)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private Process Start(string file, IEnumerable<string> arguments) => RehearsalProcess.Start(file, arguments, _environment);

    private async Task<int> RunAsync(string file, IEnumerable<string> arguments) => (await RehearsalProcess.RunAsync(file, arguments, _environment)).ExitCode;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
