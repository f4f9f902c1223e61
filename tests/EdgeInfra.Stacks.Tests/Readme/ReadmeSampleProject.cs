using System.Reflection;
using System.Text;
using EdgeInfra.Components.Application;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EdgeInfra.Stacks.Tests.Readme;

/// <summary>
/// The README's C# blocks compiled together, in process with Roslyn, as one consumer project would compile them: one
/// file per block, the implicit usings of an SDK project (<c>ImplicitUsings</c>, which is how a missing
/// <c>using EdgeInfra;</c> turns <c>Stack</c> into <c>System.Collections.Generic.Stack&lt;T&gt;</c>), nullable on,
/// warnings reported, and references to the engine, the bindings, the components, Moq and xunit's asserts — what a
/// project with the <c>EdgeInfra.Components</c> package and a test project would see. Diagnostics point at README lines.
/// </summary>
internal sealed class ReadmeSampleProject
{
    /// <summary>The global usings of an SDK-style project with <c>ImplicitUsings</c> enabled.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The warnings the .NET SDK suppresses in every project (<c>NoWarn</c> 1701;1702: assembly unification).</summary>
    private static readonly string[] SdkNoWarn = ["CS1701", "CS1702"];

    private ReadmeSampleProject(IReadOnlyList<Diagnostic> diagnostics, Assembly? assembly)
    {
        Diagnostics = diagnostics;
        Assembly = assembly;
    }

    /// <summary>Errors and warnings, each with its README line.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The compiled samples; null when they do not compile.</summary>
    public Assembly? Assembly { get; }

    /// <summary>The name of the class that holds the fragment starting at README line <paramref name="line"/>.</summary>
    public static string FragmentClass(int line) => $"ReadmeFragmentAtLine{line}";

    /// <summary>Compiles <paramref name="blocks"/> and loads the result.</summary>
    public static ReadmeSampleProject Compile(IReadOnlyList<ReadmeCodeBlock> blocks)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.g.cs", Encoding.UTF8) };
        trees.AddRange(blocks.Select(block => CSharpSyntaxTree.ParseText(SourceOf(block), parse, $"README.md@{block.Line}", Encoding.UTF8)));
        var compilation = CSharpCompilation.Create(
            "ReadmeSamples",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn.ToDictionary(id => id, _ => ReportDiagnostic.Suppress)));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var diagnostics = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        return new ReadmeSampleProject(diagnostics, result.Success && diagnostics.Count == 0 ? Assembly.Load(image.ToArray()) : null);
    }

    /// <summary>A whole-file block as it is; a fragment's leading usings, then its statements in an async method, <c>#line</c> mapped to the README.</summary>
    private static string SourceOf(ReadmeCodeBlock block)
    {
        var lines = block.Code.Split('\n');
        if (!block.IsFragment)
        {
            return $"#line {block.Line} \"README.md\"\n{block.Code}\n";
        }

        var usings = lines.TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal) || line.Length == 0).Count();
        return $$"""
            #line {{block.Line}} "README.md"
            {{string.Join('\n', lines[..usings])}}
            #line hidden
            public static class {{FragmentClass(block.Line)}}
            {
                public static async Task RunAsync()
                {
                    await Task.CompletedTask;
            #line {{block.Line + usings}} "README.md"
            {{string.Join('\n', lines[usings..])}}
            #line hidden
                }
            }
            """;
    }

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var libraries = new[]
        {
            typeof(Stack).Assembly,                                 // EdgeInfra
            typeof(AzureNative.KeyVault.Vault).Assembly,            // EdgeInfra.Providers
            typeof(EdgeFrontedApplication).Assembly,                // EdgeInfra.Components
            typeof(Moq.Mock).Assembly,
            typeof(Assert).Assembly,                                // xunit.assert
        };
        return platform.Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Concat(libraries.Select(assembly => assembly.Location))
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
