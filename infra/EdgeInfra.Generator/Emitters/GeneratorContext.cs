using EdgeInfra.Generator.Mapping;
using EdgeInfra.Generator.Model;
using EdgeInfra.Generator.Writing;

namespace EdgeInfra.Generator.Emitters;

/// <summary>What every emitter of one package needs: the symbols and the type mappers.</summary>
internal sealed class GeneratorContext
{
    /// <summary>Creates the context of the package <paramref name="symbols"/> describes.</summary>
    public GeneratorContext(BindingSymbols symbols)
    {
        Symbols = symbols;
        Inputs = new InputTypeMapper(symbols);
        Outputs = new OutputTypeMapper(symbols);
    }

    /// <summary>The package's symbols.</summary>
    public BindingSymbols Symbols { get; }

    /// <summary>Maps input properties.</summary>
    public InputTypeMapper Inputs { get; }

    /// <summary>Maps output properties.</summary>
    public OutputTypeMapper Outputs { get; }

    /// <summary>A writer that has written the file header and the namespace of <paramref name="type"/>.</summary>
    public CodeWriter StartFile(TypeName type)
    {
        var writer = new CodeWriter();
        FileHeader.Write(writer, Symbols.Package.Name, Symbols.Version, type.Namespace);
        return writer;
    }

    /// <summary>The file of <paramref name="type"/>: its path mirrors its namespace.</summary>
    public static GeneratedFile FileOf(TypeName type, CodeWriter writer) =>
        new(Naming.TokenNames.FolderOf(type.Namespace) + "/" + type.Name + ".cs", writer.ToString());
}
