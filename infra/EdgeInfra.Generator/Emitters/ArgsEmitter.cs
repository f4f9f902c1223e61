using System.Globalization;
using System.Text.Json;
using EdgeInfra.Generator.Model;
using EdgeInfra.Generator.Naming;
using EdgeInfra.Generator.Writing;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Emitters;

/// <summary>
/// Emits an argument class: resource and provider arguments (<c>ResourceArgs</c>), and object types and function
/// inputs (<c>InputArgs</c>). Required properties are C# <c>required</c> members; secret ones are stated in
/// <c>fn::secret</c>; a required property the schema fixes to one value (<c>const</c>) is set to it instead.
/// </summary>
internal static class ArgsEmitter
{
    /// <summary>The base class of resource and provider arguments.</summary>
    public const string ResourceArgsBase = "global::EdgeInfra.ResourceArgs";

    /// <summary>The base class of object type and function arguments.</summary>
    public const string InputArgsBase = "global::EdgeInfra.InputArgs";

    private const string InputsSignature =
        "protected override global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, object?>> GetInputs()";

    /// <summary>Emits the class <paramref name="type"/> deriving from <paramref name="baseClass"/>, documented with <paramref name="summary"/>.</summary>
    public static GeneratedFile Emit(
        GeneratorContext context,
        TypeName type,
        string baseClass,
        string summary,
        IReadOnlyDictionary<string, PropertySpec> properties,
        IEnumerable<string> required)
    {
        var members = BindingProperty.Of(properties, required, type.Name, InheritedMembers.Args);
        var writer = context.StartFile(type);
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line($"public sealed class {type.Name} : {baseClass}");
        writer.OpenBlock();
        foreach (var member in members)
        {
            var propertyType = context.Inputs.PropertyType(member.Spec, type.Namespace);
            var constant = ConstantOf(member, propertyType);
            writer.BeginMember();
            if (constant is not null)
            {
                writer.Line($"/// <summary>The {CSharpLiteral.Code(member.SchemaName)} input, always {CSharpLiteral.Code(constant)}.</summary>");
                writer.Line($"public {propertyType} {member.Name} {{ get; set; }} = {constant};");
            }
            else
            {
                writer.Line($"/// <summary>The {CSharpLiteral.Code(member.SchemaName)} input.</summary>");
                writer.Line(member.IsRequired
                    ? $"public required {propertyType} {member.Name} {{ get; set; }}"
                    : $"public {propertyType}? {member.Name} {{ get; set; }}");
            }
        }

        writer.BeginMember();
        writer.Line("/// <inheritdoc />");
        writer.Line(InputsSignature);
        writer.OpenBlock();
        if (members.Count == 0)
        {
            writer.Line("yield break;");
        }

        foreach (var member in members)
        {
            var value = member.IsSecret ? $"Secret({member.Name})" : member.Name;
            writer.Line($"yield return new({CSharpLiteral.String(member.SchemaName)}, {value});");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return GeneratorContext.FileOf(type, writer);
    }

    /// <summary>True when the class has a C# <c>required</c> member, so that the arguments cannot be left out.</summary>
    public static bool HasRequiredMembers(GeneratorContext context, TypeName type, IReadOnlyDictionary<string, PropertySpec> properties, IEnumerable<string> required) =>
        BindingProperty.Of(properties, required, type.Name, InheritedMembers.Args)
            .Any(m => m.IsRequired && ConstantOf(m, context.Inputs.PropertyType(m.Spec, type.Namespace)) is null);

    /// <summary>
    /// The C# literal a required property is fixed to (its <c>const</c>), when the property is a primitive input
    /// of that literal's type; otherwise null.
    /// </summary>
    private static string? ConstantOf(BindingProperty member, string propertyType)
    {
        if (!member.IsRequired || member.Spec.Const is not JsonElement constant)
        {
            return null;
        }

        return (constant.ValueKind, propertyType) switch
        {
            (JsonValueKind.String, "global::EdgeInfra.Input<string>") => CSharpLiteral.String(constant.GetString()!),
            (JsonValueKind.Number, "global::EdgeInfra.Input<int>") when constant.TryGetInt32(out var integer) => integer.ToString(CultureInfo.InvariantCulture),
            (JsonValueKind.Number, "global::EdgeInfra.Input<double>") => constant.GetDouble().ToString("R", CultureInfo.InvariantCulture) + "d",
            (JsonValueKind.True, "global::EdgeInfra.Input<bool>") => "true",
            (JsonValueKind.False, "global::EdgeInfra.Input<bool>") => "false",
            _ => null,
        };
    }
}
