using EdgeInfra.Generator.Model;
using EdgeInfra.Generator.Naming;
using EdgeInfra.Generator.Writing;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Emitters;

/// <summary>Emits a resource class and its argument class.</summary>
internal static class ResourceEmitter
{
    /// <summary>The files of <paramref name="resource"/>: the resource class and its arguments.</summary>
    public static IEnumerable<GeneratedFile> Emit(GeneratorContext context, ResourceSchema resource)
    {
        var type = context.Symbols.ResourceClasses[resource.Token];
        var args = context.Symbols.ResourceArgs[resource.Token];
        var argsRequired = ArgsEmitter.HasRequiredMembers(context, args, resource.InputProperties, resource.RequiredInputs);
        var argsName = args.RenderIn(type.Namespace);
        var writer = context.StartFile(type);
        writer.Line($"/// <summary>The {CSharpLiteral.Code(resource.Token)} resource.</summary>");
        writer.Line($"public sealed class {type.Name} : global::EdgeInfra.CustomResource");
        writer.OpenBlock();
        MetadataEmitter.Emit(writer, resource);
        writer.BeginMember();
        writer.Line("/// <summary>Creates the resource named <paramref name=\"name\"/>.</summary>");
        ConstructorEmitter.Emit(writer, type.Name, argsName, argsRequired, a => $"TypeToken, name, {a}, options, TypeMetadata");
        EmitGet(writer, type.Name);
        var outputs = BindingProperty.Of(resource.Properties, resource.Required, type.Name, InheritedMembers.Resource, "id", "urn");
        OutputPropertiesEmitter.Emit(writer, context, type.Namespace, outputs, "GetOutput", "OutputExpression");
        writer.CloseBlock();
        yield return GeneratorContext.FileOf(type, writer);
        yield return ArgsEmitter.Emit(
            context,
            args,
            ArgsEmitter.ResourceArgsBase,
            $"The input properties of the {CSharpLiteral.Code(resource.Token)} resource.",
            resource.InputProperties,
            resource.RequiredInputs);
    }

    /// <summary>The <c>Get</c> factory of an existing resource (the program's <c>get: { id: ... }</c>) and the constructor it calls.</summary>
    private static void EmitGet(CodeWriter writer, string typeName)
    {
        writer.BeginMember();
        writer.Line("/// <summary>");
        writer.Line("/// The existing resource with the provider id <paramref name=\"id\"/>, named <paramref name=\"name\"/> in the program:");
        writer.Line("/// stated as <c>get: { id: ... }</c>, read by the engine and never created, changed or deleted.");
        writer.Line("/// </summary>");
        writer.Line($"public static {typeName} Get(string name, global::EdgeInfra.Input<string> id, global::EdgeInfra.CustomResourceOptions? options = null) => new(name, id, options);");
        writer.BeginMember();
        writer.Line($"private {typeName}(string name, global::EdgeInfra.Input<string> id, global::EdgeInfra.CustomResourceOptions? options)");
        writer.Indent();
        writer.Line(": base(TypeToken, name, id, options, TypeMetadata) { }");
        writer.Unindent();
    }
}
