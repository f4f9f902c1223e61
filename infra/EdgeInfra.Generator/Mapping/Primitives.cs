using EdgeInfra.Generator.Model;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Mapping;

/// <summary>The C# types of schema primitives, and of specs that reduce to one primitive (enums, string-or-enum unions).</summary>
internal static class Primitives
{
    /// <summary>The C# type of a schema primitive type, or null: <c>string</c>, <c>int</c>, <c>double</c>, <c>bool</c>.</summary>
    public static string? CSharpOf(string? schemaType) => schemaType switch
    {
        "string" => "string",
        "integer" => "int",
        "number" => "double",
        "boolean" => "bool",
        _ => null,
    };

    /// <summary>
    /// The C# primitive a value of <paramref name="spec"/> always is, or null: a primitive, an enum (its underlying
    /// type), or a union whose alternatives are all that primitive or enums of it (azure-native's
    /// <c>oneOf: [string, enum]</c>).
    /// </summary>
    public static string? Of(PropertySpec spec, BindingSymbols symbols)
    {
        if (spec.OneOf.Count > 0)
        {
            var alternatives = spec.OneOf.Select(a => Of(a, symbols)).Distinct().ToList();
            return alternatives is [string single] ? single : null;
        }

        if (spec.Ref is not null)
        {
            return symbols.EnumOf(spec.Ref) is { } enumType ? CSharpOf(enumType.UnderlyingType) : null;
        }

        return CSharpOf(spec.Type);
    }

    /// <summary>True when <paramref name="spec"/> is a union of object types of the package only.</summary>
    public static bool IsObjectUnion(PropertySpec spec, BindingSymbols symbols) =>
        spec.OneOf.Count > 0 && spec.OneOf.All(a => a.OneOf.Count == 0 && symbols.ObjectOf(a.Ref) is not null);
}
