using EdgeInfra.Generator.Writing;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Emitters;

/// <summary>Emits the <c>TypeToken</c> and <c>TypeMetadata</c> members of a resource or provider class.</summary>
internal static class MetadataEmitter
{
    /// <summary>Writes the type token constant and the metadata: required, replace-on-change and secret inputs, secret outputs.</summary>
    public static void Emit(CodeWriter writer, ResourceSchema resource)
    {
        writer.BeginMember();
        writer.Line("/// <summary>The type token.</summary>");
        writer.Line($"public const string TypeToken = {CSharpLiteral.String(resource.Token)};");
        writer.BeginMember();
        var required = CSharpLiteral.StringList(resource.RequiredInputs.Distinct().Order(StringComparer.Ordinal));
        var replace = CSharpLiteral.StringList(Names(resource.InputProperties, p => p.WillReplaceOnChanges));
        var secretInputs = CSharpLiteral.StringList(Names(resource.InputProperties, p => p.Secret));
        var secretOutputs = CSharpLiteral.StringList(Names(resource.Properties, p => p.Secret));
        writer.Line("/// <summary>What the schema says of the type beyond its shape.</summary>");
        writer.Line("public static readonly global::EdgeInfra.ResourceMetadata TypeMetadata = new(TypeToken, "
            + $"{required} /*required inputs*/, {replace} /*willReplaceOnChanges inputs*/, {secretInputs} /*secret inputs*/, {secretOutputs} /*secret outputs*/);");
    }

    private static IEnumerable<string> Names(IReadOnlyDictionary<string, PropertySpec> properties, Func<PropertySpec, bool> predicate) =>
        properties.Where(p => predicate(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal);
}
