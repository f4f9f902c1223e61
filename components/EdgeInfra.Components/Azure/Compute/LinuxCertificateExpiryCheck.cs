using System.Globalization;

namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The bash function the Linux refresh programs (<see cref="NginxOriginRefreshScript"/>, <see cref="KongOriginRefreshScript"/>)
/// run first, every minute, before they read Key Vault (so it still runs when Key Vault cannot be read, which is when a
/// certificate is likeliest to run out): <c>check_certificate_expiry CERT STAMP</c> logs a syslog line tagged
/// <see cref="OriginBootSettings.CertificateExpiringTag"/> (<c>local0.warning</c>, the tag also starting the message)
/// with the days left and the not-after date (UTC, ISO 8601) when the installed server certificate <c>CERT</c> expires
/// within <see cref="OriginBootSettings.CertificateExpiryWarningDays"/> days or has expired, at most once every
/// <see cref="OriginBootSettings.CertificateExpiryLogIntervalSeconds"/> seconds (<c>STAMP</c> keeps the time of the last
/// line), so that the alert counts about one line an hour per VM rather than sixty.
/// </summary>
/// <remarks>
/// It uses <c>openssl x509 -checkend</c> (exit status 1 when the certificate expires within the given seconds, see
/// https://docs.openssl.org/3.0/man1/openssl-x509/) and <c>openssl x509 -enddate</c>, read with GNU <c>date -d</c>. It
/// never fails the refresh: a missing or unreadable certificate logs nothing (the refresh logs its own failures).
/// </remarks>
internal static class LinuxCertificateExpiryCheck
{
    /// <summary>The function, to be placed in a bash script after <c>set -euo pipefail</c> and called with <c>|| true</c>.</summary>
    public static readonly string Text = string.Create(CultureInfo.InvariantCulture, $$"""
        # check_certificate_expiry CERT STAMP: a syslog line tagged {{OriginBootSettings.CertificateExpiringTag}} when CERT expires within
        # {{OriginBootSettings.CertificateExpiryWarningDays}} days, at most once an hour (STAMP holds the time of the last line).
        check_certificate_expiry() {
            local not_after end now last=0 days
            [ -f "$1" ] || return 0
            if openssl x509 -in "$1" -noout -checkend {{OriginBootSettings.CertificateExpiryWarningDays * 86400}} >/dev/null 2>&1; then
                return 0
            fi
            not_after="$(openssl x509 -in "$1" -noout -enddate 2>/dev/null)" || return 0
            end="$(date -u -d "${not_after#notAfter=}" +%s 2>/dev/null)" || return 0
            now="$(date -u +%s)"
            if [ -f "$2" ]; then last="$(head -n 1 "$2" 2>/dev/null || true)"; fi
            [[ "${last}" =~ ^[0-9]{1,12}$ ]] || last=0
            [ $((now - last)) -ge {{OriginBootSettings.CertificateExpiryLogIntervalSeconds}} ] || return 0
            days=$(((end - now) / 86400))
            logger -p local0.warning -t {{OriginBootSettings.CertificateExpiringTag}} \
                "{{OriginBootSettings.CertificateExpiringTag}} certificate=$1 days_left=${days} not_after=$(date -u -d "@${end}" +%Y-%m-%dT%H:%M:%SZ)" 2>/dev/null || true
            printf '%s\n' "${now}" > "$2"
        }
        """);
}
