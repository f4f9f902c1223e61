using EdgeInfra.Generator.Writing;

namespace EdgeInfra.Generator.Emitters;

/// <summary>
/// Emits the package's explicit provider (<c>pulumi:providers:&lt;package&gt;</c>), pinned to the schema's
/// version, and its argument class from the provider's input properties.
/// </summary>
internal static class ProviderEmitter
{
    /// <summary>The files of the provider: the provider class and its arguments.</summary>
    public static IEnumerable<GeneratedFile> Emit(GeneratorContext context)
    {
        var symbols = context.Symbols;
        var provider = symbols.Package.Provider;
        var type = symbols.Provider;
        var args = symbols.ProviderArgs;
        var argsName = args.RenderIn(type.Namespace);
        var writer = context.StartFile(type);
        writer.Line($"/// <summary>The provider of the {CSharpLiteral.Code(symbols.Package.Name)} package: {CSharpLiteral.Code(provider.Token)}.</summary>");
        writer.Line($"public sealed class {type.Name} : global::EdgeInfra.ProviderResource");
        writer.OpenBlock();
        writer.Line("/// <summary>The package name.</summary>");
        writer.Line($"public const string PackageName = {CSharpLiteral.String(symbols.Package.Name)};");
        writer.BeginMember();
        writer.Line("/// <summary>The package version the bindings were generated from, which the provider is pinned to.</summary>");
        writer.Line($"public const string PackageVersion = {CSharpLiteral.String(symbols.Version)};");
        MetadataEmitter.Emit(writer, provider);
        writer.BeginMember();
        writer.Line("/// <summary>Creates the provider named <paramref name=\"name\"/>.</summary>");
        ConstructorEmitter.Emit(
            writer,
            type.Name,
            argsName,
            ArgsEmitter.HasRequiredMembers(context, args, provider.InputProperties, provider.RequiredInputs),
            a => $"PackageName, name, {a}, PackageVersion, options, TypeMetadata");
        writer.CloseBlock();
        yield return GeneratorContext.FileOf(type, writer);
        yield return ArgsEmitter.Emit(
            context,
            args,
            ArgsEmitter.ResourceArgsBase,
            $"The configuration of the {CSharpLiteral.Code(symbols.Package.Name)} provider.",
            provider.InputProperties,
            provider.RequiredInputs);
    }
}
