namespace EdgeInfra.Components.Akamai;

/// <summary>An entry of <c>routing.pathRules</c> in the edge-gateway bundle's <c>config.json</c>.</summary>
/// <param name="PathPrefix"><c>pathPrefix</c>: starts with <c>/</c>, no whitespace, <c>?</c> or <c>#</c>.</param>
/// <param name="OriginGroup"><c>originGroup</c>: one of the origin groups.</param>
public sealed record EdgeGatewayPathRule(string PathPrefix, string OriginGroup);
