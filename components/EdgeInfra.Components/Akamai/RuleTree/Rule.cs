namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A rule of a Property Manager rule tree: behaviors that apply when its criteria match, and child rules. The
/// tree's top rule is the default rule (<see cref="RuleTree.Default"/>): it has no criteria, must have the
/// <c>origin</c> and <c>cpCode</c> behaviors, and is the only rule that declares variables.
/// </summary>
public sealed class Rule
{
    /// <summary>The rule's name, shown in Property Manager; must not be blank. Required.</summary>
    public required string Name { get; init; }

    /// <summary>Comments shown with the rule. Default: null (not stated).</summary>
    public string? Comments { get; init; }

    /// <summary>Whether all criteria or any criterion must match; not stated for the default rule. Default: <see cref="CriteriaMatch.All"/>.</summary>
    public CriteriaMatch CriteriaMustSatisfy { get; init; } = CriteriaMatch.All;

    /// <summary>The rule's match conditions; the default rule takes none. Default: none (the rule always applies).</summary>
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];

    /// <summary>The behaviors, in the order Property Manager applies them. Default: none.</summary>
    public IReadOnlyList<Behavior> Behaviors { get; init; } = [];

    /// <summary>Child rules, evaluated in order after this rule's behaviors. Default: none.</summary>
    public IReadOnlyList<Rule> Children { get; init; } = [];

    /// <summary>The property's user variables (<c>PMUSER_*</c>); only the default rule may declare them. Default: none.</summary>
    public IReadOnlyList<RuleVariable> Variables { get; init; } = [];

    /// <summary>
    /// The default rule's <c>options.is_secure</c>: true when the property serves HTTPS on Akamai's secure network
    /// (Enhanced TLS, <c>.edgekey.net</c>); only the default rule may set it. Default: null (not stated).
    /// </summary>
    public bool? IsSecure { get; init; }
}
