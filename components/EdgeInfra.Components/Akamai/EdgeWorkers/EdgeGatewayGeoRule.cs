namespace EdgeInfra.Components.Akamai;

/// <summary>An entry of <c>routing.geoRules</c> in the edge-gateway bundle's <c>config.json</c>.</summary>
/// <param name="Countries"><c>countries</c>: upper-case ISO 3166-1 alpha-2 codes, not empty.</param>
/// <param name="OriginGroup"><c>originGroup</c>: one of the origin groups.</param>
public sealed record EdgeGatewayGeoRule(IReadOnlyList<string> Countries, string OriginGroup);
