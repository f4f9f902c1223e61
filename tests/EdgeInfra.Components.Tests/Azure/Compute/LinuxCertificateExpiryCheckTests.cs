using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using EdgeInfra.Components.Azure.Compute;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>
/// The Linux refreshes' certificate expiry check, run by bash against certificates made with openssl, with a stand-in
/// <c>logger</c> first on <c>PATH</c> that records what would reach syslog.
/// </summary>
public sealed class LinuxCertificateExpiryCheckTests : IDisposable
{
    private const string LoggerStandIn = """
        #!/bin/bash
        printf '%s\n' "$*" >> "${LOGGED}"
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("edge-origin-expiry-").FullName;

    [Fact]
    public async Task A_certificate_expiring_in_3_days_is_logged_with_the_tag_days_left_and_not_after_once_an_hour()
    {
        var certificate = MakeCertificate(days: 3);
        var notAfter = NotAfter(certificate);

        Assert.Equal(0, await CheckAsync(certificate));
        var line = Assert.Single(Logged());
        // Made just now for 3 days: 2 whole days left, or 3 when the check ran within the second the certificate was made.
        Assert.Matches($@"\A-p local0\.warning -t edge-origin-certificate-expiring edge-origin-certificate-expiring certificate={Regex.Escape(certificate)} days_left=[23] not_after={notAfter}\z", line);

        // Within the hour: nothing more. An hour after the last line: logged again.
        Assert.Equal(0, await CheckAsync(certificate));
        Assert.Single(Logged());
        File.WriteAllText(Stamp, (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3601).ToString(CultureInfo.InvariantCulture) + "\n");
        Assert.Equal(0, await CheckAsync(certificate));
        Assert.Equal(2, Logged().Count);
    }

    [Fact]
    public async Task A_certificate_valid_for_30_days_or_none_at_all_logs_nothing()
    {
        Assert.Equal(0, await CheckAsync(MakeCertificate(days: 30)));
        Assert.Equal(0, await CheckAsync(Path.Combine(_folder, "missing.crt")));
        Assert.Empty(Logged());
        Assert.False(File.Exists(Stamp));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Stamp => Path.Combine(_folder, "certificate-expiry-logged");

    private List<string> Logged()
    {
        var file = Path.Combine(_folder, "logged");
        return File.Exists(file) ? [.. File.ReadAllLines(file)] : [];
    }

    /// <summary>Runs the function as the refresh does, with <c>set -euo pipefail</c>; its exit code.</summary>
    private async Task<int> CheckAsync(string certificate)
    {
        var script = Path.Combine(_folder, "check.sh");
        File.WriteAllText(script, $$"""
            #!/bin/bash
            set -euo pipefail
            {{LinuxCertificateExpiryCheck.Text}}
            check_certificate_expiry "$1" "$2" || true
            """);
        var bin = Path.Combine(_folder, "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "logger"), LoggerStandIn);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bin, "logger"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}",
            ["LOGGED"] = Path.Combine(_folder, "logged"),
        };
        return (await RehearsalProcess.RunAsync("bash", [script, certificate, Stamp], environment)).ExitCode;
    }

    private string MakeCertificate(int days)
    {
        var certificate = Path.Combine(_folder, $"origin-{days}.crt");
        Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", days.ToString(CultureInfo.InvariantCulture), "-subj", "/CN=localhost",
            "-keyout", Path.Combine(_folder, $"origin-{days}.key"), "-out", certificate);
        return certificate;
    }

    /// <summary>The certificate's not-after date as the check writes it (UTC, ISO 8601).</summary>
    private static string NotAfter(string certificate)
    {
        using var parsed = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(certificate));
        return parsed.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}
