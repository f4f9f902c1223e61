using EdgeInfra.Generator.Model;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Mapping;

/// <summary>
/// The C# type of an input property: <c>Input&lt;T&gt;</c>, <c>InputList&lt;T&gt;</c> or <c>InputMap&lt;T&gt;</c>
/// of the item type (a primitive, an enum, an argument class, <c>InputArgs</c> for object unions, an asset or
/// archive, or <c>object</c>).
/// </summary>
internal sealed class InputTypeMapper(BindingSymbols symbols)
{
    private const string ImmutableNamespace = "global::System.Collections.Immutable.";

    /// <summary>The property type for <paramref name="spec"/>, as code in <paramref name="currentNamespace"/> writes it.</summary>
    public string PropertyType(PropertySpec spec, string currentNamespace)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.OneOf.Count == 0 && spec.Ref is null)
        {
            switch (spec.Type)
            {
                case "array":
                    return "global::EdgeInfra.InputList<" + ItemType(spec.Items, currentNamespace) + ">";
                case "object":
                    return "global::EdgeInfra.InputMap<" + ItemType(spec.AdditionalProperties, currentNamespace) + ">";
            }
        }

        return "global::EdgeInfra.Input<" + ItemType(spec, currentNamespace) + ">";
    }

    /// <summary>The plain C# type of one value of <paramref name="spec"/> (an item of a list, a value of a map, the value of an input).</summary>
    public string ItemType(PropertySpec? spec, string currentNamespace)
    {
        if (spec is null)
        {
            return "object";
        }

        if (spec.OneOf.Count > 0)
        {
            return Primitives.Of(spec, symbols)
                ?? (Primitives.IsObjectUnion(spec, symbols) ? "global::EdgeInfra.InputArgs" : "object");
        }

        if (spec.Ref is { } reference)
        {
            return ReferenceType(reference, currentNamespace);
        }

        return spec.Type switch
        {
            "array" => ImmutableNamespace + "ImmutableArray<" + ItemType(spec.Items, currentNamespace) + ">",
            "object" => ImmutableNamespace + "ImmutableDictionary<string, " + ItemType(spec.AdditionalProperties, currentNamespace) + ">",
            _ => Primitives.CSharpOf(spec.Type) ?? "object",
        };
    }

    private string ReferenceType(SchemaReference reference, string currentNamespace)
    {
        switch (reference.Kind)
        {
            case SchemaReferenceKind.Asset:
                return "global::EdgeInfra.AssetOrArchive";
            case SchemaReferenceKind.Archive:
                return "global::EdgeInfra.Archive";
            case SchemaReferenceKind.Type when reference.Token is { } token:
                if (symbols.Enums.TryGetValue(token, out var enumType))
                {
                    return enumType.RenderIn(currentNamespace);
                }

                if (symbols.InputClasses.TryGetValue(token, out var inputClass))
                {
                    return inputClass.RenderIn(currentNamespace);
                }

                return "object";
            default:
                return "object";
        }
    }
}
