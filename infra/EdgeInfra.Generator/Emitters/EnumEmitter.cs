using System.Globalization;
using System.Text.Json;
using EdgeInfra.Generator.Model;
using EdgeInfra.Generator.Naming;
using EdgeInfra.Generator.Writing;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Emitters;

/// <summary>
/// Emits an enum type as a <c>readonly record struct</c> over its primitive: the known values as static members,
/// and implicit conversions from any primitive value (the provider may accept values the schema does not list) and
/// to the primitive input, so an enum value also fits a <c>oneOf: [string, enum]</c> input.
/// </summary>
internal static class EnumEmitter
{
    /// <summary>Emits the enum <paramref name="type"/> of <paramref name="enumType"/>.</summary>
    public static GeneratedFile Emit(GeneratorContext context, TypeName type, EnumTypeSchema enumType)
    {
        var underlying = Underlying.Of(enumType);
        var writer = context.StartFile(type);
        writer.Line($"/// <summary>The {CSharpLiteral.Code(enumType.Token)} enum.</summary>");
        writer.Line("/// <param name=\"Value\">The value.</param>");
        writer.Line($"public readonly record struct {type.Name}({underlying.ValueType} Value) : global::EdgeInfra.IInput");
        writer.OpenBlock();
        var taken = new HashSet<string>(InheritedMembers.Enum, StringComparer.Ordinal) { type.Name };
        foreach (var value in enumType.Values)
        {
            var name = MemberNames.Unique(Identifiers.PascalCase(value.Name ?? Text(value.Value)), taken);
            writer.BeginMember();
            writer.Line($"/// <summary>The {CSharpLiteral.Code(Text(value.Value))} value.</summary>");
            writer.Line($"public static {type.Name} {name} {{ get; }} = new({underlying.Literal(value.Value, enumType.Token)});");
        }

        writer.BeginMember();
        writer.Line("/// <summary>Any value the provider accepts.</summary>");
        writer.Line($"public static implicit operator {type.Name}({underlying.ValueType} value) => new(value);");
        writer.BeginMember();
        writer.Line($"/// <summary>The value as {underlying.Article} {underlying.Description} input.</summary>");
        writer.Line($"public static implicit operator global::EdgeInfra.Input<{underlying.InputType}>({type.Name} value) => {underlying.ToInput};");
        writer.BeginMember();
        writer.Line("/// <inheritdoc />");
        writer.Line("public global::EdgeInfra.Expressions.Expression ToExpression() => new global::EdgeInfra.Expressions.LiteralExpression(Value);");
        writer.BeginMember();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public override string ToString() => {underlying.ToText};");
        writer.CloseBlock();
        return GeneratorContext.FileOf(type, writer);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>How an enum of one underlying schema type is written.</summary>
    private sealed record Underlying(string ValueType, string InputType, string Description, string Article, string ToInput, string ToText, JsonValueKind Kind)
    {
        private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

        public static Underlying Of(EnumTypeSchema enumType) => enumType.UnderlyingType switch
        {
            "string" => new("string", "string", "string", "a", "value.Value", "Value", JsonValueKind.String),
            "integer" => new("long", "int", "integer", "an", "checked((int)value.Value)", $"Value.ToString({Invariant})", JsonValueKind.Number),
            "number" => new("double", "double", "number", "a", "value.Value", $"Value.ToString(\"R\", {Invariant})", JsonValueKind.Number),
            "boolean" => new("bool", "bool", "boolean", "a", "value.Value", "Value ? \"true\" : \"false\"", JsonValueKind.True),
            _ => throw new InvalidDataException($"Enum type '{enumType.Token}' has the unsupported underlying type '{enumType.UnderlyingType}'."),
        };

        /// <summary>The C# literal of <paramref name="value"/>.</summary>
        public string Literal(JsonElement value, string token)
        {
            var kind = value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
            if (kind != Kind)
            {
                throw new InvalidDataException($"Enum type '{token}' has the value {value.GetRawText()}, which is not of its type {Description}.");
            }

            return ValueType switch
            {
                "string" => CSharpLiteral.String(value.GetString()!),
                "long" when value.TryGetInt64(out var integer) => integer.ToString(CultureInfo.InvariantCulture),
                "double" => value.GetDouble().ToString("R", CultureInfo.InvariantCulture) + "d",
                "bool" => value.GetBoolean() ? "true" : "false",
                _ => throw new InvalidDataException($"Enum type '{token}' has the value {value.GetRawText()}, which is not an integer."),
            };
        }
    }
}
