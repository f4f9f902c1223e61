namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// What an origin VM's boot script needs, all deploy-time values or validated literals, and never the origin secret
/// itself: the script reads the secret from Key Vault with the VM's user-assigned identity.
/// </summary>
/// <param name="KeyVaultUri">The vault's URI, ending with <c>/</c>.</param>
/// <param name="OriginSecretName">The name of the secret the edge presents.</param>
/// <param name="IdentityClientId">The client id of the user-assigned identity that reads it.</param>
/// <param name="OriginHostname">The origin's public hostname (the name the TLS certificate is issued for).</param>
/// <param name="HeaderName">The request header that carries the secret.</param>
/// <param name="UpstreamUrl">Where nginx or Kong forwards verified requests; null for the default app.</param>
/// <param name="TlsSecretName">The Key Vault secret holding the server certificate, CA certificate and key (PEM).</param>
/// <param name="EdgeClient">How the origin knows the edge's client certificate; null when it does not ask for one.</param>
/// <param name="Routes">The routes whose roles the origin enforces (<see cref="OriginRoutes"/>), validated.</param>
internal sealed record OriginBootSettings(
    Input<string> KeyVaultUri,
    string OriginSecretName,
    Output<string> IdentityClientId,
    Output<string> OriginHostname,
    string HeaderName,
    string? UpstreamUrl,
    string TlsSecretName,
    EdgeClientCertificateTrust? EdgeClient,
    OriginRoutes Routes)
{
    /// <summary>The loopback port of <see cref="DefaultOriginApp"/>.</summary>
    public const int DefaultAppPort = 8080;

    /// <summary>Whether the VM installs <see cref="DefaultOriginApp"/>: when no upstream is given (<c>true</c>/<c>false</c>, for the script).</summary>
    public string InstallsDefaultApp => UpstreamUrl is null ? "true" : "false";

    /// <summary>
    /// Where nginx or Kong forwards, as the Linux boot scripts write it: the given upstream, or the default app on
    /// <c>http://127.0.0.1:${APP_PORT}</c> (a shell variable of the boot script, <see cref="DefaultAppPort"/> on a VM).
    /// </summary>
    public string ShellUpstream => UpstreamUrl ?? "http://127.0.0.1:${APP_PORT}";

    /// <summary>
    /// What a secret value must look like before a boot script writes it into a server config: 16 or more characters
    /// of letters, digits and <c>. _ + / = -</c>, none of which nginx, Lua, sed, XML or a regular expression (once
    /// escaped) treat specially.
    /// </summary>
    public const string SecretValuePattern = "^[A-Za-z0-9._+/=-]{16,}$";

    /// <summary>The special characters <see cref="SecretValuePattern"/> allows besides letters and digits.</summary>
    public const string SecretSpecialCharacters = "._+/=-";

    /// <summary>Whether <paramref name="c"/> may appear in an origin secret (<see cref="SecretValuePattern"/>).</summary>
    public static bool IsSecretCharacter(char c) => char.IsAsciiLetterOrDigit(c) || SecretSpecialCharacters.Contains(c, StringComparison.Ordinal);

    /// <summary>The tag every rejected request is logged with (see <c>Monitoring.OriginAuthFailures.Tag</c>).</summary>
    public const string RejectionTag = "edge-origin-auth-failed";

    /// <summary>
    /// The tag every request refused for lacking a route's role is logged with (nginx and Kong: in the syslog line; IIS:
    /// the IIS log field and the Application event source). Distinct from <see cref="RejectionTag"/>: such a request did
    /// carry the origin secret, so the edge let it through, and the alert on origin bypasses does not count it.
    /// </summary>
    public const string RoleDeniedTag = "edge-origin-role-denied";

    /// <summary>
    /// The tag of the line an origin logs, at most once an hour, while its installed server certificate is within
    /// <see cref="CertificateExpiryWarningDays"/> days of its expiry: <see cref="Monitoring.OriginCertificateExpiry.Tag"/>, which the alert reads.
    /// </summary>
    public const string CertificateExpiringTag = Monitoring.OriginCertificateExpiry.Tag;

    /// <summary>How many days before its expiry an origin starts logging <see cref="CertificateExpiringTag"/> for its certificate.</summary>
    public const int CertificateExpiryWarningDays = Monitoring.OriginCertificateExpiry.WarningDays;

    /// <summary>How often, at most, an origin logs <see cref="CertificateExpiringTag"/>, in seconds (an hour).</summary>
    public const int CertificateExpiryLogIntervalSeconds = 3600;

    /// <summary>The nginx variable of the header, e.g. <c>$http_x_origin_auth</c>.</summary>
    public string NginxVariable => "$http_" + HeaderName.ToLowerInvariant().Replace('-', '_');

    /// <summary>The Key Vault secret with the CA certificates the edge's client certificate must chain to; empty without edge mTLS.</summary>
    public string EdgeClientCaSecretName => EdgeClient?.CaSecretName ?? string.Empty;

    /// <summary>The CN the edge's client certificate must carry; empty without edge mTLS.</summary>
    public Input<string> EdgeClientCommonName => EdgeClient?.CommonName ?? (Input<string>)string.Empty;


    /// <summary>The IIS server variable of the header, e.g. <c>HTTP_X_ORIGIN_AUTH</c>.</summary>
    public string IisServerVariable => IisServerVariableOf(HeaderName);

    /// <summary>The IIS server variable IIS gives request header <paramref name="header"/>: <c>HTTP_</c> and the name upper-cased, <c>-</c> as <c>_</c>.</summary>
    public static string IisServerVariableOf(string header) => "HTTP_" + header.ToUpperInvariant().Replace('-', '_');
}
