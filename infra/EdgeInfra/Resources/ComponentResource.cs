namespace EdgeInfra;

/// <summary>
/// A named group of resources. Pulumi YAML has no components, so a component is EdgeInfra's own grouping: its
/// children's logical names are prefixed with its name (unless they already start with it, see
/// <see cref="EdgeInfra.ChildNaming"/>), and previews, diffs and diagrams show the hierarchy.
/// </summary>
public class ComponentResource : Resource
{
    private readonly Dictionary<string, object?> _outputs = new(StringComparer.Ordinal);
    private readonly List<PreflightRequirement> _preflight = [];

    /// <summary>Creates a component of type <paramref name="type"/> (e.g. <c>edgeinfra:azure:SecretsVault</c>) named <paramref name="name"/>.</summary>
    public ComponentResource(string type, string name, ComponentResourceOptions? options = null)
        : this(type, name, options, ChildNaming.PrefixUnlessPrefixed)
    {
    }

    /// <summary>Creates a component whose children are named by <paramref name="childNaming"/>.</summary>
    protected ComponentResource(string type, string name, ComponentResourceOptions? options, ChildNaming childNaming)
        : base(type, name, options ?? new ComponentResourceOptions())
    {
        ChildNaming = childNaming;
    }

    /// <summary>How the children's logical names are prefixed with the component's: <see cref="ChildNaming.PrefixUnlessPrefixed"/> unless the component chose otherwise.</summary>
    public ChildNaming ChildNaming { get; }

    /// <summary>The component resource options.</summary>
    public new ComponentResourceOptions Options => (ComponentResourceOptions)base.Options;

    /// <summary>The outputs the component registered, by name.</summary>
    public IReadOnlyDictionary<string, object?> RegisteredOutputs => _outputs;

    /// <summary>What the accounts must have before deployment that the program cannot show, in the order stated.</summary>
    public IReadOnlyList<PreflightRequirement> PreflightRequirements => _preflight;

    /// <summary>States a requirement on the accounts that the program cannot show (see <see cref="PreflightRequirement"/>).</summary>
    protected void RequirePreflight(string requirement, string howToCheck)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requirement);
        ArgumentException.ThrowIfNullOrWhiteSpace(howToCheck);
        _preflight.Add(new PreflightRequirement(requirement, howToCheck));
    }

    /// <summary>Records the component's outputs, for previews and diagrams; the stack's own outputs are stated in the program.</summary>
    protected void RegisterOutputs(IDictionary<string, object?> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (var (key, value) in outputs)
        {
            _outputs[key] = value;
        }
    }
}
