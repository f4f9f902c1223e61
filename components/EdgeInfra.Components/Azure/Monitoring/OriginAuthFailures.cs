namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// The contract between the origin and the alert on repeated origin-verification failures.
/// </summary>
/// <remarks>
/// The origin (nginx, Kong or IIS behind the edge) verifies the per-environment secret or certificate that the edge
/// presents, and logs <b>each rejected request</b> with the tag <see cref="Tag"/>:
/// <list type="bullet">
/// <item>Linux: a syslog message whose program name (tag) is <see cref="Tag"/>, or whose text contains it, on facility
/// <c>local0</c> (or any facility in <see cref="SyslogFacilities"/>) at level <c>warning</c> or higher — lower levels are
/// not collected.</item>
/// <item>Windows: an event in the <c>Application</c> log whose source is <see cref="Tag"/>, or whose text contains it,
/// at level Warning or higher.</item>
/// </list>
/// The data collection rule of <see cref="Observability"/> collects exactly those, and <see cref="Query"/> counts them.
/// </remarks>
public static class OriginAuthFailures
{
    /// <summary>The tag the origin puts on each rejected request's log line.</summary>
    public const string Tag = "edge-origin-auth-failed";

    /// <summary>The syslog facilities the data collection rule collects.</summary>
    public static IReadOnlyList<string> SyslogFacilities { get; } = ["auth", "authpriv", "daemon", "local0", "syslog", "user"];

    /// <summary>The syslog levels the data collection rule collects: warning and higher.</summary>
    public static IReadOnlyList<string> SyslogLevels { get; } = ["Warning", "Error", "Critical", "Alert", "Emergency"];

    /// <summary>
    /// The KQL the alert runs over the workspace: one row per rejected request, from the <c>Syslog</c> table (Linux) and
    /// the <c>Event</c> table (Windows); the alert counts the rows of its window.
    /// </summary>
    public const string Query = """
        union isfuzzy=true
            (Syslog | where ProcessName == "edge-origin-auth-failed" or SyslogMessage has "edge-origin-auth-failed"),
            (Event | where Source == "edge-origin-auth-failed" or RenderedDescription has "edge-origin-auth-failed")
        | project TimeGenerated, Computer, _ResourceId
        """;
}
