namespace EdgeInfra.Policy;

/// <summary>A named, versioned set of rules, evaluated together against a stack graph.</summary>
public sealed class PolicyPack
{
    /// <summary>Creates the pack <paramref name="name"/> of <paramref name="rules"/>.</summary>
    /// <exception cref="ArgumentException">Two rules share an id.</exception>
    public PolicyPack(string name, string version, IEnumerable<PolicyRule> rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(rules);
        Name = name;
        Version = version;
        Rules = [.. rules.OrderBy(rule => rule.Id, StringComparer.Ordinal)];
        if (Rules.GroupBy(rule => rule.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Rule id {duplicate.Key} is used by {duplicate.Count()} rules of pack {name}.", nameof(rules));
        }
    }

    /// <summary>The pack's name.</summary>
    public string Name { get; }

    /// <summary>The pack's version.</summary>
    public string Version { get; }

    /// <summary>The rules, in id order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>Every rule's violations in <paramref name="graph"/>, each with the suppression that covers it.</summary>
    /// <exception cref="ArgumentException">A suppression names a rule the pack does not have.</exception>
    public PolicyReport Evaluate(StackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var suppressions = graph.Resources.SelectMany(resource => resource.PolicySuppressions).ToList();
        var ids = Rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        if (suppressions.FirstOrDefault(s => !ids.Contains(s.RuleId)) is { } unknown)
        {
            throw new ArgumentException($"{unknown.Target.LogicalName} suppresses {unknown.RuleId}, which pack {Name} does not have.", nameof(graph));
        }

        var findings = new List<PolicyFinding>();
        foreach (var rule in Rules)
        {
            foreach (var violation in rule.Check(graph))
            {
                findings.Add(new PolicyFinding(rule, violation, suppressions.FirstOrDefault(s => s.Covers(rule.Id, violation))));
            }
        }

        return new PolicyReport(this, graph, findings);
    }
}
