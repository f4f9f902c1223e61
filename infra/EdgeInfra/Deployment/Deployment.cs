using System.Reflection;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// The entry point of a stack program, like Pulumi's <c>Deployment.RunAsync</c>:
/// <c>return Deployment.Run(args, () =&gt; new MyStack());</c>.
/// </summary>
public static class Deployment
{
    /// <summary>
    /// Runs the command line <paramref name="args"/> (see <see cref="StackRunner.Usage"/>) for the stack
    /// <paramref name="createStack"/> makes, with the process environment, the current folder and the packages
    /// declared by the entry assembly and the assemblies it references.
    /// <para>
    /// Standard output belongs to the verb's result alone (Pulumi reads the program from it): while the verb runs,
    /// <see cref="Console.Out"/> is standard error, so text a stack writes with <c>Console.WriteLine</c> shows on
    /// standard error and never corrupts the program.
    /// </para>
    /// </summary>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, Func<Stack> createStack)
    {
        var entry = Assembly.GetEntryAssembly() ?? Assembly.GetCallingAssembly();
        return Run(args, createStack, Directory.GetCurrentDirectory(), PackageCatalog.Discover(entry), null);
    }

    /// <summary>
    /// <see cref="Run(string[], Func{Stack})"/>, with <paramref name="policies"/> as the pack the <c>check</c> verb
    /// evaluates on the stack's graph.
    /// </summary>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, Func<Stack> createStack, Policy.PolicyPack policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var entry = Assembly.GetEntryAssembly() ?? Assembly.GetCallingAssembly();
        return Run(args, createStack, Directory.GetCurrentDirectory(), PackageCatalog.Discover(entry), policies);
    }

    /// <summary>
    /// The graph of the stack <paramref name="createStack"/> makes with <paramref name="settings"/>, built and
    /// validated as for synthesis: what policy packs (<see cref="Policy.PolicyPack.Evaluate"/>) and other checks read.
    /// Packages are discovered as <see cref="Synthesize"/> discovers them when <see cref="DeploymentSettings.Packages"/> is empty.
    /// </summary>
    /// <exception cref="SynthesisException">The stack cannot be built.</exception>
    public static StackGraph Build(Func<Stack> createStack, DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(createStack);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Packages.Versions.IsEmpty && settings.Packages.Metadata.IsEmpty)
        {
            settings = settings with { Packages = PackageCatalog.Discover(DiscoveryRoots(createStack)) };
        }

        return StackBuilder.Build(createStack, settings);
    }

    /// <summary>
    /// <see cref="Run(string[], Func{Stack})"/> in <paramref name="workingDirectory"/> with <paramref name="packages"/>:
    /// the verb's result goes to the <see cref="Console.Out"/> of the caller, everything else (the stack's own
    /// console output included) to <see cref="Console.Error"/>.
    /// </summary>
    internal static int Run(string[] args, Func<Stack> createStack, string workingDirectory, PackageCatalog packages, Policy.PolicyPack? policies = null)
    {
        var program = Console.Out;
        var error = Console.Error;
        Console.SetOut(error);
        try
        {
            var environment = new RunnerEnvironment(Environment.GetEnvironmentVariable, workingDirectory, packages, program, error) { Policies = policies };
            return StackRunner.Run(args, createStack, environment);
        }
        finally
        {
            Console.SetOut(program);
        }
    }

    /// <summary>
    /// The Pulumi YAML program of the stack <paramref name="createStack"/> makes with <paramref name="settings"/>.
    /// When <see cref="DeploymentSettings.Packages"/> is left empty, the packages (and their pinned versions) are
    /// discovered as <see cref="Run(string[], Func{Stack})"/> discovers them: from the assembly that declares <paramref name="createStack"/>,
    /// the entry assembly, and the assemblies they reference.
    /// </summary>
    /// <exception cref="SynthesisException">The stack cannot be synthesized.</exception>
    public static string Synthesize(Func<Stack> createStack, DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(createStack);
        ArgumentNullException.ThrowIfNull(settings);
        return ProgramSynthesizer.Synthesize(Build(createStack, settings));
    }

    private static IEnumerable<Assembly> DiscoveryRoots(Func<Stack> createStack)
    {
        if (createStack.Method.DeclaringType?.Assembly is { } declaring)
        {
            yield return declaring;
        }

        if (Assembly.GetEntryAssembly() is { } entry)
        {
            yield return entry;
        }
    }

    /// <summary>
    /// A call of the provider function <paramref name="function"/> with <paramref name="arguments"/>, stated as
    /// <c>fn::invoke</c>. Select one property of the result with <see cref="Output{T}.GetProperty{TProperty}"/>,
    /// which becomes the invoke's <c>return</c>.
    /// </summary>
    public static Output<T> Invoke<T>(string function, InputArgs? arguments = null, InvokeOptions? options = null)
    {
        if (!TypeTokens.IsValid(function))
        {
            throw new ArgumentException($"'{function}' is not a function token: it must read package:module:function.", nameof(function));
        }

        var argumentExpression = arguments is null ? ObjectExpression.Empty : (ObjectExpression)arguments.ToExpression();
        return new Output<T>(new InvokeExpression(function, argumentExpression, options));
    }

    /// <summary>
    /// Tests the stack <typeparamref name="TStack"/> against <paramref name="mocks"/>, like Pulumi .NET's
    /// <c>Deployment.TestAsync</c>: see <see cref="Testing.StackTest"/>.
    /// </summary>
    public static Task<Testing.TestResult> TestAsync<TStack>(Testing.IMocks mocks, Testing.TestOptions? options = null)
        where TStack : Stack, new() => Testing.StackTest.RunAsync<TStack>(mocks, options);

    /// <summary>
    /// The folder of the Pulumi project of the stack being built (see <see cref="DeploymentSettings.ProjectDirectory"/>):
    /// resolve relative paths of files the program reads against it. Outside a build, the current directory.
    /// </summary>
    public static string ProjectDirectory => DeploymentContext.Current?.ProjectDirectory ?? Directory.GetCurrentDirectory();

    /// <summary>
    /// Adds a stack-wide pass (like an AWS CDK aspect): <paramref name="pass"/> runs once the stack's constructor is
    /// done, with every resource created by then; resources it creates join the stack. Passes run in the order they
    /// were added. Only while a stack is built.
    /// </summary>
    public static void AddStackPass(Action<IReadOnlyList<Resource>> pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var deployment = DeploymentContext.Current
            ?? throw new InvalidOperationException("A stack pass can only be added while a stack is built.");
        deployment.AddStackPass(pass);
    }
}
