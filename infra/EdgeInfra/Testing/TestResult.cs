using System.Collections.Immutable;
using System.Text.Json;

namespace EdgeInfra.Testing;

/// <summary>What a stack test run found: every resource with its inputs and outputs, the stack outputs, and the calls made.</summary>
public sealed class TestResult
{
    private readonly ImmutableDictionary<CustomResource, TestResource> _byResource;
    private readonly ExpressionEvaluator _evaluator;

    internal TestResult(
        StackGraph graph,
        ImmutableArray<TestResource> resources,
        ImmutableSortedDictionary<string, object?> outputs,
        IReadOnlyList<MockCallArgs> calls,
        ExpressionEvaluator evaluator)
    {
        Graph = graph;
        Resources = resources;
        Outputs = outputs;
        Calls = calls;
        _evaluator = evaluator;
        _byResource = resources.ToImmutableDictionary(r => r.Resource, r => r);
    }

    /// <summary>The stack graph that was tested.</summary>
    public StackGraph Graph { get; }

    /// <summary>The custom resources and providers, in program order (logical name order).</summary>
    public IReadOnlyList<TestResource> Resources { get; }

    /// <summary>The stack outputs, evaluated, by name.</summary>
    public IReadOnlyDictionary<string, object?> Outputs { get; }

    /// <summary>The messages the program logged with <see cref="EdgeInfra.Log"/>, captured rather than written to standard error.</summary>
    public IReadOnlyList<LogEntry> Log => Graph.Log;

    /// <summary>The provider function calls made, once per distinct call, in the order they were made (including those <see cref="Evaluate(IInput)"/> made).</summary>
    public IReadOnlyList<MockCallArgs> Calls { get; }

    /// <summary>The resource named <paramref name="logicalName"/> in the program.</summary>
    /// <exception cref="KeyNotFoundException">No resource has that name; the message lists the names there are.</exception>
    public TestResource Resource(string logicalName) =>
        Resources.FirstOrDefault(r => r.LogicalName == logicalName)
        ?? throw new KeyNotFoundException(
            $"The stack has no resource named '{logicalName}'; its resources are: {string.Join(", ", Resources.Select(r => r.LogicalName))}.");

    /// <summary>The test record of <paramref name="resource"/>.</summary>
    /// <exception cref="KeyNotFoundException">The resource is not part of the tested stack.</exception>
    public TestResource Resource(CustomResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _byResource.GetValueOrDefault(resource)
            ?? throw new KeyNotFoundException($"Resource '{resource.LogicalName}' ({resource.GetResourceType()}) is not part of the tested stack.");
    }

    /// <summary>The resources of the type token <paramref name="typeToken"/>, in program order.</summary>
    public IEnumerable<TestResource> OfType(string typeToken) => Resources.Where(r => r.Type == typeToken);

    /// <summary>The resources whose graph object is a <typeparamref name="TResource"/>, in program order.</summary>
    public IEnumerable<TestResource> OfType<TResource>()
        where TResource : CustomResource => Resources.Where(r => r.Resource is TResource);

    /// <summary>
    /// Evaluates any value of the stack (an output, an input, an argument object) against the run's resources,
    /// config and mocks, as a property stating it would be; secrets are <see cref="SecretValue"/>s.
    /// </summary>
    /// <exception cref="EvaluationException">The value cannot be evaluated or a mock failed.</exception>
    public Task<object?> EvaluateAsync(IInput value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var expression = value.ToExpression();
        return _evaluator.EvaluateAsync(expression, new EvaluationSite($"value ({expression.Describe()})", null));
    }

    /// <summary>Evaluates <paramref name="value"/> as <see cref="EvaluateAsync"/> does, waiting for the mocks.</summary>
    /// <exception cref="EvaluationException">The value cannot be evaluated or a mock failed.</exception>
    public object? Evaluate(IInput value)
    {
        // Without a synchronization context, continuations of mocks that complete later run on the thread pool,
        // so waiting here cannot deadlock; mocks that complete at once never leave this thread.
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return EvaluateAsync(value).GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>
    /// Evaluates <paramref name="output"/> to a <typeparamref name="T"/>, as Pulumi's <c>Output&lt;T&gt;</c> holds it:
    /// for example the URI the mock gave a vault, from <c>vault.Properties.VaultUri</c>. Secret marks are removed
    /// (see <see cref="IsSecret"/>, or <see cref="EvaluateAsync"/> for the value with its marks); a value that is not
    /// already a <typeparamref name="T"/> (a list for an <c>ImmutableArray&lt;string&gt;</c>, a number for an
    /// <see cref="int"/>) is converted through JSON.
    /// </summary>
    /// <exception cref="EvaluationException">The value cannot be evaluated or a mock failed.</exception>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/>.</exception>
    public T Evaluate<T>(Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var value = SecretValue.Reveal(Evaluate((IInput)output), out _);
        switch (value)
        {
            case T typed:
                return typed;
            case null:
                return default!;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(DeterministicJson.Serialize(value))!;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new InvalidCastException(
                $"The {output.Expression.Describe()} evaluated to {ValueText.KindOf(value)} {ValueText.Render(value)}, which is not of type {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>True when <paramref name="value"/> evaluates to a secret.</summary>
    public bool IsSecret(IInput value) => Evaluate(value) is SecretValue;
}
