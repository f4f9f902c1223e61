using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeInfra.Policy;

/// <summary>
/// A policy report as SARIF 2.1.0, the subset GitHub code scanning reads
/// (docs.github.com/code-security/reference/code-scanning/sarif-files/sarif-support): every rule of the pack with its
/// rationale, help, anchors as tags and a <c>security-severity</c>; every finding as a result located in the stack's
/// config file (<c>Pulumi.{stack}.yaml</c>, the file a reviewer changes) and, logically, at the resource and its
/// component path, with a stable <c>partialFingerprints</c> entry; suppressed findings carry an <c>inSource</c>
/// suppression with their justification.
/// </summary>
public static class PolicySarifRenderer
{
    /// <summary>The <c>$schema</c> the log names.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The report as SARIF, the stack's config file at <paramref name="stackFile"/> (relative to the repository root, forward slashes).</summary>
    public static string Render(PolicyReport report, string stackFile)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(stackFile);
        var rules = report.Pack.Rules;
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = report.Pack.Name,
                        ["version"] = report.Pack.Version,
                        ["semanticVersion"] = report.Pack.Version,
                        ["informationUri"] = "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                        ["rules"] = new JsonArray([.. rules.Select(Rule)]),
                    },
                },
                ["automationDetails"] = new JsonObject { ["id"] = $"edge-infra-check/{report.Graph.Settings.StackName}/" },
                ["columnKind"] = "unicodeCodePoints",
                ["results"] = new JsonArray([.. report.Findings.Select(finding => Result(finding, index[finding.Rule.Id], stackFile, report.Graph.Settings.StackName))]),
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>The SARIF level of <paramref name="severity"/>.</summary>
    public static string Level(PolicySeverity severity) => severity switch
    {
        PolicySeverity.Low => "note",
        PolicySeverity.Medium => "warning",
        _ => "error",
    };

    /// <summary>
    /// GitHub's <c>security-severity</c> for <paramref name="severity"/>: a CVSS-like score GitHub reads as low
    /// (0.1–3.9), medium (4.0–6.9), high (7.0–8.9) or critical (9.0–10.0).
    /// </summary>
    public static string SecuritySeverity(PolicySeverity severity) => severity switch
    {
        PolicySeverity.Low => "3.0",
        PolicySeverity.Medium => "5.5",
        PolicySeverity.High => "8.0",
        _ => "9.5",
    };

    private static JsonObject Rule(PolicyRule rule)
    {
        var anchors = string.Join(", ", rule.Anchors);
        return new JsonObject
        {
            ["id"] = rule.Id,
            ["name"] = Name(rule.Title),
            ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
            ["fullDescription"] = new JsonObject { ["text"] = rule.Rationale },
            ["help"] = new JsonObject
            {
                ["text"] = $"{rule.Rationale} Follows: {anchors}.",
                ["markdown"] = $"**{rule.Title}**\n\n{rule.Rationale}\n\nFollows: {string.Join(", ", rule.Anchors.Select(a => a.StartsWith("https://", StringComparison.Ordinal) ? $"<{a}>" : $"`{a}`"))}.",
            },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
            ["properties"] = new JsonObject
            {
                ["tags"] = new JsonArray(["security", rule.Area, .. rule.Anchors.Where(a => !a.StartsWith("https://", StringComparison.Ordinal)).Select(a => (JsonNode)a!)]),
                ["precision"] = "high",
                ["problem.severity"] = rule.Severity >= PolicySeverity.High ? "error" : rule.Severity == PolicySeverity.Medium ? "warning" : "recommendation",
                ["security-severity"] = SecuritySeverity(rule.Severity),
            },
        };
    }

    private static JsonObject Result(PolicyFinding finding, int ruleIndex, string stackFile, string stack)
    {
        var resource = finding.Violation.Resource;
        var qualified = finding.ComponentPath.Length == 0 ? resource.LogicalName : $"{finding.ComponentPath}/{resource.LogicalName}";
        var result = new JsonObject
        {
            ["ruleId"] = finding.Rule.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding.Rule.Severity),
            ["message"] = new JsonObject { ["text"] = $"{resource.LogicalName} ({resource.GetResourceType()}): {finding.Violation.Message}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = stackFile },
                    ["region"] = new JsonObject { ["startLine"] = 1 },
                },
                ["logicalLocations"] = new JsonArray(new JsonObject
                {
                    ["name"] = resource.LogicalName,
                    ["fullyQualifiedName"] = qualified,
                    ["kind"] = "resource",
                }),
            }),
            ["partialFingerprints"] = new JsonObject
            {
                ["edgeInfraFinding/v1"] = Fingerprint($"{stack}\n{finding.Rule.Id}\n{resource.LogicalName}\n{finding.Violation.Property}"),
            },
        };
        if (finding.Suppression is { } suppression)
        {
            result["suppressions"] = new JsonArray(new JsonObject { ["kind"] = "inSource", ["status"] = "accepted", ["justification"] = suppression.Justification });
        }

        return result;
    }

    /// <summary>A rule's name as SARIF wants it: the title in PascalCase.</summary>
    private static string Name(string title) => string.Concat(title
        .Split([' ', '-', '/', ',', '.', '(', ')', ':', '\''], StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]));

    private static string Fingerprint(string identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
}
