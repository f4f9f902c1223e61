using System.Collections.Immutable;
using EdgeInfra.Expressions;

namespace EdgeInfra.Testing;

/// <summary>
/// Evaluates expressions of a stack graph to plain values, as the Pulumi YAML runtime evaluates the synthesized
/// program: resource outputs from the resources registered so far, config from the stack's config, invokes
/// through the mocks.
/// </summary>
internal sealed class ExpressionEvaluator(
    IReadOnlyDictionary<CustomResource, TestResource> registered,
    ConfigValues config,
    InvokeCache invokes,
    string projectDirectory)
{
    /// <summary>The value of <paramref name="expression"/>, evaluated at <paramref name="site"/>.</summary>
    /// <exception cref="EvaluationException">The expression cannot be evaluated, or a mock failed.</exception>
    public Task<object?> EvaluateAsync(Expression expression, EvaluationSite site) => expression switch
    {
        LiteralExpression literal => Task.FromResult(literal.Value),
        ListExpression list => ListAsync(list, site),
        ObjectExpression obj => ObjectAsync(obj, site),
        ResourceReferenceExpression reference => Task.FromResult(ResourceOutput(reference, site)),
        ConfigReferenceExpression reference => Task.FromResult(ConfigValue(reference, site)),
        InvokeExpression invoke => InvokeAsync(invoke, site),
        InterpolationExpression interpolation => InterpolationAsync(interpolation, site),
        BuiltinCallExpression call => BuiltinAsync(call, site),
        AssetExpression asset => AssetAsync(asset, site),
        _ => throw site.Error($"a {expression.Describe()} cannot be evaluated."),
    };

    /// <summary>The properties of <paramref name="obj"/>, evaluated, each at its own site.</summary>
    public async Task<ImmutableDictionary<string, object?>> EvaluateObjectAsync(ObjectExpression obj, EvaluationSite site)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj.Properties)
        {
            properties[key] = await EvaluateAsync(value, site.PropertySite(key));
        }

        return properties.ToImmutable();
    }

    private async Task<object?> ObjectAsync(ObjectExpression obj, EvaluationSite site) => await EvaluateObjectAsync(obj, site);

    private async Task<object?> ListAsync(ListExpression list, EvaluationSite site)
    {
        var items = ImmutableArray.CreateBuilder<object?>(list.Items.Length);
        for (var i = 0; i < list.Items.Length; i++)
        {
            items.Add(await EvaluateAsync(list.Items[i], site.ItemSite(i)));
        }

        return items.MoveToImmutable();
    }

    private object? ResourceOutput(ResourceReferenceExpression reference, EvaluationSite site)
    {
        if (reference.Resource is not CustomResource custom || !registered.TryGetValue(custom, out var resource))
        {
            throw site.Error($"{reference.Describe()}: resource '{reference.Resource.LogicalName}' is not a resource of the tested stack's program.");
        }

        if (reference.Path.IsEmpty)
        {
            return new ResourceValue(resource.LogicalName, resource.Type, resource.Urn, resource.Id);
        }

        try
        {
            return ValuePaths.Navigate(resource.Outputs, reference.Path);
        }
        catch (InvalidOperationException e)
        {
            throw site.Error($"{reference.Describe()}: {e.Message}", e);
        }
    }

    private object? ConfigValue(ConfigReferenceExpression reference, EvaluationSite site)
    {
        try
        {
            return config.Read(reference);
        }
        catch (InvalidOperationException e)
        {
            throw site.Error($"{reference.Describe()}: {e.Message}", e);
        }
    }

    private async Task<object?> InvokeAsync(InvokeExpression invoke, EvaluationSite site)
    {
        var arguments = await EvaluateObjectAsync(invoke.Arguments, site);
        var call = new MockCallArgs { Token = invoke.Function, Args = arguments, Provider = invoke.Options.Provider?.LogicalName };
        var result = await invokes.CallAsync(call, site);
        var argumentsAreSecret = SecretValue.AnyIn(arguments);
        if (invoke.Return is null)
        {
            return SecretValue.WrapIf(argumentsAreSecret, result);
        }

        try
        {
            var value = ValuePaths.Navigate(result.GetValueOrDefault(invoke.Return), invoke.Path);
            return value is null ? null : SecretValue.WrapIf(argumentsAreSecret, value);
        }
        catch (InvalidOperationException e)
        {
            throw site.Error($"{invoke.Describe()}: {e.Message}", e);
        }
    }

    private async Task<object?> InterpolationAsync(InterpolationExpression interpolation, EvaluationSite site)
    {
        // As the program states it: a single part that is no text is that part's value, not its text.
        if (interpolation.Parts.Length == 1 && interpolation.Parts[0] is not LiteralExpression { Value: string })
        {
            return await EvaluateAsync(interpolation.Parts[0], site);
        }

        var parts = new List<object?>(interpolation.Parts.Length);
        foreach (var part in interpolation.Parts)
        {
            parts.Add(await EvaluateAsync(part, site));
        }

        try
        {
            return StringInterpolation.Concatenate(parts);
        }
        catch (InvalidOperationException e)
        {
            throw site.Error(e.Message, e);
        }
    }

    private async Task<object?> BuiltinAsync(BuiltinCallExpression call, EvaluationSite site)
    {
        var arguments = new List<object?>(call.Arguments.Length);
        foreach (var argument in call.Arguments)
        {
            arguments.Add(await EvaluateAsync(argument, site));
        }

        try
        {
            return BuiltinFunctions.Apply(call.Function, arguments, projectDirectory);
        }
        catch (InvalidOperationException e)
        {
            throw site.Error(e.Message, e);
        }
    }

    private async Task<object?> AssetAsync(AssetExpression asset, EvaluationSite site) =>
        new AssetValue(asset.Kind, await EvaluateAsync(asset.Value, site));
}
