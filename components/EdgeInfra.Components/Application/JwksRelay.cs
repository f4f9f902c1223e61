using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Identity;

namespace EdgeInfra.Components.Application;

/// <summary>
/// How the edge gateway reaches the identity provider's signing keys. EdgeWorkers sub-requests (<c>httpRequest</c>)
/// reach only hostnames served through Akamai ("Hostnames can only be requested directly when served through the
/// Akamai network", techdocs.akamai.com/edgeworkers/docs/http-request), so the property serves the JWKS itself: a rule
/// on <see cref="EdgeFrontedApplicationArgs.JwksRelayPath"/> of the first served hostname fetches it from the identity
/// provider's host (certificate verified against the standard CA set, Host header the provider's own), with the
/// EdgeWorker and the origin client certificate off on that path, the origin secret header removed (it must never reach a third party) and the document
/// cached for <see cref="EdgeGatewayJwt.JwksCacheSeconds"/>. The gateway is configured with the relayed URL.
/// </summary>
internal sealed class JwksRelay
{
    private readonly EdgeFrontedApplicationArgs _args;
    private readonly int _cacheSeconds;
    private readonly string? _literalPath;

    private JwksRelay(EdgeFrontedApplicationArgs args, string host, int port, Input<string> path, string display, int cacheSeconds, string? literalPath = null)
    {
        _args = args;
        _literalPath = literalPath;
        ProviderHost = host;
        ProviderPort = port;
        ProviderPath = path;
        ProviderDisplay = display;
        RelayUrl = $"https://{args.Hostnames[0].Value}{args.JwksRelayPath}";
        _cacheSeconds = cacheSeconds;
    }

    /// <summary>The name of the property rule that serves the JWKS.</summary>
    public const string RuleName = "JWKS relay";

    /// <summary>The identity provider's JWKS host, where the keys really are.</summary>
    public string ProviderHost { get; }

    /// <summary>The identity provider's HTTPS port.</summary>
    public int ProviderPort { get; }

    /// <summary>
    /// The path (and query) of the keys on <see cref="ProviderHost"/>: known at synthesis for a configured JWKS URL,
    /// a deploy-time value for Entra ID (<c>/{tenant id}/discovery/v2.0/keys</c>), which the rule tree states as an
    /// expression.
    /// </summary>
    public Input<string> ProviderPath { get; }

    /// <summary>The provider's JWKS URL for people (preflight, comments), with <c>&lt;tenant id&gt;</c> standing for a deploy-time tenant.</summary>
    public string ProviderDisplay { get; }

    /// <summary>
    /// The URL the gateway fetches: the first served hostname and the relay path. The gateway's config is part of the
    /// EdgeWorker bundle, which is built at synthesis, so the bundle holds a copy of the hostname (the program does not).
    /// </summary>
    public string RelayUrl { get; }

    /// <summary>The relay for <paramref name="args"/> (checked already); null when the gateway verifies no RS256 token (no JWKS).</summary>
    public static JwksRelay? For(EdgeFrontedApplicationArgs args)
    {
        if (args.Jwt?.JwksUrl is not { } jwksUrl)
        {
            return null;
        }

        var provider = new Uri(jwksUrl, UriKind.Absolute);
        return new JwksRelay(args, provider.Host, provider.Port, provider.PathAndQuery, jwksUrl, args.Jwt.JwksCacheSeconds, provider.PathAndQuery);
    }

    /// <summary>
    /// The relay of the Entra ID tenant's signing keys, <c>https://login.microsoftonline.com/{tenant id}/discovery/v2.0/keys</c>
    /// (<see cref="EntraApiRegistration.JwksPath"/>), the tenant known at deployment only.
    /// </summary>
    public static JwksRelay ForEntra(EdgeFrontedApplicationArgs args, EntraApiRegistration registration, int cacheSeconds) =>
        new(args, EntraApiRegistration.LoginHost, 443, registration.JwksPath, $"https://{EntraApiRegistration.LoginHost}/<tenant id>/discovery/v2.0/keys", cacheSeconds);

    /// <summary>The property rule that serves <see cref="RelayUrl"/> from <see cref="ProviderHost"/>, turning off <paramref name="disabledEdgeWorker"/>.</summary>
    public Rule PropertyRule(Behavior disabledEdgeWorker)
    {
        var args = _args;
        return new Rule
        {
            Name = RuleName,
            Comments = $"EdgeWorkers sub-requests reach only hostnames served by Akamai: the gateway fetches {args.JwksRelayPath} on the first served hostname, served from {ProviderHost}.",
            Criteria = [Criterion.Path([args.JwksRelayPath], matchCaseSensitive: true)],
            Behaviors =
            [
                disabledEdgeWorker,
                Behavior.NoMtlsOriginKeystore(),
                Behavior.Origin(new OriginOptions
                {
                    Hostname = ProviderHost,
                    HttpsPort = ProviderPort,
                    ForwardHostHeader = "ORIGIN_HOSTNAME",
                    CacheKeyHostname = "ORIGIN_HOSTNAME",
                    EnableTrueClientIp = false,
                    VerificationMode = "CUSTOM",
                    OriginCertsToHonor = "STANDARD_CERTIFICATE_AUTHORITIES",
                    StandardCertificateAuthorities = ["akamai-permissive"],
                    CustomValidCnValues = ["{{Origin Hostname}}"],
                }),
                _literalPath is { } path ? Behavior.RewriteUrl(path) : Behavior.RewriteUrl(ProviderPath),
                Behavior.ModifyOutgoingRequestHeader(HeaderModification.Delete(args.OriginAuthHeaderName)),
                Behavior.Caching(CachingOptions.MaxAge($"{_cacheSeconds}s")),
            ],
        };
    }
}
