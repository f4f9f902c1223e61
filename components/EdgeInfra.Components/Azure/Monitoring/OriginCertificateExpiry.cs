namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// The contract between the origin and the alert on an origin certificate close to its expiry.
/// </summary>
/// <remarks>
/// Every minute, each origin VM checks the server certificate it serves (the Linux refresh with
/// <c>openssl x509 -checkend</c>, the IIS refresh with <c>X509Certificate2.NotAfter</c>), before it reads Key Vault so
/// the check still runs when Key Vault cannot be read. While the certificate expires within 7 days (or has expired) it
/// logs, <b>at most once an hour</b>, a line tagged <see cref="Tag"/> with the days left and the not-after date:
/// <list type="bullet">
/// <item>Linux: a syslog message on <c>local0</c> at level <c>warning</c> whose program name (tag) is <see cref="Tag"/>
/// and whose text starts with it.</item>
/// <item>Windows: a Warning event in the <c>Application</c> log whose source is <see cref="Tag"/>.</item>
/// </list>
/// The data collection rule of <see cref="Observability"/> already collects both (<see cref="OriginAuthFailures.SyslogFacilities"/>
/// at warning and higher; Application events of level Warning and higher). Once an hour rather than every minute keeps
/// the alert's count meaningful: within its one-hour window a VM contributes about one row, and
/// <see cref="Query"/> keeps one row per computer, so the alert's count is the number of VMs whose certificate is
/// about to run out. Certificates the stack issues live 30 days and are renewed well before the last 7 (see
/// <c>OriginCertificateAuthority</c>): a line means a renewal did not reach the VM.
/// </remarks>
public static class OriginCertificateExpiry
{
    /// <summary>The tag of the origin's line.</summary>
    public const string Tag = "edge-origin-certificate-expiring";

    /// <summary>How many days before its expiry a certificate is reported.</summary>
    public const int WarningDays = 7;

    /// <summary>
    /// The KQL the alert runs over the workspace: the latest line of each computer whose certificate is about to
    /// expire, from the <c>Syslog</c> table (Linux) and the <c>Event</c> table (Windows); the alert counts the rows.
    /// </summary>
    public const string Query = """
        union isfuzzy=true
            (Syslog | where ProcessName == "edge-origin-certificate-expiring" or SyslogMessage has "edge-origin-certificate-expiring"),
            (Event | where Source == "edge-origin-certificate-expiring" or RenderedDescription has "edge-origin-certificate-expiring")
        | summarize arg_max(TimeGenerated, _ResourceId) by Computer
        | project TimeGenerated, Computer, _ResourceId
        """;
}
