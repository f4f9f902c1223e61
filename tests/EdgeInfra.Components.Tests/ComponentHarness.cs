using EdgeInfra.Schemas;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests;

/// <summary>Builds small stacks around a component: synthesis, conformance with the real schemas, and runs against mocks.</summary>
internal static class ComponentHarness
{
    public static readonly PackageCatalog Packages = PackageCatalog.Discover(typeof(EdgeInfra.Components.Azure.RoleAssignments).Assembly);

    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadDirectory(SchemasDirectory()));

    public static DeploymentSettings Settings(string stack = "test") => new()
    {
        ProjectName = "edge-infra",
        StackName = stack,
        Packages = Packages,
    };

    /// <summary>The program of a stack that <paramref name="build"/> fills.</summary>
    public static string Synth(Action build) => Deployment.Synthesize(() => new LambdaStack(build), Settings());

    /// <summary>The program of a stack that <paramref name="build"/> fills, checked against the provider schemas.</summary>
    public static string SynthConforming(Action build) => Conforming(Synth(build));

    /// <summary>The graph of a stack that <paramref name="build"/> fills, its program checked against the provider schemas.</summary>
    public static StackGraph GraphConforming(Action build)
    {
        var graph = Deployment.Build(() => new LambdaStack(build), Settings());
        Conforming(ProgramSynthesizer.Synthesize(graph));
        return graph;
    }

    private static string Conforming(string program)
    {
        var violations = ProgramConformance.Check(program, Schemas.Value);
        Assert.True(violations.Count == 0, string.Join("\n", violations) + "\n\n" + program);
        return program;
    }

    /// <summary>The real provider schemas, loaded once.</summary>
    public static SchemaSet LoadSchemas() => Schemas.Value;

    /// <summary>The errors synthesis fails with.</summary>
    public static IReadOnlyList<SynthesisError> Errors(Action build) =>
        Assert.Throws<SynthesisException>(() => Synth(build)).Errors;

    /// <summary>The stack run against <paramref name="mocks"/> (default: <see cref="ComponentMocks"/>).</summary>
    public static Task<TestResult> RunAsync(Action build, IMocks? mocks = null) =>
        StackTest.RunAsync(build, mocks ?? new ComponentMocks(), new TestOptions { ProjectName = "edge-infra", Packages = Packages });

    private static string SchemasDirectory() => RepositoryRoot.Schemas;
}
