namespace EdgeInfra.Components.Akamai;

/// <summary>The <c>headers</c> section of the edge-gateway bundle's <c>config.json</c>: the <c>X-Edge-*</c> header schema.</summary>
public sealed record EdgeGatewayHeaders
{
    /// <summary>
    /// The only header schema version the edge-gateway bundle writes: 2, which is version 1 (<c>X-Edge-Claims-Version</c>,
    /// <c>X-Edge-Sub</c>, <c>X-Edge-Scopes</c>, <c>X-Edge-Client-Id</c>, <c>X-Edge-Issuer</c>, <c>X-Edge-Token-Exp</c>) plus
    /// <c>X-Edge-Roles</c>, the token's app roles, space-separated.
    /// </summary>
    public const int SupportedSchemaVersion = 2;

    /// <summary><c>schemaVersion</c>: the header schema version; must be <see cref="SupportedSchemaVersion"/>. Default: 2.</summary>
    public int SchemaVersion { get; init; } = SupportedSchemaVersion;
}
