namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The options of the <c>origin</c> behavior for a customer origin (<c>originType: CUSTOMER</c>), with Property
/// Manager's option names. Defaults are secure: HTTPS on 443 with SNI, and the origin's certificate verified against
/// the standard certificate authorities with its CN/SAN matching the origin hostname or the forwarded host header.
/// </summary>
public sealed record OriginOptions
{
    /// <summary>The origin's hostname (<c>hostname</c>); may be a deploy-time value such as a load balancer's DNS name. Required.</summary>
    public required Input<string> Hostname { get; init; }

    /// <summary>
    /// The Host header sent to the origin (<c>forwardHostHeader</c>): <c>REQUEST_HOST_HEADER</c>,
    /// <c>ORIGIN_HOSTNAME</c> or <c>CUSTOM</c> (then <see cref="CustomForwardHostHeader"/>). Default: <c>REQUEST_HOST_HEADER</c>.
    /// </summary>
    public string ForwardHostHeader { get; init; } = "REQUEST_HOST_HEADER";

    /// <summary>The Host header when <see cref="ForwardHostHeader"/> is <c>CUSTOM</c> (<c>customForwardHostHeader</c>). Default: null.</summary>
    public string? CustomForwardHostHeader { get; init; }

    /// <summary>The hostname in the cache key (<c>cacheKeyHostname</c>): <c>REQUEST_HOST_HEADER</c> or <c>ORIGIN_HOSTNAME</c>. Default: <c>REQUEST_HOST_HEADER</c>.</summary>
    public string CacheKeyHostname { get; init; } = "REQUEST_HOST_HEADER";

    /// <summary>The origin's HTTP port (<c>httpPort</c>), 1 to 65535. Default: 80.</summary>
    public int HttpPort { get; init; } = 80;

    /// <summary>The origin's HTTPS port (<c>httpsPort</c>), 1 to 65535. Default: 443.</summary>
    public int HttpsPort { get; init; } = 443;

    /// <summary>Whether to send SNI to the origin (<c>originSni</c>). Default: true.</summary>
    public bool OriginSni { get; init; } = true;

    /// <summary>Whether to gzip-compress between edge and origin (<c>compress</c>). Default: true.</summary>
    public bool Compress { get; init; } = true;

    /// <summary>Whether to send the client's IP to the origin (<c>enableTrueClientIp</c>) in <see cref="TrueClientIpHeader"/>. Default: true.</summary>
    public bool EnableTrueClientIp { get; init; } = true;

    /// <summary>The header carrying the client's IP (<c>trueClientIpHeader</c>). Default: <c>True-Client-IP</c>.</summary>
    public string TrueClientIpHeader { get; init; } = "True-Client-IP";

    /// <summary>
    /// How the origin's certificate is verified (<c>verificationMode</c>): <c>CUSTOM</c> (with
    /// <see cref="OriginCertsToHonor"/>, <see cref="StandardCertificateAuthorities"/> and <see cref="CustomValidCnValues"/>),
    /// <c>PLATFORM_SETTINGS</c> or <c>THIRD_PARTY</c>. Default: <c>CUSTOM</c>.
    /// </summary>
    public string VerificationMode { get; init; } = "CUSTOM";

    /// <summary>
    /// Which certificates the origin may present (<c>originCertsToHonor</c>, with <c>CUSTOM</c> verification):
    /// <c>STANDARD_CERTIFICATE_AUTHORITIES</c>, <c>CUSTOM_CERTIFICATE_AUTHORITIES</c>, <c>CUSTOM_CERTIFICATES</c> or
    /// <c>COMBO</c>. Default: <c>STANDARD_CERTIFICATE_AUTHORITIES</c>.
    /// </summary>
    public string OriginCertsToHonor { get; init; } = "STANDARD_CERTIFICATE_AUTHORITIES";

    /// <summary>The standard CA sets (<c>standardCertificateAuthorities</c>, with <c>CUSTOM</c> verification). Default: <c>akamai-permissive</c>.</summary>
    public IReadOnlyList<string> StandardCertificateAuthorities { get; init; } = ["akamai-permissive"];

    /// <summary>
    /// Names the origin certificate's CN or SAN must match (<c>customValidCnValues</c>, with <c>CUSTOM</c>
    /// verification). Default: <c>{{Origin Hostname}}</c> and <c>{{Forward Host Header}}</c>.
    /// </summary>
    public IReadOnlyList<string> CustomValidCnValues { get; init; } = ["{{Origin Hostname}}", "{{Forward Host Header}}"];

    /// <summary>
    /// The PEM certificates of the certificate authorities the origin's certificate must chain to
    /// (<c>customCertificateAuthorities</c>, each stated as <c>pemEncodedCert</c>, with <see cref="OriginCertsToHonor"/>
    /// <c>CUSTOM_CERTIFICATE_AUTHORITIES</c> or <c>COMBO</c>); may be deploy-time values such as a <c>tls</c> CA's
    /// <c>certPem</c>. Default: none.
    /// </summary>
    public IReadOnlyList<Input<string>> CustomCertificateAuthorities { get; init; } = [];

    /// <summary>
    /// A customer origin at <paramref name="hostname"/> whose certificate the edge verifies against exactly
    /// <paramref name="certificateAuthorityPem"/> (no standard CA set) and whose CN or SAN must be the origin hostname.
    /// </summary>
    public static OriginOptions TrustingOnly(Input<string> hostname, Input<string> certificateAuthorityPem) =>
        TrustingOnly(hostname, [certificateAuthorityPem]);

    /// <summary>
    /// A customer origin at <paramref name="hostname"/> whose certificate the edge verifies against exactly
    /// <paramref name="certificateAuthorityPems"/> (e.g. two generations of a CA while it rotates; no standard CA set)
    /// and whose CN or SAN must be the origin hostname.
    /// </summary>
    public static OriginOptions TrustingOnly(Input<string> hostname, IReadOnlyList<Input<string>> certificateAuthorityPems) => new()
    {
        Hostname = hostname,
        VerificationMode = "CUSTOM",
        OriginCertsToHonor = "CUSTOM_CERTIFICATE_AUTHORITIES",
        StandardCertificateAuthorities = [],
        CustomCertificateAuthorities = certificateAuthorityPems,
        CustomValidCnValues = ["{{Origin Hostname}}"],
    };

    /// <summary>The <c>origin</c> behavior's options.</summary>
    internal Dictionary<string, object?> ToOptions()
    {
        var options = new Dictionary<string, object?>
        {
            ["originType"] = "CUSTOMER",
            ["hostname"] = Hostname,
            ["forwardHostHeader"] = ForwardHostHeader,
            ["cacheKeyHostname"] = CacheKeyHostname,
            ["compress"] = Compress,
            ["enableTrueClientIp"] = EnableTrueClientIp,
            ["httpPort"] = HttpPort,
            ["httpsPort"] = HttpsPort,
            ["originSni"] = OriginSni,
            ["verificationMode"] = VerificationMode,
        };
        if (EnableTrueClientIp)
        {
            options["trueClientIpHeader"] = TrueClientIpHeader;
            options["trueClientIpClientSetting"] = false;
        }

        if (ForwardHostHeader == "CUSTOM")
        {
            options["customForwardHostHeader"] = CustomForwardHostHeader;
        }

        if (VerificationMode == "CUSTOM")
        {
            options["originCertsToHonor"] = OriginCertsToHonor;
            options["standardCertificateAuthorities"] = (StandardCertificateAuthorities ?? []).ToArray();
            options["customValidCnValues"] = (CustomValidCnValues ?? []).ToArray();
            if (OriginCertsToHonor is "CUSTOM_CERTIFICATE_AUTHORITIES" or "COMBO")
            {
                options["customCertificateAuthorities"] = (CustomCertificateAuthorities ?? [])
                    .Select(pem => (object?)new Dictionary<string, object?> { ["pemEncodedCert"] = pem })
                    .ToArray();
            }
        }

        return options;
    }
}
