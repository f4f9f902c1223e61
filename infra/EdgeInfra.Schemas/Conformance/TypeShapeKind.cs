namespace EdgeInfra.Schemas;

/// <summary>The kind of value a property type (or an expression) stands for.</summary>
internal enum TypeShapeKind
{
    /// <summary>Anything: <c>pulumi.json#/Any</c>, <c>#/Json</c>, or a type that cannot be known.</summary>
    Any,
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Map,
    Object,
    Enum,
    OneOf,
    Asset,
    Archive,

    /// <summary>A bare resource reference <c>${resource}</c>.</summary>
    ResourceReference,
}
