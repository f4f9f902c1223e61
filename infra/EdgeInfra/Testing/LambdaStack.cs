namespace EdgeInfra.Testing;

/// <summary>
/// A stack whose resources a lambda creates, for tests of components and idioms that need no stack class of their
/// own: <c>StackTest.RunAsync(() =&gt; new LambdaStack(() =&gt; new Vault("vault", args)), mocks)</c>, or
/// <see cref="StackTest.RunAsync(Action, IMocks, TestOptions?)"/> for short. It can be created wherever a stack can:
/// <see cref="StackTest"/>, <c>Deployment.Synthesize</c> and <c>StackBuilder.Build</c>.
/// </summary>
public sealed class LambdaStack : Stack
{
    /// <summary>Runs <paramref name="build"/>, which creates the stack's resources.</summary>
    public LambdaStack(Action build)
    {
        ArgumentNullException.ThrowIfNull(build);
        build();
    }

    /// <summary>Runs <paramref name="build"/>, which creates the stack's resources and returns its outputs by name.</summary>
    public LambdaStack(Func<IDictionary<string, object?>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        RegisterOutputs(build());
    }
}
