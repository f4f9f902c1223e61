namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The <c>originAuth</c> section of the edge-gateway bundle's <c>config.json</c>: the header that carries the origin
/// secret. The gateway only deletes any copy a client sent; the property sets the header on the way to the origin
/// from its sensitive variable (a <c>modifyOutgoingRequestHeader</c> behavior), so the EdgeWorker never reads the
/// secret: Akamai does not document that an EdgeWorker may read a sensitive variable.
/// </summary>
public sealed record EdgeGatewayOriginAuth
{
    /// <summary><c>headerName</c>: an HTTP header name that does not start with <c>X-Edge-</c>. Default: <c>X-Origin-Auth</c>.</summary>
    public string HeaderName { get; init; } = "X-Origin-Auth";
}
