namespace EdgeInfra.Components.Azure;

/// <summary>
/// Collects what is wrong with a component's arguments, so that every problem is reported at once, each naming
/// the component, the property, the bad value and the rule; <see cref="ThrowIfAny"/> fails synthesis with them.
/// </summary>
public sealed class ComponentErrors(string subject)
{
    private readonly List<SynthesisError> _errors = [];

    /// <summary>Collects errors about the component of type <paramref name="type"/> named <paramref name="name"/>.</summary>
    public ComponentErrors(string type, string name)
        : this($"component '{name}' ({type})")
    {
    }

    /// <summary>True when nothing is wrong so far.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Records that <paramref name="property"/> is wrong: <paramref name="message"/> names the bad value and the rule.</summary>
    public void Add(string property, string message) => _errors.Add(new SynthesisError(subject, property, message));

    /// <summary>Fails synthesis with every error recorded, if any.</summary>
    /// <exception cref="SynthesisException">Something was recorded.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new SynthesisException(_errors);
        }
    }
}
