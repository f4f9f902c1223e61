namespace EdgeInfra;

/// <summary>
/// A node of the stack graph. Creating one registers it with the stack being built; it has a logical name that
/// is unique in the program, prefixed with the names of its component ancestors.
/// </summary>
public abstract class Resource
{
    private protected Resource(string type, string name, ResourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _type = type;
        _name = name;
        Options = options;
        Deployment = DeploymentContext.Current
            ?? throw new InvalidOperationException(
                $"Resource '{name}' ({type}) was created outside a stack build: create resources inside a Stack built by Deployment.Run, Deployment.Synthesize or a test.");
        Component = FindComponent(options.Parent);
        LogicalName = ChildNames.Qualify(Component, name);
        Deployment.Register(this);
    }

    private readonly string _type;
    private readonly string _name;

    /// <summary>The type token, e.g. <c>azure-native:keyvault:Vault</c>. A method, as in Pulumi .NET, so that properties are free for outputs such as <c>type</c>.</summary>
    public string GetResourceType() => _type;

    /// <summary>The name given at construction, without component prefix. A method, so that properties are free for outputs such as <c>name</c>.</summary>
    public string GetResourceName() => _name;

    /// <summary>The name in the program: <see cref="GetResourceName"/> prefixed by the component ancestors' names, unless it already starts with its component's name and a hyphen.</summary>
    public string LogicalName { get; }

    /// <summary>The parent given in the options, if any.</summary>
    public Resource? Parent => Options.Parent;

    /// <summary>The nearest component ancestor, if any.</summary>
    public ComponentResource? Component { get; }

    /// <summary>The options given at construction.</summary>
    public ResourceOptions Options { get; }

    internal DeploymentContext Deployment { get; }

    private readonly List<Policy.PolicySuppression> _policySuppressions = [];

    /// <summary>The policy rules suppressed for this resource (for a component: for everything inside it), each with its justification.</summary>
    public IReadOnlyList<Policy.PolicySuppression> PolicySuppressions => _policySuppressions;

    /// <summary>
    /// States that the policy rule <paramref name="ruleId"/> does not apply to this resource (for a component: to
    /// everything inside it), and why. The finding stays in every report, marked suppressed, with the justification.
    /// </summary>
    /// <exception cref="ArgumentException">The rule id is blank, or the justification is shorter than 20 characters.</exception>
    public void SuppressPolicy(string ruleId, string justification)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < 20)
        {
            throw new ArgumentException($"Suppressing {ruleId} on {LogicalName} needs a justification of at least 20 characters: say why the rule does not apply.", nameof(justification));
        }

        _policySuppressions.Add(new Policy.PolicySuppression(ruleId, this, justification.Trim()));
    }

    /// <inheritdoc />
    public override string ToString() => $"{LogicalName} ({_type})";

    /// <summary>The value of an option that component ancestors pass down when the resource does not set it.</summary>
    internal T? Inherited<T>(Func<ResourceOptions, T?> option)
        where T : struct
    {
        for (Resource? current = this; current is not null; current = current.Parent)
        {
            if (option(current.Options) is T value)
            {
                return value;
            }
        }

        return null;
    }

    private static ComponentResource? FindComponent(Resource? parent)
    {
        for (var current = parent; current is not null; current = current.Parent)
        {
            if (current is ComponentResource component)
            {
                return component;
            }
        }

        return null;
    }
}
