namespace EdgeInfra.Schemas;

/// <summary>What a <c>$ref</c> in a Pulumi package schema points at.</summary>
public enum SchemaReferenceKind
{
    /// <summary>A named type of a package: <c>#/types/&lt;token&gt;</c>.</summary>
    Type,

    /// <summary>A resource of a package: <c>#/resources/&lt;token&gt;</c>.</summary>
    Resource,

    /// <summary>The provider of a package: <c>#/provider</c>.</summary>
    Provider,

    /// <summary>The built-in <c>pulumi.json#/Any</c>: any value.</summary>
    Any,

    /// <summary>The built-in <c>pulumi.json#/Json</c>: any JSON value.</summary>
    Json,

    /// <summary>The built-in <c>pulumi.json#/Asset</c>: an asset (or an archive).</summary>
    Asset,

    /// <summary>The built-in <c>pulumi.json#/Archive</c>: an archive.</summary>
    Archive,
}
