namespace EdgeInfra.Components.Akamai;

/// <summary>The <c>originAuth</c> section of the edge-gateway bundle's <c>config.json</c>: the secret header sent to the origin.</summary>
public sealed record EdgeGatewayOriginAuth
{
    /// <summary><c>headerName</c>: an HTTP header name that does not start with <c>X-Edge-</c>. Default: <c>X-Origin-Auth</c>.</summary>
    public string HeaderName { get; init; } = "X-Origin-Auth";

    /// <summary><c>secretVariable</c>: the property variable holding the secret (<c>PMUSER_...</c>). Default: <c>PMUSER_ORIGIN_SECRET</c>.</summary>
    public string SecretVariable { get; init; } = "PMUSER_ORIGIN_SECRET";
}
