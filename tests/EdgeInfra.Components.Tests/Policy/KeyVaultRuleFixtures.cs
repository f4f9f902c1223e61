using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.AzureNative.KeyVault.Inputs;
using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.AzureNative.Monitor.Inputs;
using EdgeInfra.Random;
using static EdgeInfra.Components.Tests.Policy.DataRuleFixtureResources;
using KeyVaultSku = EdgeInfra.AzureNative.KeyVault.Inputs.SkuArgs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>KeyVaultRules</c>: a vault that passes every rule, and one deviation per failing fixture.</summary>
internal static class KeyVaultRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-KV-001", "a vault with RBAC authorization", true, () => Vault(Secure())),
        new("EI-KV-001", "a vault with access-policy authorization", false, () => Vault(Secure(p => p.EnableRbacAuthorization = false))),
        new("EI-KV-001", "a vault that leaves RBAC authorization unset", false, () => Vault(Secure(p => p.EnableRbacAuthorization = null))),

        new("EI-KV-002", "a vault with purge protection", true, () => Vault(Secure())),
        new("EI-KV-002", "a vault that leaves purge protection unset", false, () => Vault(Secure(p => p.EnablePurgeProtection = null))),

        new("EI-KV-003", "a vault that keeps soft delete 90 days", true, () => Vault(Secure())),
        new("EI-KV-003", "a vault that leaves soft delete to Azure's default", true, () => Vault(Secure(p => { p.EnableSoftDelete = null; p.SoftDeleteRetentionInDays = null; }))),
        new("EI-KV-003", "a vault with soft delete off", false, () => Vault(Secure(p => p.EnableSoftDelete = false))),
        new("EI-KV-003", "a vault that keeps deleted secrets 3 days", false, () => Vault(Secure(p => p.SoftDeleteRetentionInDays = 3))),

        new("EI-KV-004", "a vault whose firewall denies by default", true, () => Vault(Secure())),
        new("EI-KV-004", "a vault without network rules", false, () => Vault(Secure(p => p.NetworkAcls = null))),
        new("EI-KV-004", "a vault whose firewall allows by default", false, () => Vault(Secure(p => p.NetworkAcls = new NetworkRuleSetArgs { DefaultAction = "Allow", Bypass = "AzureServices" }))),
        new("EI-KV-004", "a vault that serves deployments without the Azure services bypass", false, () => Vault(Secure(p =>
        {
            p.EnabledForDeployment = true;
            p.NetworkAcls = new NetworkRuleSetArgs { DefaultAction = "Deny", Bypass = "None" };
        }))),

        new("EI-KV-005", "a vault with public network access disabled", true, () => Vault(Secure())),
        new("EI-KV-005", "a vault open to the public network through listed IP ranges only", true, () => Vault(Secure(p =>
        {
            p.PublicNetworkAccess = "Enabled";
            p.NetworkAcls = new NetworkRuleSetArgs { DefaultAction = "Deny", Bypass = "AzureServices", IpRules = [new IPRuleArgs { Value = "203.0.113.0/24" }] };
        }))),
        new("EI-KV-005", "a vault that leaves public network access unset and lists no network", false, () => Vault(Secure(p => p.PublicNetworkAccess = null))),

        new("EI-KV-006", "a vault whose audit logs go to the workspace", true, () => AuditedVault(new DiagnosticsLogSettingsArgs { CategoryGroup = "audit", Enabled = true })),
        new("EI-KV-006", "a vault whose AuditEvent category goes to the workspace", true, () => AuditedVault(new DiagnosticsLogSettingsArgs { Category = "AuditEvent", Enabled = true })),
        new("EI-KV-006", "a vault without a diagnostic setting", false, () => Vault(Secure())),
        new("EI-KV-006", "a vault whose diagnostic setting sends only policy evaluations", false, () => AuditedVault(new DiagnosticsLogSettingsArgs { Category = "AzurePolicyEvaluationDetails", Enabled = true })),
        new("EI-KV-006", "a vault whose audit log setting is disabled", false, () => AuditedVault(new DiagnosticsLogSettingsArgs { CategoryGroup = "allLogs", Enabled = false })),

        new("EI-KV-007", "a secret that expires", true, () => Secret(expires: 1893456000)),
        new("EI-KV-007", "a secret whose expiry is computed at deployment", true, () =>
        {
            var expiry = new RandomInteger("expiry", new RandomIntegerArgs { Min = 1893456000, Max = 1924992000 });
            Secret(expires: expiry.Result);
        }),
        new("EI-KV-007", "a secret without an expiry", false, () => Secret()),

        new("EI-KV-008", "a secret with a content type", true, () => Secret(contentType: "text/plain")),
        new("EI-KV-008", "a secret without a content type", false, () => Secret(contentType: null)),
        new("EI-KV-008", "a secret with a blank content type", false, () => Secret(contentType: " ")),

        new("EI-KV-009", "a vault whose access policy lists operations", true, () => Vault(Secure(p => p.AccessPolicies = [Policy(secrets: ["get", "list"])]))),
        new("EI-KV-009", "a vault whose access policy grants all key operations", false, () => Vault(Secure(p => p.AccessPolicies = [Policy(keys: ["all"])]))),
        new("EI-KV-009", "a vault whose access policy grants secret purge", false, () => Vault(Secure(p => p.AccessPolicies = [Policy(secrets: ["get", "Purge"])]))),
    ];

    /// <summary>Vault properties that pass every Key Vault rule, with <paramref name="change"/> applied.</summary>
    private static VaultPropertiesArgs Secure(Action<VaultPropertiesArgs>? change = null)
    {
        var properties = new VaultPropertiesArgs
        {
            TenantId = TenantId,
            Sku = new KeyVaultSku { Family = "A", Name = SkuName.Standard },
            EnableRbacAuthorization = true,
            EnablePurgeProtection = true,
            EnableSoftDelete = true,
            SoftDeleteRetentionInDays = 90,
            PublicNetworkAccess = "Disabled",
            NetworkAcls = new NetworkRuleSetArgs { DefaultAction = "Deny", Bypass = "AzureServices" },
        };
        change?.Invoke(properties);
        return properties;
    }

    private static Vault Vault(VaultPropertiesArgs properties) =>
        new("vault", new VaultArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = Location,
            VaultName = "kv-fixture",
            Properties = properties,
        });

    /// <summary>A secure vault and a diagnostic setting for it that sends <paramref name="log"/> to the workspace.</summary>
    private static void AuditedVault(DiagnosticsLogSettingsArgs log)
    {
        var vault = Vault(Secure());
        _ = new DiagnosticSetting("vault-diag", new DiagnosticSettingArgs
        {
            Name = "fixture-diagnostics",
            ResourceUri = vault.Id,
            WorkspaceId = WorkspaceId,
            Logs = [log],
        });
    }

    private static void Secret(Input<int>? expires = null, string? contentType = "text/plain") =>
        _ = new Secret("secret", new SecretArgs
        {
            ResourceGroupName = ResourceGroupName,
            VaultName = "kv-fixture",
            SecretName = "fixture",
            Properties = new SecretPropertiesArgs
            {
                Value = Output.CreateSecret<string>("fixture-value"),
                ContentType = contentType is null ? null : (Input<string>)contentType,
                Attributes = new SecretAttributesArgs { Enabled = true, Expires = expires },
            },
        });

    private static AccessPolicyEntryArgs Policy(string[]? keys = null, string[]? secrets = null) => new()
    {
        TenantId = TenantId,
        ObjectId = "00000000-0000-0000-0000-000000000003",
        Permissions = new PermissionsArgs { Keys = keys is null ? null : (InputList<string>)keys, Secrets = secrets is null ? null : (InputList<string>)secrets },
    };
}
