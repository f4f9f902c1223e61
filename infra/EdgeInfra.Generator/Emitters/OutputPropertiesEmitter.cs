using EdgeInfra.Generator.Model;
using EdgeInfra.Generator.Writing;

namespace EdgeInfra.Generator.Emitters;

/// <summary>Emits the typed output properties of a resource class or an output class.</summary>
internal static class OutputPropertiesEmitter
{
    /// <summary>
    /// Writes one property per member, reading typed values with <paramref name="valueReader"/> and property
    /// expressions with <paramref name="expressionReader"/>.
    /// </summary>
    public static void Emit(CodeWriter writer, GeneratorContext context, string currentNamespace, IEnumerable<BindingProperty> members, string valueReader, string expressionReader)
    {
        foreach (var member in members)
        {
            var shape = context.Outputs.Map(member.Spec, currentNamespace);
            writer.BeginMember();
            writer.Line($"/// <summary>The {CSharpLiteral.Code(member.SchemaName)} output.</summary>");
            writer.Line($"public {shape.PropertyType} {member.Name} => {shape.Accessor(CSharpLiteral.String(member.SchemaName), valueReader, expressionReader)};");
        }
    }
}
