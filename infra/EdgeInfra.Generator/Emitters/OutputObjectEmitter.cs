using EdgeInfra.Generator.Model;
using EdgeInfra.Generator.Naming;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Emitters;

/// <summary>Emits an output class (an <c>OutputObject</c>): an object type read from outputs, or a function's result.</summary>
internal static class OutputObjectEmitter
{
    /// <summary>Emits the class <paramref name="type"/> with one typed property per property of <paramref name="objectType"/>.</summary>
    public static GeneratedFile Emit(GeneratorContext context, TypeName type, string summary, ObjectTypeSchema objectType)
    {
        var writer = context.StartFile(type);
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line($"public sealed class {type.Name} : global::EdgeInfra.OutputObject");
        writer.OpenBlock();
        writer.Line("/// <summary>Creates the output object that <paramref name=\"expression\"/> stands for.</summary>");
        writer.Line($"public {type.Name}(global::EdgeInfra.Expressions.Expression expression) : base(expression) {{ }}");
        var members = BindingProperty.Of(objectType.Properties, objectType.Required, type.Name, InheritedMembers.OutputObject);
        OutputPropertiesEmitter.Emit(writer, context, type.Namespace, members, "Property", "Navigate");
        writer.CloseBlock();
        return GeneratorContext.FileOf(type, writer);
    }
}
