using EdgeInfra.Testing;

namespace EdgeInfra.Tests;

/// <summary>Builds small stacks from a lambda, with test settings.</summary>
internal static class TestStacks
{
    public static readonly PackageCatalog Packages = new(new Dictionary<string, string>
    {
        ["azure-native"] = "3.28.0",
        ["random"] = "4.21.1",
        ["akamai"] = "11.4.0",
    });

    public static DeploymentSettings Settings(IReadOnlyDictionary<string, string>? config = null, string stack = "dev") => new()
    {
        ProjectName = "proj",
        StackName = stack,
        Config = config is null ? ConfigSource.Empty : ConfigSource.FromValues(config.ToDictionary(c => "proj:" + c.Key, c => c.Value)),
        Packages = Packages,
    };

    public static string Synth(Action build, IReadOnlyDictionary<string, string>? config = null) =>
        Deployment.Synthesize(() => new LambdaStack(build), Settings(config));

    public static string Synth(Action build, DeploymentSettings settings) =>
        Deployment.Synthesize(() => new LambdaStack(build), settings);

    public static string SynthOutputs(Func<Dictionary<string, object?>> build, IReadOnlyDictionary<string, string>? config = null) =>
        Deployment.Synthesize(() => new LambdaStack(build), Settings(config));

    public static StackGraph Build(Action build, IReadOnlyDictionary<string, string>? config = null) =>
        StackBuilder.Build(() => new LambdaStack(build), Settings(config));

    public static SynthesisException Fails(Action build, IReadOnlyDictionary<string, string>? config = null) =>
        Assert.Throws<SynthesisException>(() => Synth(build, config));

    /// <summary>The resources block of a program, from the line after "resources:" to the end or to "outputs:".</summary>
    public static string Resources(string program)
    {
        var start = program.IndexOf("resources:\n", StringComparison.Ordinal) + "resources:\n".Length;
        var end = program.IndexOf("\noutputs:", start, StringComparison.Ordinal);
        return end < 0 ? program[start..] : program[start..(end + 1)];
    }

    public static CustomResource Group(string name, PropertyMap? properties = null, CustomResourceOptions? options = null) =>
        new("azure-native:resources:ResourceGroup", name, properties ?? new PropertyMap { ["location"] = "westeurope" }, options);
}
