namespace EdgeInfra.Components.Akamai;

/// <summary>An entry of <c>routing.originGroups</c> in the edge-gateway bundle's <c>config.json</c>.</summary>
/// <param name="OriginId"><c>originId</c>: the property origin id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</param>
public sealed record EdgeGatewayOriginGroup(string OriginId);
