using System.Text;

namespace EdgeInfra.Policy;

/// <summary>A policy report as plain text for a terminal or a CI log: one line per finding, then the totals.</summary>
public static class PolicyTextRenderer
{
    /// <summary>The report as text.</summary>
    public static string Render(PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append($"Policy pack {report.Pack.Name} {report.Pack.Version}: {report.Pack.Rules.Count} rules on stack {report.Graph.Settings.StackName} ({report.Graph.CustomResources.Count()} resources)\n");
        foreach (var finding in report.Findings)
        {
            var rule = finding.Rule;
            text.Append(finding.IsSuppressed ? "  suppressed " : "  ")
                .Append($"{rule.Severity.ToString().ToLowerInvariant()} {rule.Id} {finding.Violation.Resource.LogicalName}: {finding.Violation.Message}\n");
            if (finding.Suppression is { } suppression)
            {
                text.Append($"      justification: {suppression.Justification}\n");
            }
        }

        var counted = report.Unsuppressed.Count();
        text.Append($"{counted} finding{(counted == 1 ? "" : "s")}, {report.Findings.Count - counted} suppressed with a justification\n");
        return text.ToString();
    }
}
