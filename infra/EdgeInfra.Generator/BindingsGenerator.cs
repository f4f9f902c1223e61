using EdgeInfra.Generator.Emitters;
using EdgeInfra.Generator.Model;
using EdgeInfra.Generator.Naming;
using EdgeInfra.Generator.Writing;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator;

/// <summary>Generates the typed C# bindings of a Pulumi package from its schema.</summary>
public static class BindingsGenerator
{
    /// <summary>
    /// The bindings of <paramref name="package"/>: one file per type, under the package's folder (e.g.
    /// <c>AzureNative/</c>), ordered by path. A pure function: the same schema always gives the same files.
    /// </summary>
    /// <exception cref="InvalidDataException">The schema has no version, or a token or enum value the bindings cannot state.</exception>
    public static IReadOnlyList<GeneratedFile> Generate(PackageSchema package)
    {
        var context = new GeneratorContext(BindingSymbols.Of(package));
        var symbols = context.Symbols;
        var files = new List<GeneratedFile>();
        foreach (var resource in symbols.Resources)
        {
            files.AddRange(ResourceEmitter.Emit(context, resource));
        }

        foreach (var function in symbols.Functions)
        {
            files.AddRange(FunctionEmitter.Emit(context, function));
        }

        foreach (var (token, type) in symbols.Enums)
        {
            files.Add(EnumEmitter.Emit(context, type, (EnumTypeSchema)package.Types[token]));
        }

        foreach (var (token, type) in symbols.InputClasses)
        {
            var objectType = (ObjectTypeSchema)package.Types[token];
            var summary = $"The {CSharpLiteral.Code(token)} type, as an input.";
            files.Add(ArgsEmitter.Emit(context, type, ArgsEmitter.InputArgsBase, summary, objectType.Properties, objectType.Required));
        }

        foreach (var (token, type) in symbols.OutputClasses)
        {
            files.Add(OutputObjectEmitter.Emit(context, type, $"The {CSharpLiteral.Code(token)} type, as an output.", (ObjectTypeSchema)package.Types[token]));
        }

        files.AddRange(ProviderEmitter.Emit(context));
        files.Add(PackageEmitter.Emit(context));
        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>The folder, under the output folder, that holds the bindings of <paramref name="package"/> (e.g. <c>AzureNative</c>).</summary>
    public static string PackageFolder(PackageSchema package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return TokenNames.FolderOf(TokenNames.PackageNamespace(package.Name));
    }
}
