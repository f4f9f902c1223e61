using EdgeInfra.Schemas;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Akamai.DataStream;

/// <summary>
/// <see cref="ComponentHarness"/> for stacks that read the secret config key <see cref="KeyName"/> (value
/// <see cref="KeyValue"/>): synthesis, conformance with the real schemas, errors, and runs against mocks.
/// </summary>
internal static class SecretConfigHarness
{
    public const string KeyName = "logStorageKey";
    public const string KeyValue = "S3CR3T-STORAGE-KEY";

    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadDirectory(SchemasDirectory()));

    private static DeploymentSettings Settings() => ComponentHarness.Settings() with
    {
        Config = new ConfigSource(new Dictionary<string, ConfigEntry> { [$"edge-infra:{KeyName}"] = new(KeyValue, IsSecret: true) }),
    };

    /// <summary>The key as the program reads it: a secret config reference.</summary>
    public static Output<string> AccessKey() => new Config().RequireSecret(KeyName);

    public static string Synth(Action build) => Deployment.Synthesize(() => new LambdaStack(build), Settings());

    public static string SynthConforming(Action build)
    {
        var program = Synth(build);
        var violations = ProgramConformance.Check(program, Schemas.Value);
        Assert.True(violations.Count == 0, string.Join("\n", violations) + "\n\n" + program);
        return program;
    }

    public static IReadOnlyList<SynthesisError> Errors(Action build) =>
        Assert.Throws<SynthesisException>(() => Synth(build)).Errors;

    public static Task<TestResult> RunAsync(Action build) =>
        StackTest.RunAsync(build, new ComponentMocks(), new TestOptions
        {
            ProjectName = "edge-infra",
            Packages = ComponentHarness.Packages,
            SecretConfig = new Dictionary<string, string> { [KeyName] = KeyValue },
        });

    private static string SchemasDirectory() => RepositoryRoot.Schemas;
}
