using EdgeInfra.Testing;

namespace EdgeInfra.Tests.Testing;

/// <summary>Runs small stacks against mocks, with the test packages.</summary>
internal static class MockRuns
{
    public static TestOptions Options(
        IReadOnlyDictionary<string, string>? config = null,
        IReadOnlyDictionary<string, string>? secretConfig = null,
        string? projectDirectory = null) => new()
        {
            Packages = TestStacks.Packages,
            Config = config ?? new Dictionary<string, string>(),
            SecretConfig = secretConfig ?? new Dictionary<string, string>(),
            ProjectDirectory = projectDirectory,
        };

    /// <summary>Runs the stack <paramref name="build"/> creates; echo mocks unless told.</summary>
    public static Task<TestResult> Run(Action build, IMocks? mocks = null, TestOptions? options = null) =>
        StackTest.RunAsync(build, mocks ?? new EchoMocks(), options ?? Options());

    /// <summary>Runs the stack whose outputs <paramref name="build"/> returns.</summary>
    public static Task<TestResult> RunOutputs(Func<Dictionary<string, object?>> build, IMocks? mocks = null, TestOptions? options = null) =>
        StackTest.RunAsync(() => new LambdaStack(build), mocks ?? new EchoMocks(), options ?? Options());

    /// <summary>The evaluated input <c>value</c> of a resource <c>subject</c> whose property <c>value</c> is what <paramref name="value"/> makes.</summary>
    public static async Task<object?> Evaluate(Func<object?> value, IMocks? mocks = null, TestOptions? options = null)
    {
        var result = await Run(() => Subject(value()), mocks, options);
        return result.Resource("subject").Inputs["value"];
    }

    /// <summary>A resource group <c>subject</c> whose property <c>value</c> is <paramref name="value"/>.</summary>
    public static CustomResource Subject(object? value) => TestStacks.Group("subject", new PropertyMap { ["value"] = value });

    /// <summary>A resource that exists only to be referenced; echo mocks give it its inputs as outputs.</summary>
    public static CustomResource Thing(string name, PropertyMap? properties = null, CustomResourceOptions? options = null) =>
        new("azure-native:test:Thing", name, properties ?? new PropertyMap(), options);
}
