namespace EdgeInfra.Policy;

/// <summary>
/// A rule that does not apply to a resource or component (and everything inside a component), for a stated reason.
/// Suppressed findings stay in every report, with their justification.
/// </summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Target">The resource or component the suppression covers.</param>
/// <param name="Justification">Why the rule does not apply; shown in the report.</param>
public sealed record PolicySuppression(string RuleId, Resource Target, string Justification)
{
    /// <summary>Whether this suppression covers <paramref name="violation"/> of the rule <paramref name="ruleId"/>.</summary>
    public bool Covers(string ruleId, PolicyViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        if (!string.Equals(ruleId, RuleId, StringComparison.Ordinal))
        {
            return false;
        }

        for (Resource? current = violation.Resource; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, Target))
            {
                return true;
            }
        }

        return false;
    }
}
