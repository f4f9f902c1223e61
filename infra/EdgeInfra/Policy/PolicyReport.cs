namespace EdgeInfra.Policy;

/// <summary>What a <see cref="PolicyPack"/> found in a stack graph.</summary>
public sealed class PolicyReport
{
    internal PolicyReport(PolicyPack pack, StackGraph graph, IEnumerable<PolicyFinding> findings)
    {
        Pack = pack;
        Graph = graph;
        Findings = [.. findings
            .OrderByDescending(f => f.Rule.Severity)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Violation.Resource.LogicalName, StringComparer.Ordinal)
            .ThenBy(f => f.Violation.Message, StringComparer.Ordinal)];
    }

    /// <summary>The pack evaluated.</summary>
    public PolicyPack Pack { get; }

    /// <summary>The graph evaluated.</summary>
    public StackGraph Graph { get; }

    /// <summary>Every finding, suppressed ones included: most severe first, then by rule id and resource.</summary>
    public IReadOnlyList<PolicyFinding> Findings { get; }

    /// <summary>The findings that count: not suppressed.</summary>
    public IEnumerable<PolicyFinding> Unsuppressed => Findings.Where(f => !f.IsSuppressed);

    /// <summary>Whether a finding that counts is at or above <paramref name="failOn"/>.</summary>
    public bool Fails(PolicySeverity failOn) => Unsuppressed.Any(f => f.Rule.Severity >= failOn);
}
