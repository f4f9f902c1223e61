namespace EdgeInfra.Components.Akamai;

/// <summary>The <c>headers</c> section of the edge-gateway bundle's <c>config.json</c>: the <c>X-Edge-*</c> header schema.</summary>
public sealed record EdgeGatewayHeaders
{
    /// <summary>The only header schema version the edge-gateway bundle writes: 1.</summary>
    public const int SupportedSchemaVersion = 1;

    /// <summary><c>schemaVersion</c>: the header schema version; must be <see cref="SupportedSchemaVersion"/>. Default: 1.</summary>
    public int SchemaVersion { get; init; } = SupportedSchemaVersion;
}
