namespace EdgeInfra.Policy;

/// <summary>A violation of a rule, and the suppression that covers it, if any.</summary>
/// <param name="Rule">The rule broken.</param>
/// <param name="Violation">Where and how.</param>
/// <param name="Suppression">The suppression that covers it; null when it counts.</param>
public sealed record PolicyFinding(PolicyRule Rule, PolicyViolation Violation, PolicySuppression? Suppression)
{
    /// <summary>Whether the finding is suppressed (it is reported but does not fail a check).</summary>
    public bool IsSuppressed => Suppression is not null;

    /// <summary>The component path of the resource, outermost first (<c>app/weu-origin</c>); empty at the top level.</summary>
    public string ComponentPath
    {
        get
        {
            var names = new List<string>();
            for (var component = Violation.Resource as ComponentResource ?? Violation.Resource.Component; component is not null; component = component.Component)
            {
                names.Insert(0, component.GetResourceName());
            }

            return string.Join('/', names);
        }
    }
}
