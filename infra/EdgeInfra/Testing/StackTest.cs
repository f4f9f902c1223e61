using System.Reflection;

namespace EdgeInfra.Testing;

/// <summary>
/// Runs a stack against mocks, like Pulumi .NET's <c>Deployment.TestAsync</c>: the stack is built into its graph,
/// then every resource is registered with the mocks in dependency order and every value of the program is
/// evaluated, as the Pulumi YAML runtime would evaluate the synthesized program.
/// </summary>
public static class StackTest
{
    /// <summary>Tests the stack <paramref name="createStack"/> makes, with <paramref name="mocks"/> in place of the providers.</summary>
    /// <exception cref="SynthesisException">The stack cannot be built; thrown as synthesis throws it.</exception>
    /// <exception cref="EvaluationException">A value cannot be evaluated or a mock failed.</exception>
    public static Task<TestResult> RunAsync(Func<Stack> createStack, IMocks mocks, TestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(createStack);
        ArgumentNullException.ThrowIfNull(mocks);
        return RunAsync(createStack, mocks, options ?? new TestOptions(), createStack.Method.DeclaringType?.Assembly);
    }

    /// <summary>
    /// Tests a <see cref="LambdaStack"/> whose resources <paramref name="build"/> creates, with <paramref name="mocks"/>
    /// in place of the providers; the packages are discovered from the assembly that declares <paramref name="build"/>.
    /// </summary>
    /// <exception cref="SynthesisException">The stack cannot be built; thrown as synthesis throws it.</exception>
    /// <exception cref="EvaluationException">A value cannot be evaluated or a mock failed.</exception>
    public static Task<TestResult> RunAsync(Action build, IMocks mocks, TestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(mocks);
        return RunAsync(() => new LambdaStack(build), mocks, options ?? new TestOptions(), build.Method.DeclaringType?.Assembly);
    }

    /// <summary>Tests the stack <typeparamref name="TStack"/>, with <paramref name="mocks"/> in place of the providers.</summary>
    /// <exception cref="SynthesisException">The stack cannot be built; thrown as synthesis throws it.</exception>
    /// <exception cref="EvaluationException">A value cannot be evaluated or a mock failed.</exception>
    public static Task<TestResult> RunAsync<TStack>(IMocks mocks, TestOptions? options = null)
        where TStack : Stack, new()
    {
        ArgumentNullException.ThrowIfNull(mocks);
        return RunAsync(() => new TStack(), mocks, options ?? new TestOptions(), typeof(TStack).Assembly);
    }

    private static async Task<TestResult> RunAsync(Func<Stack> createStack, IMocks mocks, TestOptions options, Assembly? stackAssembly)
    {
        var settings = new DeploymentSettings
        {
            ProjectName = options.ProjectName,
            StackName = options.StackName,
            Config = ConfigSourceOf(options),
            Packages = options.Packages ?? PackageCatalog.Discover(stackAssembly ?? typeof(StackTest).Assembly),
            ProjectDirectory = options.ProjectDirectory,
            LogWriter = TextWriter.Null,
        };
        var graph = StackBuilder.Build(createStack, settings);
        return await TestRun.RunAsync(graph, mocks, options.ProjectDirectory ?? Directory.GetCurrentDirectory());
    }

    private static ConfigSource ConfigSourceOf(TestOptions options)
    {
        var entries = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        foreach (var (key, value) in options.Config)
        {
            entries[FullKey(options, key)] = new ConfigEntry(value, IsSecret: false);
        }

        foreach (var (key, value) in options.SecretConfig)
        {
            if (!entries.TryAdd(FullKey(options, key), new ConfigEntry(value, IsSecret: true)))
            {
                throw new ArgumentException($"Config '{FullKey(options, key)}' is given both in Config and in SecretConfig.", nameof(options));
            }
        }

        return new ConfigSource(entries);
    }

    private static string FullKey(TestOptions options, string key) =>
        key.Contains(':', StringComparison.Ordinal) ? key : options.ProjectName + ":" + key;
}
