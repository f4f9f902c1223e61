using System.Reflection;
using EdgeInfra.Components.Application;
using EdgeInfra.Schemas;

namespace EdgeInfra.Stacks.Tests.Readme;

/// <summary>
/// Every C# block of README.md compiles as pasted into a consumer's project (see <see cref="ReadmeCodeBlock"/> for
/// the <c>```csharp</c> / <c>```csharp fragment</c> convention), every stack it declares synthesizes a program that
/// conforms to the provider schemas, and every fragment runs.
/// </summary>
public sealed class ReadmeSampleTests : IDisposable
{
    private const string Project = "readme-sample";

    /// <summary>The config the README's stacks read (a sample stack's <c>Pulumi.dev.yaml</c>).</summary>
    private static readonly Dictionary<string, string> SampleConfig = new(StringComparer.Ordinal)
    {
        [$"{Project}:resourceGroupName"] = "rg-edge-sample",
        [$"{Project}:location"] = "westeurope",
    };

    private static readonly Lazy<IReadOnlyList<ReadmeCodeBlock>> Blocks =
        new(() => ReadmeCodeBlock.Parse(File.ReadAllText(Path.Combine(Repository.Root, "README.md"))));

    private static readonly Lazy<ReadmeSampleProject> Compiled = new(() => ReadmeSampleProject.Compile(Blocks.Value));

    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadDirectory(Repository.Schemas));

    /// <summary>A consumer's project folder: the edge-gateway bundle at <c>edgeworkers/edge-gateway</c>, as the samples name it.</summary>
    private readonly string _projectDirectory = Path.Combine(Path.GetTempPath(), "edgeinfra-readme-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_projectDirectory))
        {
            Directory.Delete(_projectDirectory, recursive: true);
        }
    }

    [Fact]
    public void The_readme_has_whole_file_samples_and_fragments()
    {
        Assert.True(Blocks.Value.Count(block => !block.IsFragment) >= 3, "README.md has fewer whole-file C# samples than expected");
        Assert.Contains(Blocks.Value, block => block.IsFragment);
    }

    [Fact]
    public void Every_csharp_block_compiles_as_a_consumer_project_compiles_it()
    {
        var diagnostics = Compiled.Value.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.True(diagnostics.Count == 0, "README.md's C# samples do not compile:\n" + string.Join('\n', diagnostics));
    }

    [Fact]
    public void Every_stack_sample_synthesizes_a_conforming_program()
    {
        var stacks = StackTypes();
        Assert.NotEmpty(stacks);
        CopyBundle();
        var failures = new List<string>();
        foreach (var stack in stacks)
        {
            try
            {
                var program = Deployment.Synthesize(() => (Stack)Activator.CreateInstance(stack)!, Settings());
                failures.AddRange(ProgramConformance.Check(program, Schemas.Value).Select(violation => $"{stack.Name}: {violation}"));
            }
            catch (TargetInvocationException error) when (error.InnerException is SynthesisException synthesis)
            {
                failures.Add($"{stack.Name}: {synthesis.Message}");
            }
            catch (SynthesisException error)
            {
                failures.Add($"{stack.Name}: {error.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_fragment_runs()
    {
        var assembly = Compiled.Value.Assembly ?? throw new InvalidOperationException("README.md's C# samples do not compile (see the compile test).");
        var fragments = Blocks.Value.Where(block => block.IsFragment).ToList();
        foreach (var fragment in fragments)
        {
            var run = assembly.GetType(ReadmeSampleProject.FragmentClass(fragment.Line))!.GetMethod("RunAsync")!;
            try
            {
                await (Task)run.Invoke(null, null)!;
            }
            catch (TargetInvocationException error)
            {
                throw new InvalidOperationException($"The fragment at README.md:{fragment.Line} fails.", error.InnerException);
            }
        }
    }

    private static List<Type> StackTypes()
    {
        var assembly = Compiled.Value.Assembly ?? throw new InvalidOperationException("README.md's C# samples do not compile (see the compile test).");
        return [.. assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(Stack)) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)];
    }

    private DeploymentSettings Settings() => new()
    {
        ProjectName = Project,
        StackName = "dev",
        Config = ConfigSource.FromValues(SampleConfig),
        ProjectDirectory = _projectDirectory,
        Packages = PackageCatalog.Discover(typeof(EdgeFrontedApplication).Assembly),
    };

    private void CopyBundle()
    {
        var source = Path.Combine(Repository.Root, "components", "edgeworkers", "bundles", "edge-gateway");
        var target = Path.Combine(_projectDirectory, "edgeworkers", "edge-gateway");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
