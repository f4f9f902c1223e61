using System.Globalization;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>The typed reader of a graph's resource inputs, for checks that look at what a stack declares.</summary>
public sealed partial class StackGraph
{
    /// <summary>The custom resources of class <typeparamref name="TResource"/> (a generated resource class), in program order.</summary>
    public IEnumerable<TResource> ResourcesOf<TResource>()
        where TResource : CustomResource => CustomResources.OfType<TResource>();

    /// <summary>The typed inputs <paramref name="resource"/> was created with.</summary>
    /// <exception cref="InvalidOperationException">The resource's inputs are not of type <typeparamref name="TArgs"/>.</exception>
    public TArgs InputsOf<TArgs>(CustomResource resource)
        where TArgs : ResourceArgs
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Args as TArgs
            ?? throw new InvalidOperationException($"{resource.LogicalName} was created with {resource.Args.GetType().Name}, not {typeof(TArgs).Name}.");
    }

    /// <summary>
    /// What the program states for <paramref name="input"/>: unset, a value known at synthesis (a plain value, or a
    /// non-secret config value of the stack the program references), or a deploy-time value.
    /// </summary>
    public InputValue<T> ValueOf<T>(Input<T>? input)
    {
        if (input is null)
        {
            return InputValue<T>.Unset;
        }

        if (input.TryGetValue(out var value))
        {
            return InputValue<T>.Known(value);
        }

        if (input.ToExpression() is ConfigReferenceExpression { IsSecret: false, Path.IsEmpty: true } config
            && Settings.Config.Find(config.Key.Contains(':', StringComparison.Ordinal) ? config.Key : $"{Settings.ProjectName}:{config.Key}") is { IsSecret: false, Value: { } text }
            && TryParse<T>(text, out var fromConfig))
        {
            return InputValue<T>.Known(fromConfig);
        }

        return InputValue<T>.DeployTime;
    }

    private static bool TryParse<T>(string text, out T value)
    {
        object? parsed = typeof(T) == typeof(string) ? text
            : typeof(T) == typeof(bool) && bool.TryParse(text, out var flag) ? flag
            : typeof(T) == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number
            : null;
        value = parsed is T typed ? typed : default!;
        return parsed is T;
    }
}
