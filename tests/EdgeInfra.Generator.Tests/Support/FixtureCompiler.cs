using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EdgeInfra.Generator.Tests.Support;

/// <summary>
/// Compiles generated bindings with Roslyn in memory, together with user code, against the running EdgeInfra
/// assembly and the framework: what a user of the bindings would compile.
/// </summary>
internal static class FixtureCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
    ]);

    private static readonly Lazy<ImmutableArray<SyntaxTree>> WidgetTrees = new(() => Parse(FixtureSchemas.WidgetsFiles));

    /// <summary>The generated files of the widgets fixture and <paramref name="userSources"/>, compiled into one library.</summary>
    public static CSharpCompilation CompileWidgets(params string[] userSources) => Compile(WidgetTrees.Value, userSources);

    /// <summary><paramref name="files"/> and <paramref name="userSources"/>, compiled into one library.</summary>
    public static CSharpCompilation Compile(IEnumerable<GeneratedFile> files, params string[] userSources) => Compile(Parse(files), userSources);

    /// <summary>The errors and warnings of <paramref name="compilation"/>, as <c>ID: message (file:line)</c>.</summary>
    public static IReadOnlyList<string> Problems(CSharpCompilation compilation) =>
    [
        .. compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} ({d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line + 1})"),
    ];

    /// <summary>The ids of the errors in the user code of <paramref name="compilation"/>.</summary>
    public static IReadOnlyList<string> UserErrors(CSharpCompilation compilation) =>
    [
        .. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.StartsWith("user", StringComparison.Ordinal) == true)
            .Select(d => d.Id),
    ];

    /// <summary>Emits <paramref name="compilation"/> and loads it into a collectible load context.</summary>
    public static Assembly Load(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }

    private static CSharpCompilation Compile(ImmutableArray<SyntaxTree> generated, string[] userSources) =>
        CSharpCompilation.Create(
            "Fixture" + Guid.NewGuid().ToString("N"),
            [.. generated, .. userSources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions.WithDocumentationMode(DocumentationMode.Parse), $"user{index}.cs"))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static ImmutableArray<SyntaxTree> Parse(IEnumerable<GeneratedFile> files) =>
        [.. files.Select(file => CSharpSyntaxTree.ParseText(file.Content, ParseOptions, file.RelativePath))];
}
