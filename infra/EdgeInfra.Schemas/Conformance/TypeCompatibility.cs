namespace EdgeInfra.Schemas;

/// <summary>
/// Decides whether a value of one type may be given where another type is expected. Unknown types (<c>Any</c>)
/// fit everywhere; integers fit numbers; enums fit their primitive type; objects are compared structurally.
/// </summary>
internal sealed class TypeCompatibility
{
    private readonly SchemaSet schemas;
    private readonly HashSet<(ObjectTypeSchema From, ObjectTypeSchema To)> comparing = [];

    public TypeCompatibility(SchemaSet schemas)
    {
        this.schemas = schemas;
    }

    public bool IsAssignable(TypeShape from, TypeShape to)
    {
        if (to.Kind == TypeShapeKind.Any || from.Kind == TypeShapeKind.Any)
        {
            return true;
        }

        if (from.Kind == TypeShapeKind.ResourceReference)
        {
            return false;
        }

        if (from.Kind == TypeShapeKind.OneOf)
        {
            return from.Alternatives.All(alternative => IsAssignable(Shape(alternative), to));
        }

        if (to.Kind == TypeShapeKind.OneOf)
        {
            return to.Alternatives.Any(alternative => IsAssignable(from, Shape(alternative)));
        }

        return to.Kind switch
        {
            TypeShapeKind.String or TypeShapeKind.Integer or TypeShapeKind.Number or TypeShapeKind.Boolean =>
                IsPrimitiveAssignable(PrimitiveOf(from), to.Kind),
            TypeShapeKind.Enum => from.Kind == TypeShapeKind.Enum && from.Enum!.Token == to.Enum!.Token
                || IsPrimitiveAssignable(PrimitiveOf(from), TypeShape.Primitive(to.Enum!.UnderlyingType).Kind),
            TypeShapeKind.Array => from.Kind == TypeShapeKind.Array && IsElementAssignable(from.Element, to.Element),
            TypeShapeKind.Map => IsMapAssignable(from, to),
            TypeShapeKind.Object => IsObjectAssignable(from, to.Object!),
            TypeShapeKind.Asset => from.Kind is TypeShapeKind.Asset or TypeShapeKind.Archive,
            TypeShapeKind.Archive => from.Kind == TypeShapeKind.Archive,
            _ => false,
        };
    }

    private static TypeShapeKind? PrimitiveOf(TypeShape shape) => shape.Kind switch
    {
        TypeShapeKind.String or TypeShapeKind.Integer or TypeShapeKind.Number or TypeShapeKind.Boolean => shape.Kind,
        TypeShapeKind.Enum => TypeShape.Primitive(shape.Enum!.UnderlyingType).Kind,
        _ => null,
    };

    private static bool IsPrimitiveAssignable(TypeShapeKind? from, TypeShapeKind to)
    {
        return from == to || (from == TypeShapeKind.Integer && to == TypeShapeKind.Number);
    }

    private bool IsElementAssignable(PropertySpec? from, PropertySpec? to)
    {
        return from is null || to is null || IsAssignable(Shape(from), Shape(to));
    }

    private bool IsMapAssignable(TypeShape from, TypeShape to)
    {
        if (from.Kind == TypeShapeKind.Map)
        {
            return IsElementAssignable(from.Element, to.Element);
        }

        if (from.Kind == TypeShapeKind.Object)
        {
            return to.Element is null || from.Object!.Properties.Values.All(property => IsAssignable(Shape(property), Shape(to.Element)));
        }

        return false;
    }

    private bool IsObjectAssignable(TypeShape from, ObjectTypeSchema to)
    {
        if (from.Kind == TypeShapeKind.Map)
        {
            return from.Element is null || Shape(from.Element).Kind == TypeShapeKind.Any;
        }

        if (from.Kind != TypeShapeKind.Object)
        {
            return false;
        }

        ObjectTypeSchema source = from.Object!;
        if (ReferenceEquals(source, to) || source.Token == to.Token || !comparing.Add((source, to)))
        {
            return true;
        }

        try
        {
            foreach ((string name, PropertySpec expected) in to.Properties)
            {
                if (!source.Properties.TryGetValue(name, out PropertySpec? actual))
                {
                    if (to.Required.Contains(name))
                    {
                        return false;
                    }

                    continue;
                }

                if (!IsAssignable(Shape(actual), Shape(expected)))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            comparing.Remove((source, to));
        }
    }

    private TypeShape Shape(PropertySpec spec) => TypeShape.FromSpec(spec, schemas);
}
