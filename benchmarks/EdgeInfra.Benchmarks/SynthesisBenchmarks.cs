using BenchmarkDotNet.Attributes;

namespace EdgeInfra.Benchmarks;

/// <summary>
/// Synthesis of a generated graph (<see cref="ScaleGraph"/>) at 1k, 10k and 20k resources: <see cref="Build"/> (the
/// stack run, expressions and validation), <see cref="Synthesize"/> (build and write, what the compiler does) and
/// <see cref="Write"/> (the YAML program of an already built graph), so building and writing show apart.
/// </summary>
[MemoryDiagnoser]
public class SynthesisBenchmarks
{
    private StackGraph? _graph;

    /// <summary>The number of custom resources of the graph.</summary>
    [Params(1_000, 10_000, 20_000)]
    public int Resources { get; set; }

    /// <summary>Builds the graph that <see cref="Write"/> writes.</summary>
    [GlobalSetup]
    public void Setup() => _graph = Deployment.Build(ScaleGraph.Create(Resources), ScaleGraph.Settings);

    /// <summary><c>Deployment.Build</c>: the validated graph.</summary>
    [Benchmark]
    public StackGraph Build() => Deployment.Build(ScaleGraph.Create(Resources), ScaleGraph.Settings);

    /// <summary><c>Deployment.Synthesize</c>: the program's text.</summary>
    [Benchmark]
    public string Synthesize() => Deployment.Synthesize(ScaleGraph.Create(Resources), ScaleGraph.Settings);

    /// <summary><c>ProgramSynthesizer.Synthesize</c> of a built graph: lowering and YAML writing alone.</summary>
    [Benchmark]
    public string Write() => ProgramSynthesizer.Synthesize(_graph!);
}
