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
        if (ArgsEmitter.HasRequiredMembers(context, args, provider.InputProperties, provider.RequiredInputs))
        {
            writer.Line($"public {type.Name}(string name, {argsName} args, global::EdgeInfra.CustomResourceOptions? options = null)");
            writer.Indent();
            writer.Line(": base(PackageName, name, args, PackageVersion, options, TypeMetadata) { }");
        }
        else
        {
            writer.Line($"public {type.Name}(string name, {argsName}? args = null, global::EdgeInfra.CustomResourceOptions? options = null)");
            writer.Indent();
            writer.Line($": base(PackageName, name, args ?? new {argsName}(), PackageVersion, options, TypeMetadata) {{ }}");
        }

        writer.Unindent();
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
