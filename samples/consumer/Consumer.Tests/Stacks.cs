using EdgeInfra;
using EdgeInfra.Testing;

namespace Consumer.Tests;

/// <summary>The sample's stacks with their <c>dev</c> config, synthesized and run against mocks.</summary>
internal static class Stacks
{
    public static readonly IReadOnlyDictionary<string, string> DevConfig = new Dictionary<string, string>
    {
        ["location"] = "westeurope",
        ["environment"] = "dev",
    };

    public static string Synthesize(string project, Func<Stack> createStack) => Deployment.Synthesize(createStack, new DeploymentSettings
    {
        ProjectName = project,
        StackName = "dev",
        Config = ConfigSource.FromValues(DevConfig.ToDictionary(entry => $"{project}:{entry.Key}", entry => entry.Value)),
        Packages = PackageCatalog.Discover(createStack.Method.DeclaringType!.Assembly),
        ProjectDirectory = Path.Combine(Path.GetTempPath(), "consumer-sample-" + project),
    });

    public static Task<TestResult> TestAsync<TStack>(string project)
        where TStack : Stack, new() => Deployment.TestAsync<TStack>(new SampleMocks(), new TestOptions
        {
            ProjectName = project,
            StackName = "dev",
            Config = DevConfig,
            ProjectDirectory = Path.Combine(Path.GetTempPath(), "consumer-sample-" + project),
        });
}
