using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.AzureNative.KeyVault.Inputs;
using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.AzureNative.Monitor.Inputs;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;
using static EdgeInfra.Components.Policy.PolicyReferences;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on Key Vaults (<c>azure-native:keyvault:Vault</c>) and their secrets (<c>azure-native:keyvault:Secret</c>).
/// </summary>
/// <remarks>
/// Unset properties are judged by the defaults of the azure-native schema (RBAC authorization off, purge protection off,
/// soft delete on for 90 days, public network access enabled, no network rules). A deploy-time value fails a rule whose
/// control is off by default (it must be stated so a review can see it) and passes one whose control is on by default;
/// for a rule that only asks that a property be stated (a secret's expiry and content type), a deploy-time value is stated.
/// </remarks>
internal static class KeyVaultRules
{
    private const string Area = "Key Vault";

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-KV-001", Area, PolicySeverity.Medium,
            "Key Vaults authorize data access with Azure RBAC",
            "Access policies grant vault-wide rights outside Azure RBAC and its reviews; RBAC authorization is off unless properties.enableRbacAuthorization is true.",
            ["Azure.KeyVault.RBAC"],
            Each<Vault, VaultArgs>((graph, vault) =>
                graph.ValueOf(Plain(vault.Properties)?.EnableRbacAuthorization) is var rbac && !rbac.Is(true)
                    ? $"properties.enableRbacAuthorization is {ShowOr(rbac, "false")}: set it to true and grant data access with Key Vault roles"
                    : null,
                "properties.enableRbacAuthorization")),
        new(
            "EI-KV-002", Area, PolicySeverity.Medium,
            "Key Vaults have purge protection",
            "Without purge protection anyone allowed to delete a vault or secret can also purge it, and it is gone before the retention period ends; it is off unless stated.",
            ["CKV_AZURE_110", "CKV_AZURE_42", "Azure.KeyVault.PurgeProtect", "AZU-0016"],
            Each<Vault, VaultArgs>((graph, vault) =>
                graph.ValueOf(Plain(vault.Properties)?.EnablePurgeProtection) is var purge && !purge.Is(true)
                    ? $"properties.enablePurgeProtection is {ShowOr(purge, "off")}: set it to true (it cannot be turned off again)"
                    : null,
                "properties.enablePurgeProtection")),
        new(
            "EI-KV-003", Area, PolicySeverity.Medium,
            "Key Vaults keep soft delete on, for 7 to 90 days",
            "Soft delete lets a deleted vault or secret be recovered; Azure keeps it on (90 days) unless properties.enableSoftDelete is false, and accepts 7 to 90 days of retention.",
            ["CKV_AZURE_111", "CKV_AZURE_42", "Azure.KeyVault.SoftDelete", "AZU-0016"],
            Each<Vault, VaultArgs>(SoftDeleteProblems, "properties.enableSoftDelete")),
        new(
            "EI-KV-004", Area, PolicySeverity.High,
            "Key Vault firewalls deny by default",
            "A vault without network rules answers any address on the Internet; properties.networkAcls.defaultAction Deny admits only the listed networks and, with bypass AzureServices, trusted Azure services.",
            ["CKV_AZURE_109", "Azure.KeyVault.Firewall", "AZU-0013"],
            Each<Vault, VaultArgs>(FirewallProblems, "properties.networkAcls.defaultAction")),
        new(
            "EI-KV-005", Area, PolicySeverity.Medium,
            "Key Vaults disable public network access or restrict it to listed networks",
            "Public network access is enabled unless properties.publicNetworkAccess is Disabled; when it stays enabled, IP or virtual network rules must name who may reach the vault.",
            ["CKV_AZURE_189"],
            Each<Vault, VaultArgs>(PublicAccessProblem, "properties.publicNetworkAccess")),
        new(
            "EI-KV-006", Area, PolicySeverity.High,
            "Key Vaults send their audit logs to diagnostics",
            "Who read or changed which secret is only recorded in the vault's AuditEvent logs, which Azure keeps nowhere unless a diagnostic setting sends them.",
            ["Azure.KeyVault.Logs", "https://docs.kics.io/latest/queries/terraform-queries/azure/38c71c00-c177-4cd7-8d36-cd1007cdb190"],
            VaultsWithoutAuditLogs),
        new(
            "EI-KV-007", Area, PolicySeverity.Medium,
            "Key Vault secrets state an expiry",
            "A secret without properties.attributes.expires never shows as due for rotation, so a leaked value stays useful indefinitely.",
            ["CKV_AZURE_41", "AZU-0017"],
            Each<Secret, SecretArgs>((graph, secret) =>
                graph.ValueOf(Plain(Plain(secret.Properties)?.Attributes)?.Expires) is { IsUnset: true }
                    ? "properties.attributes.expires is unset: state when the secret expires (Unix seconds) and rotate it before then"
                    : null,
                "properties.attributes.expires")),
        new(
            "EI-KV-008", Area, PolicySeverity.Low,
            "Key Vault secrets state a content type",
            "properties.contentType tells readers and rotation tooling how to interpret a secret (a password, a PEM bundle, JSON) without opening it.",
            ["CKV_AZURE_114"],
            Each<Secret, SecretArgs>((graph, secret) =>
                graph.ValueOf(Plain(secret.Properties)?.ContentType) is var contentType
                && (contentType.IsUnset || (contentType.IsKnown && string.IsNullOrWhiteSpace(contentType.Value)))
                    ? $"properties.contentType is {Show(contentType)}: state the secret's content type, e.g. 'text/plain' or 'application/x-pem-file'"
                    : null,
                "properties.contentType")),
        new(
            "EI-KV-009", Area, PolicySeverity.Medium,
            "Key Vault access policies grant neither All nor Purge",
            "An access policy with All or Purge lets one principal destroy every key, secret or certificate of the vault for good; grant the operations it needs.",
            ["Azure.KeyVault.AccessPolicy"],
            Each<Vault, VaultArgs>(AccessPolicyProblems, "properties.accessPolicies")),
    ];

    /// <summary>The log category and category groups that carry a vault's AuditEvent logs.</summary>
    private static readonly string[] AuditGroups = [DiagnosticCategories.Audit, DiagnosticCategories.AllLogs];

    private static IEnumerable<string> SoftDeleteProblems(StackGraph graph, VaultArgs vault)
    {
        var properties = Plain(vault.Properties);
        var softDelete = graph.ValueOf(properties?.EnableSoftDelete);
        if (softDelete.Is(false))
        {
            yield return "properties.enableSoftDelete is false: leave it unset or set it to true, so deleted secrets can be recovered";
        }

        var days = graph.ValueOf(properties?.SoftDeleteRetentionInDays);
        if (days.IsKnown && days.Value is < 7 or > 90)
        {
            yield return $"properties.softDeleteRetentionInDays is {Show(days)}: Key Vault keeps deleted items 7 to 90 days; set a value in that range";
        }
    }

    private static IEnumerable<string> FirewallProblems(StackGraph graph, VaultArgs vault)
    {
        var properties = Plain(vault.Properties);
        var acls = Plain(properties?.NetworkAcls);
        var defaultAction = graph.ValueOf(acls?.DefaultAction);
        if (!IsText(defaultAction, "Deny"))
        {
            yield return $"properties.networkAcls.defaultAction is {ShowOr(defaultAction, "Allow")}: set it to 'Deny' and list the networks that may reach the vault";
        }

        // PSRule's Azure.KeyVault.Firewall: a vault that serves VMs or templates must let trusted Azure services through.
        var servesAzure = new[] { properties?.EnabledForDeployment, properties?.EnabledForDiskEncryption, properties?.EnabledForTemplateDeployment }
            .Any(flag => graph.ValueOf(flag).Is(true));
        var bypass = graph.ValueOf(acls?.Bypass);
        if (servesAzure && !IsText(bypass, "AzureServices"))
        {
            yield return $"properties.networkAcls.bypass is {Show(bypass)} while the vault serves deployments, disk encryption or templates: set it to 'AzureServices'";
        }
    }

    private static string? PublicAccessProblem(StackGraph graph, VaultArgs vault)
    {
        var properties = Plain(vault.Properties);
        var publicAccess = graph.ValueOf(properties?.PublicNetworkAccess);
        if (IsText(publicAccess, "Disabled"))
        {
            return null;
        }

        // CKV_AZURE_189 passes an enabled vault whose network rules list IP ranges or subnets; a deploy-time list is stated.
        var acls = Plain(properties?.NetworkAcls);
        if (HasItems(acls?.IpRules) is not false || HasItems(acls?.VirtualNetworkRules) is not false)
        {
            return null;
        }

        return $"properties.publicNetworkAccess is {ShowOr(publicAccess, "enabled")} and properties.networkAcls lists no IP or virtual network rule: set publicNetworkAccess to 'Disabled', or list the networks that may reach the vault";
    }

    private static IEnumerable<string> AccessPolicyProblems(StackGraph graph, VaultArgs vault)
    {
        var policies = Items(Plain(vault.Properties)?.AccessPolicies);
        for (var i = 0; i < policies.Count; i++)
        {
            var permissions = Plain(policies[i].Permissions);
            foreach (var (kind, list) in new[] { ("keys", permissions?.Keys), ("secrets", permissions?.Secrets), ("certificates", permissions?.Certificates), ("storage", permissions?.Storage) })
            {
                foreach (var broad in Items(list).Where(p => p.Equals("all", StringComparison.OrdinalIgnoreCase) || p.Equals("purge", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return $"properties.accessPolicies[{i}].permissions.{kind} grants '{broad}': list only the operations the principal needs (and prefer RBAC authorization)";
                }
            }
        }
    }

    /// <summary>
    /// The vaults that no diagnostic setting sends AuditEvent logs for: the settings that send them (an enabled
    /// <c>AuditEvent</c> category, or the <c>audit</c> or <c>allLogs</c> group) are given to <see cref="DiagnosticCoverage.CoveredBy"/>,
    /// which reads which resources their <c>resourceUri</c> names.
    /// </summary>
    private static IEnumerable<PolicyViolation> VaultsWithoutAuditLogs(StackGraph graph)
    {
        var auditing = graph.ResourcesOf<DiagnosticSetting>().Where(setting => SendsAuditEvents(graph, graph.InputsOf<DiagnosticSettingArgs>(setting)));
        var audited = DiagnosticCoverage.CoveredBy(auditing);
        return graph.ResourcesOf<Vault>()
            .Where(vault => !audited.Contains(vault))
            .Select(vault => new PolicyViolation(
                vault,
                "no diagnostic setting sends this vault's AuditEvent logs: add one whose resourceUri is the vault and whose logs enable the category 'AuditEvent' or the group 'audit' or 'allLogs' (an Observability component adds one)"));
    }

    private static bool SendsAuditEvents(StackGraph graph, DiagnosticSettingArgs setting) =>
        Items(setting.Logs).Any(log => graph.ValueOf(log.Enabled).Is(true)
            && (IsText(graph.ValueOf(log.Category), "AuditEvent") || AuditGroups.Any(group => IsText(graph.ValueOf(log.CategoryGroup), group))));
}
