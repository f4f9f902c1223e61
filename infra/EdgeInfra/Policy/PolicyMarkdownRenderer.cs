using System.Text;

namespace EdgeInfra.Policy;

/// <summary>
/// A policy report as GitHub-flavoured Markdown for a pull request comment: the totals, a table of the findings that
/// count, then the suppressed ones with their justifications.
/// </summary>
public static class PolicyMarkdownRenderer
{
    /// <summary>The report as Markdown.</summary>
    public static string Render(PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var counted = report.Unsuppressed.ToList();
        var suppressed = report.Findings.Where(f => f.IsSuppressed).ToList();
        text.Append($"### Policy check of stack `{report.Graph.Settings.StackName}`\n\n");
        text.Append($"{report.Pack.Name} {report.Pack.Version}, {report.Pack.Rules.Count} rules, {report.Graph.CustomResources.Count()} resources: ");
        text.Append(counted.Count == 0 ? "**no finding**" : $"**{counted.Count} finding{(counted.Count == 1 ? "" : "s")}**");
        text.Append($", {suppressed.Count} suppressed with a justification.\n");
        if (counted.Count > 0)
        {
            text.Append("\n| severity | rule | resource | finding |\n|---|---|---|---|\n");
            foreach (var finding in counted)
            {
                text.Append($"| {finding.Rule.Severity.ToString().ToLowerInvariant()} | {Cell(finding.Rule.Id)} {Cell(finding.Rule.Title)} | `{Cell(finding.Violation.Resource.LogicalName)}` | {Cell(finding.Violation.Message)} |\n");
            }
        }

        if (suppressed.Count > 0)
        {
            text.Append("\n<details><summary>Suppressed</summary>\n\n| rule | resource | justification |\n|---|---|---|\n");
            foreach (var finding in suppressed)
            {
                text.Append($"| {Cell(finding.Rule.Id)} {Cell(finding.Rule.Title)} | `{Cell(finding.Violation.Resource.LogicalName)}` | {Cell(finding.Suppression!.Justification)} |\n");
            }

            text.Append("\n</details>\n");
        }

        return text.ToString();
    }

    /// <summary>The pack's rules as a Markdown table, by area then id: id, severity, what the rule requires, and what it follows.</summary>
    public static string RenderRules(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var text = new StringBuilder("| area | id | severity | rule | follows |\n|---|---|---|---|---|\n");
        foreach (var rule in pack.Rules.OrderBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var anchors = string.Join(", ", rule.Anchors.Select(a => a.StartsWith("https://", StringComparison.Ordinal) ? $"<{a}>" : $"`{Cell(a)}`"));
            text.Append($"| {Cell(rule.Area)} | {rule.Id} | {rule.Severity.ToString().ToLowerInvariant()} | {Cell(rule.Title)} | {anchors} |\n");
        }

        return text.ToString();
    }

    /// <summary>Text safe in a table cell: pipes escaped, line breaks and HTML angle brackets neutralized.</summary>
    private static string Cell(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
