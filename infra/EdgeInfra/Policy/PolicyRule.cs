using System.Text.RegularExpressions;

namespace EdgeInfra.Policy;

/// <summary>
/// A check of a whole stack graph: an id, a severity, a one-line rationale, the scanner rules or documents it follows
/// (<see cref="Anchors"/>), and the check itself, which lists the violations it finds.
/// </summary>
public sealed partial class PolicyRule
{
    private readonly Func<StackGraph, IEnumerable<PolicyViolation>> _check;

    /// <summary>Creates a rule; <paramref name="check"/> lists the violations in a graph.</summary>
    /// <exception cref="ArgumentException">The id, title, rationale or anchors are missing or malformed.</exception>
    public PolicyRule(string id, string area, PolicySeverity severity, string title, string rationale, IReadOnlyList<string> anchors, Func<StackGraph, IEnumerable<PolicyViolation>> check)
    {
        if (!IdPattern().IsMatch(id ?? string.Empty))
        {
            throw new ArgumentException($"'{id}' is not a rule id: EI- followed by an area and a number, e.g. EI-VM-001.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(area);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(rationale);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(check);
        if (anchors.Count == 0 || anchors.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Rule {id} names no scanner rule or document it follows.", nameof(anchors));
        }

        Id = id!;
        Area = area;
        Severity = severity;
        Title = title;
        Rationale = rationale;
        Anchors = anchors;
        _check = check;
    }

    /// <summary>The id, e.g. <c>EI-VM-001</c>.</summary>
    public string Id { get; }

    /// <summary>What the rule is about, e.g. <c>Virtual machines</c>.</summary>
    public string Area { get; }

    /// <summary>How much a violation matters.</summary>
    public PolicySeverity Severity { get; }

    /// <summary>What the rule requires, in a few words.</summary>
    public string Title { get; }

    /// <summary>Why, in one line.</summary>
    public string Rationale { get; }

    /// <summary>
    /// The scanner rules it follows (Checkov <c>CKV_AZURE_*</c>, PSRule <c>Azure.*</c>, Trivy <c>AZU-*</c>) or the
    /// documents it rests on (URLs).
    /// </summary>
    public IReadOnlyList<string> Anchors { get; }

    /// <summary>The violations in <paramref name="graph"/>, in a stable order.</summary>
    public IReadOnlyList<PolicyViolation> Check(StackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return [.. _check(graph)];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Title}";

    [GeneratedRegex(@"^EI-[A-Z]{2,8}-[0-9]{3}\z")]
    private static partial Regex IdPattern();
}
