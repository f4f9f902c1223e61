namespace EdgeInfra.Stacks;

/// <summary>The <c>jwt</c> config: how the edge gateway verifies tokens (see <c>EdgeGatewayJwt</c>).</summary>
public sealed record JwtConfig
{
    /// <summary>The expected <c>iss</c>, an https URL.</summary>
    public string? Issuer { get; init; }

    /// <summary>The expected <c>aud</c>.</summary>
    public string? Audience { get; init; }

    /// <summary>Where the signing keys are published.</summary>
    public string? JwksUrl { get; init; }

    /// <summary>The algorithms the edge accepts, from RS256 and HS256; null means RS256 only. HS256 needs the secret <c>jwtHmacKey</c>.</summary>
    public IReadOnlyList<string>? Algorithms { get; init; }
}
