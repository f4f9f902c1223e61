using System.Reflection;

namespace EdgeInfra;

/// <summary>
/// The root of a stack graph. Derive from it and create resources in the constructor; properties marked
/// <see cref="OutputAttribute"/> and values given to <see cref="RegisterOutputs"/> become stack outputs.
/// </summary>
public abstract class Stack
{
    private readonly Dictionary<string, object?> _outputs = new(StringComparer.Ordinal);

    /// <summary>Creates the stack; only while a stack is being built.</summary>
    protected Stack()
    {
        if (DeploymentContext.Current is null)
        {
            throw new InvalidOperationException("A Stack can only be created by Deployment.Run, Deployment.Synthesize or a test run.");
        }
    }

    /// <summary>Adds stack outputs by name.</summary>
    protected void RegisterOutputs(IDictionary<string, object?> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (var (name, value) in outputs)
        {
            _outputs[name] = value;
        }
    }

    /// <summary>The stack outputs: registered values and <see cref="OutputAttribute"/> properties, by name.</summary>
    public IReadOnlyDictionary<string, object?> Outputs()
    {
        var outputs = new Dictionary<string, object?>(_outputs, StringComparer.Ordinal);
        foreach (var property in GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (property.GetCustomAttribute<OutputAttribute>() is { } attribute)
            {
                var name = attribute.Name ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                if (!outputs.TryAdd(name, property.GetValue(this)))
                {
                    throw new InvalidOperationException($"Stack output '{name}' is given twice.");
                }
            }
        }

        return outputs;
    }
}
