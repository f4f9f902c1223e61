using EdgeInfra.Generator.Writing;

namespace EdgeInfra.Generator.Emitters;

/// <summary>
/// Emits <c>Package.cs</c>: the assembly's <c>PulumiPackage</c> declaration, which pins the package's version, and
/// the metadata of every resource type of the package.
/// </summary>
internal static class PackageEmitter
{
    /// <summary>The package file.</summary>
    public static GeneratedFile Emit(GeneratorContext context)
    {
        var symbols = context.Symbols;
        var metadata = symbols.PackageMetadata;
        var writer = new CodeWriter();
        FileHeader.Write(writer, symbols.Package.Name, symbols.Version, null);
        writer.Line();
        writer.Line($"[assembly: global::EdgeInfra.PulumiPackage({CSharpLiteral.String(symbols.Package.Name)}, {CSharpLiteral.String(symbols.Version)}, Metadata = typeof({metadata.GlobalName}))]");
        writer.Line();
        writer.Line($"namespace {metadata.Namespace};");
        writer.Line();
        writer.Line($"/// <summary>The metadata of every resource type of the {CSharpLiteral.Code(symbols.Package.Name)} package, its provider included.</summary>");
        writer.Line($"public sealed class {metadata.Name} : global::EdgeInfra.IResourceMetadataSource");
        writer.OpenBlock();
        writer.Line("/// <inheritdoc />");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::EdgeInfra.ResourceMetadata> Resources { get; } =");
        writer.Line("[");
        writer.Indent();
        foreach (var resource in symbols.Resources)
        {
            writer.Line(symbols.ResourceClasses[resource.Token].RenderIn(metadata.Namespace) + ".TypeMetadata,");
        }

        writer.Line(symbols.Provider.RenderIn(metadata.Namespace) + ".TypeMetadata,");
        writer.Unindent();
        writer.Line("];");
        writer.CloseBlock();
        return new GeneratedFile(Naming.TokenNames.FolderOf(metadata.Namespace) + "/Package.cs", writer.ToString());
    }
}
