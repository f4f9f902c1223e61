using System.Collections.Immutable;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Azure;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Azure.Backup;

public sealed class BackupProtectionTests
{
    private const string Subject = "component 'backup' (edgeinfra:azure:BackupProtection)";

    private static BackupProtectionArgs Defaults() => new()
    {
        ResourceGroupName = "rg-backup",
        Location = "westeurope",
        VaultName = "rsv-app-dev",
    };

    private static BackupProtectionArgs Full() => new()
    {
        ResourceGroupName = "rg-backup",
        Location = "westeurope",
        VaultName = "rsv-app-prod",
        StorageRedundancy = BackupStorageRedundancy.ZoneRedundant,
        Immutability = BackupImmutability.Locked,
        SoftDeleteRetentionDays = 30,
        PolicyName = "vm-nightly",
        BackupTimeUtc = "23:30",
        InstantRestoreRetentionDays = 5,
        DailyRetentionDays = 35,
        WeeklyRetentionWeeks = 12,
        MonthlyRetentionMonths = 24,
        WeeklyRetentionDay = DayOfWeek.Saturday,
        Tags = new Dictionary<string, Input<string>> { ["environment"] = "prod" },
        Lock = LockSpec.CanNotDelete,
        DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "ws-1" },
        RoleAssignments = [new RoleAssignmentSpec { Name = "operators", Role = BuiltInRole.BackupContributor, PrincipalId = "group-1", PrincipalType = "Group" }],
    };

    private static void BuildWithVm()
    {
        var vm = new VirtualMachine("web", new VirtualMachineArgs { ResourceGroupName = "rg-vms", VmName = "web-1", Location = "westeurope" });
        var backup = new BackupProtection("backup", Full());
        backup.Protect("web", vm.Id, vm.Name);
    }

    private static IReadOnlyList<SynthesisError> ErrorsOf(BackupProtectionArgs args) => Errors(() => new BackupProtection("backup", args));

    [Fact]
    public async Task Defaults_keep_soft_delete_always_on_geo_redundancy_with_cross_region_restore_and_no_public_access()
    {
        static void Build() => _ = new BackupProtection("backup", Defaults());

        SynthConforming(Build);
        var result = await RunAsync(Build);
        var vault = result.Resource("backup-vault");
        Assert.Equal("azure-native:recoveryservices:Vault", vault.Type);
        Assert.Equal("westeurope", vault.Inputs["location"]);
        AssertTree(
            Obj(
                ("monitoringSettings", Obj(
                    ("azureMonitorAlertSettings", Obj(("alertsForAllJobFailures", "Enabled"))),
                    ("classicAlertSettings", Obj(("alertsForCriticalOperations", "Disabled"))))),
                ("publicNetworkAccess", "Disabled"),
                ("redundancySettings", Obj(("crossRegionRestore", "Enabled"), ("standardTierStorageRedundancy", "GeoRedundant"))),
                ("securitySettings", Obj(
                    ("immutabilitySettings", Obj(("state", "Unlocked"))),
                    ("softDeleteSettings", Obj(("enhancedSecurityState", "Enabled"), ("softDeleteRetentionPeriodInDays", 14L), ("softDeleteState", "AlwaysON")))))),
            vault.Inputs["properties"]);
        Assert.Equal("rg-backup", vault.Inputs["resourceGroupName"]);
        AssertTree(Obj(("name", "RS0"), ("tier", "Standard")), vault.Inputs["sku"]);

        var policy = result.Resource("backup-policy");
        Assert.Equal("azure-native:recoveryservices:ProtectionPolicy", policy.Type);
        Assert.Equal("westeurope", policy.Inputs["location"]);
        Assert.Equal("vm-daily", policy.Inputs["policyName"]);
        AssertTree(
            Obj(
                ("backupManagementType", "AzureIaasVM"),
                ("instantRpRetentionRangeInDays", 2L),
                ("policyType", "V2"),
                ("retentionPolicy", Obj(
                    ("dailySchedule", Obj(("retentionDuration", Obj(("count", 30L), ("durationType", "Days"))), ("retentionTimes", new[] { "2000-01-01T02:00:00Z" }))),
                    ("retentionPolicyType", "LongTermRetentionPolicy"))),
                ("schedulePolicy", Obj(
                    ("dailySchedule", Obj(("scheduleRunTimes", new[] { "2000-01-01T02:00:00Z" }))),
                    ("schedulePolicyType", "SimpleSchedulePolicyV2"),
                    ("scheduleRunFrequency", "Daily"))),
                ("timeZone", "UTC")),
            policy.Inputs["properties"]);
        Assert.Equal("rg-backup", policy.Inputs["resourceGroupName"]);
        Assert.Equal(vault.Outputs["name"], policy.Inputs["vaultName"]);
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "weeklySchedule"));
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "monthlySchedule"));
        Assert.DoesNotContain(result.Resources, r => r.Type.Contains("DiagnosticSetting", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Resources, r => r.Options.Protect);
    }

    [Fact]
    public async Task Full_configuration_conforms_with_weekly_and_monthly_retention_a_locked_vault_and_diagnostics()
    {
        SynthConforming(BuildWithVm);
        var result = await RunAsync(BuildWithVm, new VirtualMachineIdMocks());
        var vault = result.Resource("backup-vault");
        var vaultProperties = AsObject(vault.Inputs["properties"]);
        AssertTree(Obj(("crossRegionRestore", "Disabled"), ("standardTierStorageRedundancy", "ZoneRedundant")), vaultProperties["redundancySettings"]);
        AssertTree(
            Obj(
                ("immutabilitySettings", Obj(("state", "Locked"))),
                ("softDeleteSettings", Obj(("enhancedSecurityState", "Enabled"), ("softDeleteRetentionPeriodInDays", 30L), ("softDeleteState", "AlwaysON")))),
            vaultProperties["securitySettings"]);

        var policy = result.Resource("backup-policy");
        var policyProperties = AsObject(policy.Inputs["properties"]);
        Assert.Equal(5L, policyProperties["instantRpRetentionRangeInDays"]);
        Assert.Equal("V2", policyProperties["policyType"]);
        string[] times = ["2000-01-01T23:30:00Z"];
        AssertTree(
            Obj(
                ("dailySchedule", Obj(("retentionDuration", Obj(("count", 35L), ("durationType", "Days"))), ("retentionTimes", times))),
                ("monthlySchedule", Obj(
                    ("retentionDuration", Obj(("count", 24L), ("durationType", "Months"))),
                    ("retentionScheduleFormatType", "Weekly"),
                    ("retentionScheduleWeekly", Obj(("daysOfTheWeek", new[] { "Saturday" }), ("weeksOfTheMonth", new[] { "First" }))),
                    ("retentionTimes", times))),
                ("retentionPolicyType", "LongTermRetentionPolicy"),
                ("weeklySchedule", Obj(
                    ("daysOfTheWeek", new[] { "Saturday" }),
                    ("retentionDuration", Obj(("count", 12L), ("durationType", "Weeks"))),
                    ("retentionTimes", times)))),
            policyProperties["retentionPolicy"]);
        Assert.Equal("vm-nightly", policy.Inputs["policyName"]);

        var diagnostics = result.Resource("backup-vault-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", diagnostics.Type);
        AssertTree(
            Obj(
                ("logAnalyticsDestinationType", "Dedicated"),
                ("logs", new[] { Obj(("categoryGroup", "allLogs"), ("enabled", true)) }),
                ("metrics", new[] { Obj(("category", "Health"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", vault.Id),
                ("workspaceId", "ws-1")),
            diagnostics.Inputs);
        Assert.Equal("azure-native:recoveryservices:ProtectedItem", result.Resource("backup-vm-web").Type);
        Assert.Equal("azure-native:authorization:RoleAssignment", result.Resource("backup-role-operators").Type);
        var tagged = result.Resources.Where(r => r.Inputs.ContainsKey("tags")).ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, r => Assert.Equal("prod", AsObject(r.Inputs["tags"])["environment"]));
        Assert.True(vault.Options.Protect);
    }

    [Fact]
    public async Task A_protected_vm_is_named_after_its_resource_group_and_name_as_azure_requires()
    {
        var result = await RunAsync(BuildWithVm, new VirtualMachineIdMocks());
        var item = result.Resource("backup-vm-web");
        Assert.Equal("iaasvmcontainer;iaasvmcontainerv2;rg-vms;web-1", item.Inputs["containerName"]);
        Assert.Equal("vm;iaasvmcontainerv2;rg-vms;web-1", item.Inputs["protectedItemName"]);
        Assert.Equal("Azure", item.Inputs["fabricName"]);
        Assert.Equal("rg-backup", item.Inputs["resourceGroupName"]);
        Assert.Equal(result.Resource("backup-vault").Outputs["name"], item.Inputs["vaultName"]);
        var properties = (ImmutableDictionary<string, object?>)item.Inputs["properties"]!;
        Assert.Equal(result.Resource("backup-policy").Id, properties["policyId"]);
        Assert.Equal("Microsoft.Compute/virtualMachines", properties["protectedItemType"]);
        Assert.Equal(result.Resource("web").Id, properties["sourceResourceId"]);
        Assert.Equal("/subscriptions/sub-1/resourceGroups/rg-vms/providers/Microsoft.Compute/virtualMachines/web-1", properties["sourceResourceId"]);
    }

    [Fact]
    public async Task An_explicit_vm_resource_group_is_used_as_given()
    {
        BackupProtection? backup = null;
        var result = await RunAsync(() =>
        {
            backup = new BackupProtection("backup", Defaults());
            backup.Protect("db", "/subscriptions/sub-1/resourceGroups/ignored/providers/Microsoft.Compute/virtualMachines/db-1", "db-1", "rg-data");
            backup.Protect("api", "/subscriptions/sub-1/resourceGroups/rg-api/providers/Microsoft.Compute/virtualMachines/api-1", "api-1");
        });
        Assert.Equal("iaasvmcontainer;iaasvmcontainerv2;rg-data;db-1", result.Resource("backup-vm-db").Inputs["containerName"]);
        Assert.Equal("vm;iaasvmcontainerv2;rg-api;api-1", result.Resource("backup-vm-api").Inputs["protectedItemName"]);
        Assert.Equal(["backup-vm-db", "backup-vm-api"], backup!.ProtectedItems.Select(i => i.LogicalName));
        Assert.Equal(result.Resource("backup-vault").Id, result.Evaluate(backup.VaultId));
        Assert.Equal(result.Resource("backup-vault").Outputs["name"], result.Evaluate(backup.VaultName));
        Assert.Equal(result.Resource("backup-policy").Id, result.Evaluate(backup.PolicyId));
    }

    [Fact]
    public async Task Role_assignments_are_granted_on_the_vault()
    {
        var result = await RunAsync(BuildWithVm, new VirtualMachineIdMocks());
        var assignment = result.Resource("backup-role-operators");
        Assert.Equal(result.Resource("backup-vault").Id, assignment.Inputs["scope"]);
        Assert.Equal("Group", assignment.Inputs["principalType"]);
        Assert.Equal("/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/5e467623-bb1f-42f4-a55d-6e525e11384b", assignment.Inputs["roleDefinitionId"]);
    }

    [Fact]
    public async Task Locally_redundant_storage_disables_cross_region_restore()
    {
        static void Build() => _ = new BackupProtection("backup", new BackupProtectionArgs
        {
            ResourceGroupName = "rg",
            Location = "westeurope",
            VaultName = "rsv-app",
            StorageRedundancy = BackupStorageRedundancy.LocallyRedundant,
        });

        SynthConforming(Build);
        var vault = (await RunAsync(Build)).Resource("backup-vault");
        AssertTree(
            Obj(("crossRegionRestore", "Disabled"), ("standardTierStorageRedundancy", "LocallyRedundant")),
            AsObject(vault.Inputs["properties"])["redundancySettings"]);
    }

    [Fact]
    public void Every_invalid_argument_is_reported_at_once()
    {
        var errors = ErrorsOf(new BackupProtectionArgs
        {
            ResourceGroupName = "rg",
            Location = "westeurope",
            VaultName = "1rsv",
            StorageRedundancy = (BackupStorageRedundancy)9,
            Immutability = (BackupImmutability)9,
            SoftDeleteRetentionDays = 13,
            PolicyName = "vm_daily",
            BackupTimeUtc = "02:15",
            InstantRestoreRetentionDays = 6,
            DailyRetentionDays = 6,
            WeeklyRetentionWeeks = 0,
            MonthlyRetentionMonths = 1189,
            WeeklyRetentionDay = (DayOfWeek)9,
            DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "ws", LogCategoryGroups = [], Metrics = false },
        });
        Assert.Equal(
        [
            $"{Subject}, property 'vaultName': '1rsv' is not a valid Recovery Services vault name: 2 to 50 characters, letters, digits and hyphens, starting with a letter",
            $"{Subject}, property 'storageRedundancy': '9' is not a storage redundancy: GeoRedundant, ZoneRedundant or LocallyRedundant",
            $"{Subject}, property 'immutability': '9' is not an immutability state: Unlocked or Locked",
            $"{Subject}, property 'softDeleteRetentionDays': 13 is out of range: Azure Backup keeps soft-deleted data 14 to 180 days",
            $"{Subject}, property 'policyName': 'vm_daily' is not a valid backup policy name: 3 to 150 characters, letters, digits and hyphens, starting with a letter",
            $"{Subject}, property 'backupTimeUtc': '02:15' is not a backup time: HH:mm in UTC, on the hour or half hour (e.g. 02:00 or 23:30)",
            $"{Subject}, property 'instantRestoreRetentionDays': 6 is out of range: a daily policy keeps instant restore snapshots 1 to 5 days",
            $"{Subject}, property 'dailyRetentionDays': 6 is out of range: daily recovery points are kept 7 to 9999 days",
            $"{Subject}, property 'weeklyRetentionWeeks': 0 is out of range: weekly recovery points are kept 1 to 5163 weeks",
            $"{Subject}, property 'monthlyRetentionMonths': 1189 is out of range: monthly recovery points are kept 1 to 1188 months",
            $"{Subject}, property 'weeklyRetentionDay': '9' is not a day of the week",
            $"{Subject}, property 'diagnosticSettings': sends neither logs nor metrics: Azure rejects a diagnostic setting with nothing to send; give a log category group or keep metrics on",
        ], errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("r")]
    [InlineData("rsv_app")]
    [InlineData("-rsv")]
    [InlineData("rsv-0123456789-0123456789-0123456789-0123456789-012")]
    public void Vault_names_break_azure_rules(string vaultName)
    {
        var error = Assert.Single(ErrorsOf(new BackupProtectionArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = vaultName }));
        Assert.Equal($"{Subject}, property 'vaultName': '{vaultName}' is not a valid Recovery Services vault name: 2 to 50 characters, letters, digits and hyphens, starting with a letter", error.ToString());
    }

    [Theory]
    [InlineData("2:00")]
    [InlineData("24:00")]
    [InlineData("12:45")]
    [InlineData("12:00:00")]
    [InlineData("")]
    public void Backup_times_off_the_hour_or_half_hour_are_rejected(string time)
    {
        var error = Assert.Single(ErrorsOf(new BackupProtectionArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "rsv", BackupTimeUtc = time }));
        Assert.Equal("backupTimeUtc", error.Property);
        Assert.Equal($"'{time}' is not a backup time: HH:mm in UTC, on the hour or half hour (e.g. 02:00 or 23:30)", error.Message);
    }

    [Theory]
    [InlineData(0, "instantRestoreRetentionDays", "0 is out of range: a daily policy keeps instant restore snapshots 1 to 5 days")]
    [InlineData(10000, "dailyRetentionDays", "10000 is out of range: daily recovery points are kept 7 to 9999 days")]
    [InlineData(181, "softDeleteRetentionDays", "181 is out of range: Azure Backup keeps soft-deleted data 14 to 180 days")]
    [InlineData(5164, "weeklyRetentionWeeks", "5164 is out of range: weekly recovery points are kept 1 to 5163 weeks")]
    [InlineData(0, "monthlyRetentionMonths", "0 is out of range: monthly recovery points are kept 1 to 1188 months")]
    public void Retention_beyond_azure_limits_is_rejected(int value, string property, string message)
    {
        var args = property switch
        {
            "instantRestoreRetentionDays" => new BackupProtectionArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "rsv", InstantRestoreRetentionDays = value },
            "dailyRetentionDays" => new BackupProtectionArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "rsv", DailyRetentionDays = value },
            "softDeleteRetentionDays" => new BackupProtectionArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "rsv", SoftDeleteRetentionDays = value },
            "weeklyRetentionWeeks" => new BackupProtectionArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "rsv", WeeklyRetentionWeeks = value },
            _ => new BackupProtectionArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "rsv", MonthlyRetentionMonths = value },
        };
        var error = Assert.Single(ErrorsOf(args));
        Assert.Equal(property, error.Property);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Limits_of_every_range_are_accepted()
    {
        Synth(() => new BackupProtection("low", new BackupProtectionArgs
        {
            ResourceGroupName = "rg", Location = "westeurope", VaultName = "rs", PolicyName = "vmd",
            BackupTimeUtc = "00:00", SoftDeleteRetentionDays = 14, InstantRestoreRetentionDays = 1, DailyRetentionDays = 7,
            WeeklyRetentionWeeks = 1, MonthlyRetentionMonths = 1,
        }));
        Synth(() => new BackupProtection("high", new BackupProtectionArgs
        {
            ResourceGroupName = "rg", Location = "westeurope", VaultName = "r" + new string('s', 49), PolicyName = "v" + new string('m', 149),
            BackupTimeUtc = "23:30", SoftDeleteRetentionDays = 180, InstantRestoreRetentionDays = 5, DailyRetentionDays = 9999,
            WeeklyRetentionWeeks = 5163, MonthlyRetentionMonths = 1188,
        }));
    }

    [Fact]
    public void A_protected_item_name_that_cannot_be_a_logical_name_is_rejected_before_anything_is_created()
    {
        BackupProtection? backup = null;
        var error = Assert.Single(Errors(() =>
        {
            backup = new BackupProtection("backup", Defaults());
            backup.Protect("web 1", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1", "web-1");
        }));
        Assert.Equal($"{Subject}, property 'protectedItems.name': 'web 1' cannot name a protected item: {LogicalNames.Rule}", error.ToString());
        Assert.Empty(backup!.ProtectedItems);
    }

    [Fact]
    public void A_protected_item_name_used_twice_is_rejected()
    {
        var error = Assert.Single(Errors(() =>
        {
            var backup = new BackupProtection("backup", Defaults());
            backup.Protect("web", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1", "web-1");
            backup.Protect("web", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-2", "web-2");
        }));
        Assert.Equal($"{Subject}, property 'protectedItems.name': 'web' already names a protected item of this vault: names are unique", error.ToString());
    }
}
