using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.ExceptionServices;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>Builds a stack into a validated <see cref="StackGraph"/>.</summary>
public static class StackBuilder
{
    /// <summary>
    /// Runs <paramref name="createStack"/> with <paramref name="settings"/>, states every property and output as an
    /// expression and validates the graph.
    /// </summary>
    /// <exception cref="SynthesisException">The stack cannot be built or is not valid; every error found is listed.</exception>
    public static StackGraph Build(Func<Stack> createStack, DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(createStack);
        var deployment = new DeploymentContext(settings);
        var errors = new List<SynthesisError>();
        Stack stack;
        try
        {
            stack = deployment.Run(() =>
            {
                var built = Create(createStack);
                deployment.RunStackPasses();
                return built;
            });
        }
        catch (ConfigException e)
        {
            throw new SynthesisException($"config '{e.Key}'", null, e.Message);
        }
        catch (SynthesisException)
        {
            throw;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new SynthesisException($"stack '{settings.StackName}'", null, e.Message);
        }

        var properties = new Dictionary<CustomResource, ObjectExpression>();
        foreach (var resource in deployment.Resources.OfType<CustomResource>())
        {
            properties[resource] = PropertiesOf(resource, errors);
        }

        var outputs = OutputsOf(stack, errors);
        var resolver = new OptionsResolver(deployment, errors);
        var options = new Dictionary<CustomResource, EffectiveOptions>();
        foreach (var resource in deployment.Resources.OfType<CustomResource>())
        {
            options.Add(resource, resolver.Resolve(resource));
        }

        var config = deployment.ConfigDeclarations.OrderBy(c => c.Key, StringComparer.Ordinal).ToImmutableArray();
        var graph = new StackGraph(settings, [.. deployment.Resources], properties, options, config, outputs, [.. deployment.LogEntries]);
        errors.AddRange(GraphValidator.Validate(graph, deployment));
        errors.AddRange(graph.Log.Where(e => e.Severity == LogSeverity.Error).Select(e => new SynthesisError(
            e.Resource is null ? $"stack '{settings.StackName}'" : SynthesisError.SubjectOf(e.Resource), null, "the program logged the error: " + e.Message)));
        if (errors.Count > 0)
        {
            throw new SynthesisException(errors);
        }

        return graph;
    }

    /// <summary>
    /// Runs <paramref name="createStack"/>; an exception a stack constructor throws through reflection (as
    /// <c>new TStack()</c> in a generic method does) is rethrown unwrapped, so it is reported as the stack threw it.
    /// </summary>
    private static Stack Create(Func<Stack> createStack)
    {
        try
        {
            return createStack();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static ObjectExpression PropertiesOf(CustomResource resource, List<SynthesisError> errors)
    {
        var properties = new List<KeyValuePair<string, Expression>>();
        foreach (var (name, value) in resource.Args.SetInputs())
        {
            try
            {
                properties.Add(new(name, ExpressionFactory.FromValue(value)));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
            {
                errors.Add(new(SynthesisError.SubjectOf(resource), name, e.Message));
            }
        }

        try
        {
            return new ObjectExpression(properties);
        }
        catch (ArgumentException e)
        {
            errors.Add(new(SynthesisError.SubjectOf(resource), null, e.Message));
            return ObjectExpression.Empty;
        }
    }

    private static ImmutableSortedDictionary<string, Expression> OutputsOf(Stack stack, List<SynthesisError> errors)
    {
        var outputs = ImmutableSortedDictionary.CreateBuilder<string, Expression>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, object?> values;
        try
        {
            values = stack.Outputs();
        }
        catch (InvalidOperationException e)
        {
            errors.Add(new("stack outputs", null, e.Message));
            return outputs.ToImmutable();
        }

        foreach (var (name, value) in values)
        {
            try
            {
                outputs[name] = ExpressionFactory.FromValue(value);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
            {
                errors.Add(new($"stack output '{name}'", null, e.Message));
            }
        }

        return outputs.ToImmutable();
    }
}
