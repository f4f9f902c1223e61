using EdgeInfra.Generator.Model;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Mapping;

/// <summary>
/// The C# shape of an output property: object types become output classes (and lists and maps of them
/// <c>OutputList</c> / <c>OutputMap</c>); everything else a typed <c>Output&lt;T&gt;</c>, with enums as their
/// primitive, lists and maps of values as immutable collections, and unions and <c>Any</c> as <c>object</c>.
/// </summary>
internal sealed class OutputTypeMapper(BindingSymbols symbols)
{
    private const string ImmutableNamespace = "global::System.Collections.Immutable.";

    /// <summary>The shape of <paramref name="spec"/>, as code in <paramref name="currentNamespace"/> writes it.</summary>
    public OutputShape Map(PropertySpec spec, string currentNamespace)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (OutputClass(spec) is { } objectClass)
        {
            return new OutputShape(OutputShapeKind.Object, objectClass.RenderIn(currentNamespace));
        }

        if (spec.OneOf.Count == 0 && spec.Ref is null)
        {
            if (spec.Type == "array" && spec.Items is { } items && OutputClass(items) is { } itemClass)
            {
                return new OutputShape(OutputShapeKind.List, itemClass.RenderIn(currentNamespace));
            }

            if (spec.Type == "object" && spec.AdditionalProperties is { } values && OutputClass(values) is { } valueClass)
            {
                return new OutputShape(OutputShapeKind.Map, valueClass.RenderIn(currentNamespace));
            }
        }

        return new OutputShape(OutputShapeKind.Value, ValueType(spec));
    }

    /// <summary>The plain C# type of a value of <paramref name="spec"/> read whole.</summary>
    public string ValueType(PropertySpec? spec)
    {
        if (spec is null)
        {
            return "object";
        }

        if (spec.OneOf.Count > 0 || spec.Ref is { Kind: SchemaReferenceKind.Type })
        {
            return Primitives.Of(spec, symbols) ?? "object";
        }

        return spec.Ref?.Kind switch
        {
            SchemaReferenceKind.Asset => "global::EdgeInfra.AssetOrArchive",
            SchemaReferenceKind.Archive => "global::EdgeInfra.Archive",
            not null => "object",
            null => spec.Type switch
            {
                "array" => ImmutableNamespace + "ImmutableArray<" + ValueType(spec.Items) + ">",
                "object" => ImmutableNamespace + "ImmutableDictionary<string, " + ValueType(spec.AdditionalProperties) + ">",
                _ => Primitives.CSharpOf(spec.Type) ?? "object",
            },
        };
    }

    private TypeName? OutputClass(PropertySpec spec) =>
        spec.OneOf.Count == 0 && spec.Ref is { Kind: SchemaReferenceKind.Type, Token: { } token }
            ? symbols.OutputClasses.GetValueOrDefault(token)
            : null;
}
