using System.Collections.Immutable;
using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.Components.Azure;
using EdgeInfra.Testing;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Azure.Secrets;

public sealed class SecretsVaultTests
{
    private static readonly DateTimeOffset Expiry = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SecretsVaultArgs Defaults() => new()
    {
        ResourceGroupName = "rg-app",
        Location = "westeurope",
        VaultName = "kv-app-dev",
    };

    private static SecretsVaultArgs Full() => new()
    {
        ResourceGroupName = "rg-app",
        Location = "westeurope",
        VaultName = "kv-app-prod",
        Sku = SkuName.Premium,
        SoftDeleteRetentionDays = 30,
        AllowedSubnets = ["/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"],
        Tags = new Dictionary<string, Input<string>> { ["environment"] = "prod" },
        Lock = LockSpec.CanNotDelete,
        DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "/subscriptions/s/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/logs", LogCategoryGroups = ["audit"] },
        RoleAssignments = [new RoleAssignmentSpec { Name = "admins", Role = BuiltInRole.KeyVaultAdministrator, PrincipalId = "group-1", PrincipalType = "Group" }],
    };

    private static void BuildFull()
    {
        var vault = new SecretsVault("kv", Full());
        vault.AddGeneratedSecret("origin-token", new GeneratedSecretSpec
        {
            Length = 48,
            Special = false,
            ExpiresOn = Expiry,
            IssuedOn = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
            ContentType = "application/x-token",
            Keepers = new Dictionary<string, Input<string>> { ["rotation"] = "2025-q3" },
        });
        vault.GrantSecretsUser("web-reads", "identity-1");
        vault.GrantSecretsOfficer("ops-writes", "identity-2");
    }

    [Fact]
    public async Task Defaults_are_rbac_purge_protection_90_day_soft_delete_and_no_public_access()
    {
        static void Build() => _ = new SecretsVault("kv", Defaults());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var vault = result.Resource("kv-vault");
        Assert.Equal("azure-native:keyvault:Vault", vault.Type);
        Assert.Equal("westeurope", vault.Inputs["location"]);
        AssertTree(
            Obj(
                ("enablePurgeProtection", true),
                ("enableRbacAuthorization", true),
                ("enableSoftDelete", true),
                ("enabledForDeployment", false),
                ("enabledForDiskEncryption", false),
                ("enabledForTemplateDeployment", false),
                ("networkAcls", Obj(("bypass", "AzureServices"), ("defaultAction", "Deny"))),
                ("publicNetworkAccess", "Disabled"),
                ("sku", Obj(("family", "A"), ("name", "standard"))),
                ("softDeleteRetentionInDays", 90L),
                ("tenantId", "tenant-1")),
            vault.Inputs["properties"]);
        Assert.Equal("kv-app-dev", vault.Inputs["vaultName"]);
        AssertTree(Obj(("managedBy", "edge-infra")), vault.Inputs["tags"]);
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "accessPolicies"));
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "virtualNetworkRules"));
        Assert.DoesNotContain(result.Resources, r => r.Type.Contains("DiagnosticSetting", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Resources, r => r.Options.Protect);
    }

    [Fact]
    public async Task Full_configuration_conforms_and_opens_public_access_only_for_the_allowed_subnets()
    {
        SynthConforming(BuildFull);
        var result = await RunAsync(BuildFull);
        var vault = result.Resource("kv-vault");
        var properties = AsObject(vault.Inputs["properties"]);
        AssertTree(
            Obj(
                ("bypass", "AzureServices"),
                ("defaultAction", "Deny"),
                ("virtualNetworkRules", new[] { Obj(("id", "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app")) })),
            properties["networkAcls"]);
        Assert.Equal("Enabled", properties["publicNetworkAccess"]);
        AssertTree(Obj(("family", "A"), ("name", "premium")), properties["sku"]);
        Assert.Equal(30L, properties["softDeleteRetentionInDays"]);

        var diagnostics = result.Resource("kv-vault-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", diagnostics.Type);
        AssertTree(
            Obj(
                ("logs", new[] { Obj(("categoryGroup", "audit"), ("enabled", true)) }),
                ("metrics", new[] { Obj(("category", "AllMetrics"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", vault.Id),
                ("workspaceId", "/subscriptions/s/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/logs")),
            diagnostics.Inputs);

        var password = result.Resource("kv-secret-origin-token-value");
        var secret = result.Resource("kv-secret-origin-token");
        Assert.Equal("azure-native:keyvault:Secret", secret.Type);
        Assert.Equal(["properties", "resourceGroupName", "secretName", "tags", "vaultName"], PropertyNames(secret.Inputs));
        AssertTree(
            Obj(
                ("attributes", Obj(("enabled", true), ("expires", 1893456000L))),
                ("contentType", "application/x-token"),
                ("value", new SecretValue(Unmarked(password.Outputs["result"])))),
            secret.Inputs["properties"]);
        Assert.Equal("rg-app", secret.Inputs["resourceGroupName"]);
        Assert.Equal("origin-token", secret.Inputs["secretName"]);
        Assert.Equal(vault.Outputs["name"], secret.Inputs["vaultName"]);

        Assert.Equal("random:index/randomPassword:RandomPassword", password.Type);
        AssertTree(
            Obj(
                ("keepers", Obj(("rotation", "2025-q3"))),
                ("length", 48L),
                ("minLower", 2L),
                ("minNumeric", 2L),
                ("minSpecial", 0L),
                ("minUpper", 2L),
                ("special", false)),
            password.Inputs);

        Assert.Equal("azure-native:authorization:RoleAssignment", result.Resource("kv-role-admins").Type);
        Assert.Equal("azure-native:authorization:RoleAssignment", result.Resource("kv-role-web-reads").Type);
        Assert.Equal("azure-native:authorization:RoleAssignment", result.Resource("kv-role-ops-writes").Type);
        var tagged = result.Resources.Where(r => r.Inputs.ContainsKey("tags")).ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, r => Assert.Equal("prod", AsObject(r.Inputs["tags"])["environment"]));
        Assert.True(vault.Options.Protect);
    }

    [Fact]
    public async Task A_generated_secret_never_states_its_value_and_exposes_its_versionless_uri()
    {
        GeneratedSecret? secret = null;
        void Build()
        {
            var vault = new SecretsVault("kv", Defaults());
            secret = vault.AddGeneratedSecret("db-password", new GeneratedSecretSpec { ExpiresOn = Expiry });
        }

        SynthConforming(Build);
        Assert.Equal("db-password", secret!.Name);
        Assert.Equal("reference to kv-secret-db-password.properties.secretUri", secret.SecretUri.Expression.Describe());
        Assert.Equal("kv-secret-db-password-value", secret.Password.LogicalName);

        var result = await RunAsync(Build);
        var password = result.Resource("kv-secret-db-password-value");
        Assert.Equal(32L, password.Inputs["length"]);
        Assert.Equal(2L, password.Inputs["minSpecial"]);
        Assert.False(password.Inputs.ContainsKey("keepers"));
        var properties = (ImmutableDictionary<string, object?>)result.Resource("kv-secret-db-password").Inputs["properties"]!;
        Assert.Equal("text/plain", properties["contentType"]);
    }

    [Fact]
    public async Task Diagnostic_settings_default_to_all_logs_which_include_audit_events()
    {
        static void Build() => _ = new SecretsVault("kv", new SecretsVaultArgs
        {
            ResourceGroupName = "rg-app",
            Location = "westeurope",
            VaultName = "kv-app-dev",
            DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "ws-1", Metrics = false },
        });

        SynthConforming(Build);
        var diagnostics = (await RunAsync(Build)).Resource("kv-vault-diag");
        var log = Assert.Single(((ImmutableArray<object?>)diagnostics.Inputs["logs"]!).Cast<ImmutableDictionary<string, object?>>());
        Assert.Equal("allLogs", log["categoryGroup"]);
        Assert.Equal(true, log["enabled"]);
        Assert.False(diagnostics.Inputs.ContainsKey("metrics"));
    }

    [Fact]
    public void Every_invalid_vault_argument_is_reported_at_once()
    {
        var errors = Errors(() => new SecretsVault("kv", new SecretsVaultArgs
        {
            ResourceGroupName = "rg-app",
            Location = "westeurope",
            VaultName = "1kv",
            Sku = "basic",
            SoftDeleteRetentionDays = 6,
            AllowedSubnets = [null!],
            DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "ws", LogCategoryGroups = ["metrics-only"] },
        }));
        Assert.Equal(
        [
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'vaultName': '1kv' is not a valid Key Vault name: 3 to 24 characters, letters, digits and hyphens, starting with a letter, ending with a letter or digit, no consecutive hyphens (global uniqueness is checked by Azure at deployment)",
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'sku': 'basic' is not a Key Vault SKU: standard or premium",
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'softDeleteRetentionDays': 6 is out of range: Key Vault keeps deleted secrets 7 to 90 days",
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'allowedSubnets[0]': is null: give a subnet (OriginNetwork.Subnet(name)) or a subnet's resource id",
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'diagnosticSettings.logCategoryGroups[0]': 'metrics-only' is not a log category group: use allLogs or audit",
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'diagnosticSettings.logCategoryGroups': ['metrics-only'] keeps no log category group of Microsoft.KeyVault/vaults, which has 'allLogs', 'audit': a Key Vault must send its AuditEvent logs",
        ], errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("kv")]
    [InlineData("kv-app-dev-0123456789abcd")]
    [InlineData("-kv-app")]
    [InlineData("kv-app-")]
    [InlineData("kv--app")]
    [InlineData("kv_app")]
    public void Vault_names_break_azure_rules(string vaultName)
    {
        var error = Assert.Single(Errors(() => new SecretsVault("kv", new SecretsVaultArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = vaultName })));
        Assert.Equal("vaultName", error.Property);
        Assert.Equal($"'{vaultName}' is not a valid Key Vault name: 3 to 24 characters, letters, digits and hyphens, starting with a letter, ending with a letter or digit, no consecutive hyphens (global uniqueness is checked by Azure at deployment)", error.Message);
    }

    [Theory]
    [InlineData("kv1")]
    [InlineData("kv-app-dev-0123456789ab")]
    [InlineData("Kv-1-a")]
    public void Vault_names_within_azure_rules_are_accepted(string vaultName) =>
        Synth(() => new SecretsVault("kv", new SecretsVaultArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = vaultName }));

    [Theory]
    [InlineData(7)]
    [InlineData(90)]
    public void Soft_delete_retention_bounds_are_accepted(int days) =>
        Synth(() => new SecretsVault("kv", new SecretsVaultArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "kv-app", SoftDeleteRetentionDays = days }));

    [Fact]
    public void Soft_delete_retention_above_90_days_is_rejected()
    {
        var error = Assert.Single(Errors(() => new SecretsVault("kv", new SecretsVaultArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "kv-app", SoftDeleteRetentionDays = 91 })));
        Assert.Equal("91 is out of range: Key Vault keeps deleted secrets 7 to 90 days", error.Message);
    }

    [Fact]
    public void Every_invalid_secret_argument_is_reported_at_once_and_nothing_is_created()
    {
        SecretsVault? vault = null;
        var errors = Errors(() =>
        {
            vault = new SecretsVault("kv", Defaults());
            vault.AddGeneratedSecret("db-password", new GeneratedSecretSpec
            {
                Length = 15,
                ExpiresOn = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
                IssuedOn = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
                ContentType = " ",
            });
        });
        Assert.Equal(
        [
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'secrets[db-password].length': 15 is out of range: a generated secret has 16 to 128 characters",
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'secrets[db-password].expiresOn': '2025-01-01T00:00:00Z' is not after issuedOn '2025-06-01T00:00:00Z': a secret must expire in the future",
            "component 'kv' (edgeinfra:azure:SecretsVault), property 'secrets[db-password].contentType': ' ' is not a valid content type: 1 to 255 characters",
        ], errors.Select(e => e.ToString()));
        Assert.Empty(vault!.GeneratedSecrets);
    }

    [Theory]
    [InlineData(129, "129 is out of range: a generated secret has 16 to 128 characters")]
    [InlineData(0, "0 is out of range: a generated secret has 16 to 128 characters")]
    public void Secret_lengths_outside_16_to_128_are_rejected(int length, string message)
    {
        var error = Assert.Single(Errors(() => new SecretsVault("kv", Defaults()).AddGeneratedSecret("s", new GeneratedSecretSpec { Length = length, ExpiresOn = Expiry })));
        Assert.Equal("secrets[s].length", error.Property);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("1960-05-01T00:00:00Z")]
    [InlineData("2038-01-19T03:14:08Z")]
    public void Expiries_outside_the_32_bit_unix_range_are_rejected(string expiresOn)
    {
        var error = Assert.Single(Errors(() => new SecretsVault("kv", Defaults()).AddGeneratedSecret("s", new GeneratedSecretSpec { ExpiresOn = DateTimeOffset.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture) })));
        Assert.Equal("secrets[s].expiresOn", error.Property);
        Assert.Equal($"'{expiresOn}' is out of range: the expiry is stated in Unix seconds as a 32-bit integer, after 1970-01-01T00:00:00Z and no later than 2038-01-19T03:14:07Z", error.Message);
    }

    [Fact]
    public void An_expiry_equal_to_the_issue_date_is_rejected()
    {
        var error = Assert.Single(Errors(() => new SecretsVault("kv", Defaults()).AddGeneratedSecret("s", new GeneratedSecretSpec { ExpiresOn = Expiry, IssuedOn = Expiry })));
        Assert.Equal("'2030-01-01T00:00:00Z' is not after issuedOn '2030-01-01T00:00:00Z': a secret must expire in the future", error.Message);
    }

    [Theory]
    [InlineData("1abc", "'1abc' is not a valid secret name: 1 to 127 characters, letters, digits and hyphens, starting with a letter")]
    [InlineData("db_password", "'db_password' is not a valid secret name: 1 to 127 characters, letters, digits and hyphens, starting with a letter")]
    [InlineData("", "'' is not a valid secret name: 1 to 127 characters, letters, digits and hyphens, starting with a letter")]
    public void Secret_names_break_azure_rules(string name, string message)
    {
        var error = Assert.Single(Errors(() => new SecretsVault("kv", Defaults()).AddGeneratedSecret(name, new GeneratedSecretSpec { ExpiresOn = Expiry })));
        Assert.Equal("secrets.name", error.Property);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_secret_name_used_twice_ignoring_case_is_rejected()
    {
        var error = Assert.Single(Errors(() =>
        {
            var vault = new SecretsVault("kv", Defaults());
            vault.AddGeneratedSecret("db", new GeneratedSecretSpec { ExpiresOn = Expiry });
            vault.AddGeneratedSecret("DB", new GeneratedSecretSpec { ExpiresOn = Expiry });
        }));
        Assert.Equal("component 'kv' (edgeinfra:azure:SecretsVault), property 'secrets.name': 'DB' is already a secret of this vault: secret names are unique, ignoring case", error.ToString());
    }

    [Fact]
    public void A_grant_name_that_cannot_be_a_logical_name_is_rejected()
    {
        var error = Assert.Single(Errors(() => new SecretsVault("kv", Defaults()).GrantSecretsUser("web reads", "identity-1")));
        Assert.Equal("component 'kv' (edgeinfra:azure:SecretsVault), property 'grants.name': 'web reads' cannot name a role assignment: " + LogicalNames.Rule, error.ToString());
    }

    [Fact]
    public async Task The_vault_tenant_comes_from_the_deploying_identity_and_the_secret_goes_in_the_vault()
    {
        var result = await RunAsync(BuildFull);
        var vault = result.Resource("kv-vault");
        var properties = (ImmutableDictionary<string, object?>)vault.Inputs["properties"]!;
        Assert.Equal("tenant-1", properties["tenantId"]);

        var secret = result.Resource("kv-secret-origin-token");
        Assert.Equal(vault.Outputs["name"], secret.Inputs["vaultName"]);
        Assert.Equal("rg-app", secret.Inputs["resourceGroupName"]);
        var secretProperties = (ImmutableDictionary<string, object?>)secret.Inputs["properties"]!;
        var value = Assert.IsType<SecretValue>(secretProperties["value"]);
        Assert.Equal("kv-secret-origin-token-value-result", value.Value);

        var diagnostics = result.Resource("kv-vault-diag");
        Assert.Equal(vault.Id, diagnostics.Inputs["resourceUri"]);
    }

    [Fact]
    public async Task Grants_give_the_key_vault_roles_to_service_principals_on_the_vault()
    {
        var result = await RunAsync(BuildFull);
        var vaultId = result.Resource("kv-vault").Id;

        var reads = result.Resource("kv-role-web-reads");
        Assert.Equal(vaultId, reads.Inputs["scope"]);
        Assert.Equal("identity-1", reads.Inputs["principalId"]);
        Assert.Equal("ServicePrincipal", reads.Inputs["principalType"]);
        Assert.Equal("/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6", reads.Inputs["roleDefinitionId"]);

        var writes = result.Resource("kv-role-ops-writes");
        Assert.Equal("/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7", writes.Inputs["roleDefinitionId"]);

        var admins = result.Resource("kv-role-admins");
        Assert.Equal("Group", admins.Inputs["principalType"]);
        Assert.Equal(vaultId, admins.Inputs["scope"]);
    }

    [Fact]
    public async Task Outputs_resolve_to_the_vault()
    {
        SecretsVault? component = null;
        GeneratedSecret? secret = null;
        var result = await RunAsync(() =>
        {
            component = new SecretsVault("kv", Defaults());
            secret = component.AddGeneratedSecret("db", new GeneratedSecretSpec { ExpiresOn = Expiry });
        });
        Assert.Equal(result.Resource("kv-vault").Id, result.Evaluate(component!.VaultId));
        Assert.Equal(result.Resource("kv-vault").Outputs["name"], result.Evaluate(component.VaultName));
        Assert.Equal(SecretsVault.TypeToken, component.GetResourceType());
        Assert.Same(secret, Assert.Single(component.GeneratedSecrets));
    }
}
