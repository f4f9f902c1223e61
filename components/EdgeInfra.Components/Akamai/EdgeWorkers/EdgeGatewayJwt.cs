namespace EdgeInfra.Components.Akamai;

/// <summary>The <c>jwt</c> section of the edge-gateway bundle's <c>config.json</c>: how bearer tokens are verified.</summary>
public sealed record EdgeGatewayJwt
{
    /// <summary><c>issuer</c>: compared exactly with the token's <c>iss</c>; an <c>https://</c> URL. Required unless <see cref="IssuerVariable"/> is set (exactly one of the two).</summary>
    public string? Issuer { get; init; }

    /// <summary><c>audience</c>: must equal the token's <c>aud</c> or be one of its entries; non-blank. Required unless <see cref="AudienceVariable"/> is set (exactly one of the two).</summary>
    public string? Audience { get; init; }

    /// <summary>
    /// <c>issuerVariable</c>: the property variable (<c>PMUSER_...</c>) holding the issuer when it is known only at
    /// deployment; the gateway reads it on each request and answers 503 when it is empty. Used instead of
    /// <see cref="Issuer"/>. Default: null.
    /// </summary>
    public string? IssuerVariable { get; init; }

    /// <summary>
    /// <c>audienceVariable</c>: the property variable (<c>PMUSER_...</c>) holding the audience when it is known only at
    /// deployment; the gateway reads it on each request and answers 503 when it is empty. Used instead of
    /// <see cref="Audience"/>. Default: null.
    /// </summary>
    public string? AudienceVariable { get; init; }

    /// <summary><c>algorithms</c>: distinct values from <c>RS256</c> and <c>HS256</c>, not empty. Default: <c>["RS256"]</c>.</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = ["RS256"];

    /// <summary><c>jwksUrl</c>: an <c>https://</c> URL, required when <c>RS256</c> is allowed and absent otherwise. Default: null.</summary>
    public string? JwksUrl { get; init; }

    /// <summary><c>jwksCacheSeconds</c>: how long the JWKS is cached, 60 to 86400. Default: 300.</summary>
    public int JwksCacheSeconds { get; init; } = 300;

    /// <summary><c>clockSkewSeconds</c>: the leeway on <c>exp</c>/<c>nbf</c>, 0 to 300. Default: 60.</summary>
    public int ClockSkewSeconds { get; init; } = 60;

    /// <summary><c>hmacSecretVariable</c>: the property variable holding the HS256 secret (<c>PMUSER_...</c>). Default: <c>PMUSER_JWT_HMAC_SECRET</c>.</summary>
    public string HmacSecretVariable { get; init; } = "PMUSER_JWT_HMAC_SECRET";
}
