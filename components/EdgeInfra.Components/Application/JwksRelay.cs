using EdgeInfra.Components.Akamai;

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

    private JwksRelay(EdgeFrontedApplicationArgs args, Uri provider, string relayUrl)
    {
        _args = args;
        Provider = provider;
        RelayUrl = relayUrl;
    }

    /// <summary>The name of the property rule that serves the JWKS.</summary>
    public const string RuleName = "JWKS relay";

    /// <summary>The identity provider's JWKS URL, where the keys really are.</summary>
    public Uri Provider { get; }

    /// <summary>
    /// The URL the gateway fetches: the first served hostname and the relay path. The gateway's config is part of the
    /// EdgeWorker bundle, which is built at synthesis, so the bundle holds a copy of the hostname (the program does not).
    /// </summary>
    public string RelayUrl { get; }

    /// <summary>The relay for <paramref name="args"/> (checked already); null when the gateway verifies no RS256 token (no JWKS).</summary>
    public static JwksRelay? For(EdgeFrontedApplicationArgs args)
    {
        if (args.Jwt.JwksUrl is not { } jwksUrl)
        {
            return null;
        }

        return new JwksRelay(args, new Uri(jwksUrl, UriKind.Absolute), $"https://{args.Hostnames[0].Value}{args.JwksRelayPath}");
    }

    /// <summary>The property rule that serves <see cref="RelayUrl"/> from <see cref="Provider"/>, turning off <paramref name="disabledEdgeWorker"/>.</summary>
    public Rule PropertyRule(Behavior disabledEdgeWorker)
    {
        var args = _args;
        var provider = Provider;
        return new Rule
        {
            Name = RuleName,
            Comments = $"EdgeWorkers sub-requests reach only hostnames served by Akamai: the gateway fetches {args.JwksRelayPath} on the first served hostname, served from {provider.Host}.",
            Criteria = [Criterion.Path([args.JwksRelayPath], matchCaseSensitive: true)],
            Behaviors =
            [
                disabledEdgeWorker,
                Behavior.NoMtlsOriginKeystore(),
                Behavior.Origin(new OriginOptions
                {
                    Hostname = provider.Host,
                    HttpsPort = provider.Port,
                    ForwardHostHeader = "ORIGIN_HOSTNAME",
                    CacheKeyHostname = "ORIGIN_HOSTNAME",
                    EnableTrueClientIp = false,
                    VerificationMode = "CUSTOM",
                    OriginCertsToHonor = "STANDARD_CERTIFICATE_AUTHORITIES",
                    StandardCertificateAuthorities = ["akamai-permissive"],
                    CustomValidCnValues = ["{{Origin Hostname}}"],
                }),
                Behavior.RewriteUrl(provider.PathAndQuery),
                Behavior.ModifyOutgoingRequestHeader(HeaderModification.Delete(args.OriginAuthHeaderName)),
                Behavior.Caching(CachingOptions.MaxAge($"{args.Jwt.JwksCacheSeconds}s")),
            ],
        };
    }
}
