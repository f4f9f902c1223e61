namespace EdgeInfra.Schemas;

/// <summary>
/// A property type resolved against the schema set (a <c>$ref</c> is followed to its object or enum type), or the
/// type of an expression. <see cref="TypeShapeKind.Any"/> also stands for a type that is not known.
/// </summary>
internal sealed class TypeShape
{
    public static readonly TypeShape Any = new(TypeShapeKind.Any, "any");
    public static readonly TypeShape String = new(TypeShapeKind.String, "string");
    public static readonly TypeShape Integer = new(TypeShapeKind.Integer, "integer");
    public static readonly TypeShape Number = new(TypeShapeKind.Number, "number");
    public static readonly TypeShape Boolean = new(TypeShapeKind.Boolean, "boolean");
    public static readonly TypeShape Asset = new(TypeShapeKind.Asset, "asset");
    public static readonly TypeShape Archive = new(TypeShapeKind.Archive, "archive");

    private TypeShape(TypeShapeKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    public TypeShapeKind Kind { get; }

    /// <summary>For messages: <c>string</c>, <c>array&lt;string&gt;</c>, a type token, ...</summary>
    public string Description { get; }

    /// <summary>The element type of an array or the value type of a map; null means any.</summary>
    public PropertySpec? Element { get; private init; }

    /// <summary>The object type of an <see cref="TypeShapeKind.Object"/>.</summary>
    public ObjectTypeSchema? Object { get; private init; }

    /// <summary>The enum type of an <see cref="TypeShapeKind.Enum"/>.</summary>
    public EnumTypeSchema? Enum { get; private init; }

    /// <summary>The alternatives of a <see cref="TypeShapeKind.OneOf"/>.</summary>
    public IReadOnlyList<PropertySpec> Alternatives { get; private init; } = [];

    /// <summary>The discriminator of a <see cref="TypeShapeKind.OneOf"/> of object types.</summary>
    public DiscriminatorSpec? Discriminator { get; private init; }

    /// <summary>The resource of a <see cref="TypeShapeKind.ResourceReference"/>.</summary>
    public DeclaredResource? Resource { get; private init; }

    public static TypeShape ArrayOf(PropertySpec? element) =>
        new(TypeShapeKind.Array, "array<" + (element is null ? "any" : element.ToString()) + ">") { Element = element };

    public static TypeShape MapOf(PropertySpec? element) =>
        new(TypeShapeKind.Map, "map<" + (element is null ? "any" : element.ToString()) + ">") { Element = element };

    public static TypeShape ObjectOf(ObjectTypeSchema type) => new(TypeShapeKind.Object, type.Token) { Object = type };

    public static TypeShape ReferenceTo(DeclaredResource resource) =>
        new(TypeShapeKind.ResourceReference, $"resource {resource.Name}") { Resource = resource };

    public static TypeShape Primitive(string type) => type switch
    {
        "string" => String,
        "integer" => Integer,
        "number" => Number,
        "boolean" => Boolean,
        _ => Any,
    };

    /// <summary>Resolves a property type: follows <c>$ref</c>s to named types; unknown refs become <see cref="Any"/>.</summary>
    public static TypeShape FromSpec(PropertySpec spec, SchemaSet schemas)
    {
        if (spec.OneOf.Count > 0)
        {
            return new TypeShape(TypeShapeKind.OneOf, spec.ToString()) { Alternatives = spec.OneOf, Discriminator = spec.Discriminator };
        }

        if (spec.Ref is { } reference)
        {
            switch (reference.Kind)
            {
                case SchemaReferenceKind.Asset:
                    return Asset;
                case SchemaReferenceKind.Archive:
                    return Archive;
                case SchemaReferenceKind.Type:
                    return schemas.FindType(reference.Token!) switch
                    {
                        ObjectTypeSchema objectType => ObjectOf(objectType),
                        EnumTypeSchema enumType => new TypeShape(TypeShapeKind.Enum, enumType.Token) { Enum = enumType },
                        _ => Any,
                    };
                default:
                    return Any;
            }
        }

        return spec.Type switch
        {
            "array" => ArrayOf(spec.Items),
            "object" => MapOf(spec.AdditionalProperties),
            null => Any,
            _ => Primitive(spec.Type),
        };
    }

    public override string ToString() => Description;
}
