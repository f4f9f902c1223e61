using System.Collections.Immutable;

namespace EdgeInfra.Testing;

/// <summary>One test run of a built stack: registers its resources with the mocks in dependency order, then evaluates its outputs.</summary>
internal sealed class TestRun
{
    private readonly StackGraph _graph;
    private readonly IMocks _mocks;
    private readonly Dictionary<CustomResource, TestResource> _registered = [];
    private readonly InvokeCache _invokes;
    private readonly ExpressionEvaluator _evaluator;

    private TestRun(StackGraph graph, IMocks mocks, string projectDirectory)
    {
        _graph = graph;
        _mocks = mocks;
        _invokes = new InvokeCache(mocks);
        _evaluator = new ExpressionEvaluator(_registered, new ConfigValues(graph), _invokes, projectDirectory);
    }

    /// <summary>Runs <paramref name="graph"/> against <paramref name="mocks"/>.</summary>
    /// <exception cref="EvaluationException">A value cannot be evaluated or a mock failed.</exception>
    public static async Task<TestResult> RunAsync(StackGraph graph, IMocks mocks, string projectDirectory)
    {
        var run = new TestRun(graph, mocks, projectDirectory);
        foreach (var resource in ResourceOrder.Of(graph))
        {
            run._registered[resource] = await run.RegisterAsync(resource);
        }

        var outputs = ImmutableSortedDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (name, expression) in graph.Outputs)
        {
            outputs[name] = await run._evaluator.EvaluateAsync(expression, new EvaluationSite($"stack output '{name}'", null));
        }

        var resources = graph.CustomResources.Select(r => run._registered[r]).ToImmutableArray();
        return new TestResult(graph, resources, outputs.ToImmutable(), run._invokes.Calls, run._evaluator);
    }

    private async Task<TestResource> RegisterAsync(CustomResource resource)
    {
        var site = new EvaluationSite(SynthesisError.SubjectOf(resource), null);
        var inputs = await _evaluator.EvaluateObjectAsync(_graph.Properties[resource], site);
        var options = _graph.Options[resource];
        var args = new MockResourceArgs
        {
            Type = resource.GetResourceType(),
            Name = resource.LogicalName,
            Inputs = inputs,
            Provider = options.Provider?.LogicalName,
            Id = await ExistingIdAsync(resource),
        };

        (string? Id, object State) created;
        try
        {
            created = await _mocks.NewResourceAsync(args);
        }
        catch (Exception e)
        {
            throw site.Error($"the mock's NewResourceAsync threw {e.GetType().Name}: {e.Message}", e);
        }

        ImmutableDictionary<string, object?> state;
        try
        {
            state = MockValues.NormalizeObject(created.State);
        }
        catch (InvalidOperationException e)
        {
            throw site.Error($"the state the mock's NewResourceAsync returned cannot be read: {e.Message}", e);
        }

        var urn = _graph.UrnOf(resource);
        var outputs = MarkSecretOutputs(resource, options, StackReferenceOutputs.MarkSecrets(resource, state))
            .SetItem("id", args.Id ?? created.Id)
            .SetItem("urn", urn);
        return new TestResource(resource, options, args.Id ?? created.Id, urn, inputs, outputs);
    }

    /// <summary>
    /// The id of an existing resource the program reads: its <c>get</c> id, evaluated; for a stack reference, the
    /// stack name, as the Pulumi YAML runtime reads a stack reference with its name as id. Null for a resource the
    /// program creates.
    /// </summary>
    private async Task<string?> ExistingIdAsync(CustomResource resource)
    {
        if (resource is StackReference reference)
        {
            return reference.StackName;
        }

        if (resource.ExistingIdExpression() is not { } expression)
        {
            return null;
        }

        var site = new EvaluationSite(SynthesisError.SubjectOf(resource), "get.id");
        return SecretValue.Reveal(await _evaluator.EvaluateAsync(expression, site), out _) as string
            ?? throw site.Error("the id of a resource read with get must evaluate to a string.", null);
    }

    /// <summary>The state with the outputs the schema marks secret, and those of <c>additionalSecretOutputs</c>, as secrets.</summary>
    private ImmutableDictionary<string, object?> MarkSecretOutputs(CustomResource resource, EffectiveOptions options, ImmutableDictionary<string, object?> state)
    {
        var metadata = resource.GetResourceMetadata() ?? _graph.Settings.Packages.MetadataOf(resource.GetResourceType());
        var secretNames = options.AdditionalSecretOutputs.Concat(metadata?.SecretOutputs ?? []);
        foreach (var name in secretNames)
        {
            if (state.TryGetValue(name, out var value) && value is not null)
            {
                state = state.SetItem(name, SecretValue.Wrap(value));
            }
        }

        return state;
    }
}
