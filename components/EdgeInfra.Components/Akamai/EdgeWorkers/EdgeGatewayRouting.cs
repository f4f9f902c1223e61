namespace EdgeInfra.Components.Akamai;

/// <summary>The <c>routing</c> section of the edge-gateway bundle's <c>config.json</c>: which origin group serves a request.</summary>
public sealed record EdgeGatewayRouting
{
    /// <summary><c>variableName</c>: the property variable the chosen group is written to (<c>PMUSER_...</c>). Default: <c>PMUSER_ORIGIN_GROUP</c>.</summary>
    public string VariableName { get; init; } = "PMUSER_ORIGIN_GROUP";

    /// <summary><c>defaultOriginGroup</c>: the group used when no rule matches; one of <see cref="OriginGroups"/>. Required.</summary>
    public required string DefaultOriginGroup { get; init; }

    /// <summary>
    /// <c>originGroups</c>: group name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>) to property origin id; not
    /// empty. Written in ordinal order of the names. Required.
    /// </summary>
    public required IReadOnlyDictionary<string, EdgeGatewayOriginGroup> OriginGroups { get; init; }

    /// <summary><c>pathRules</c>: path prefix rules, prefixes unique, in order. Default: empty.</summary>
    public IReadOnlyList<EdgeGatewayPathRule> PathRules { get; init; } = [];

    /// <summary><c>geoRules</c>: country rules, a country in one rule only, in order. Default: empty.</summary>
    public IReadOnlyList<EdgeGatewayGeoRule> GeoRules { get; init; } = [];
}
