using EdgeInfra.AzureNative.RecoveryServices;
using EdgeInfra.AzureNative.RecoveryServices.Inputs;
using static EdgeInfra.Components.Tests.Policy.DataRuleFixtureResources;
using RecoveryVault = EdgeInfra.AzureNative.RecoveryServices.Vault;
using RecoveryVaultArgs = EdgeInfra.AzureNative.RecoveryServices.VaultArgs;
using RecoveryVaultSku = EdgeInfra.AzureNative.RecoveryServices.Inputs.SkuArgs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>BackupRules</c>: a vault that passes every rule, and one deviation per failing fixture.</summary>
internal static class BackupRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-BKP-001", "a vault with soft delete always on", true, () => Vault(Secure())),
        new("EI-BKP-001", "a vault that leaves soft delete to Azure's default", true, () => Vault(Secure(p => p.SecuritySettings = new SecuritySettingsArgs { ImmutabilitySettings = new ImmutabilitySettingsArgs { State = "Unlocked" } }))),
        new("EI-BKP-001", "a vault with soft delete disabled", false, () => Vault(Secure(p => p.SecuritySettings = Security(softDelete: "Disabled")))),

        new("EI-BKP-002", "a vault with unlocked immutability", true, () => Vault(Secure())),
        new("EI-BKP-002", "a vault with locked immutability", true, () => Vault(Secure(p => p.SecuritySettings = Security(immutability: "Locked")))),
        new("EI-BKP-002", "a vault with immutability disabled", false, () => Vault(Secure(p => p.SecuritySettings = Security(immutability: "Disabled")))),
        new("EI-BKP-002", "a vault that leaves immutability unset", false, () => Vault(Secure(p => p.SecuritySettings = Security(immutability: null)))),

        new("EI-BKP-003", "a geo-redundant vault", true, () => Vault(Secure())),
        new("EI-BKP-003", "a locally redundant vault", false, () => Vault(Secure(p => p.RedundancySettings = Redundancy("LocallyRedundant", "Disabled")))),

        new("EI-BKP-004", "a geo-redundant vault with cross-region restore", true, () => Vault(Secure())),
        new("EI-BKP-004", "a zone-redundant vault, where cross-region restore does not apply", true, () => Vault(Secure(p => p.RedundancySettings = Redundancy("ZoneRedundant", "Disabled")))),
        new("EI-BKP-004", "a geo-redundant vault without cross-region restore", false, () => Vault(Secure(p => p.RedundancySettings = Redundancy("GeoRedundant", null)))),
        new("EI-BKP-004", "a vault that leaves redundancy and cross-region restore to Azure's defaults", false, () => Vault(Secure(p => p.RedundancySettings = null))),

        new("EI-BKP-005", "a VM with a protected item", true, () =>
        {
            var vm = Vm();
            var (vault, policy) = VaultAndPolicy();
            Protect(vault, policy, vm.Id);
        }),
        new("EI-BKP-005", "a VM that no protected item names", false, () => Vm()),
        new("EI-BKP-005", "a VM beside a protected item for another VM", false, () =>
        {
            var vm = Vm("vm");
            var other = Vm("other");
            var (vault, policy) = VaultAndPolicy();
            Protect(vault, policy, other.Id);
            _ = vm;
        }),

        new("EI-BKP-006", "a policy that keeps daily points 30 days", true, () => VaultAndPolicy(Daily(30, RetentionDurationType.Days))),
        new("EI-BKP-006", "a policy that keeps daily points 3 days", false, () => VaultAndPolicy(Daily(3, RetentionDurationType.Days))),
        new("EI-BKP-006", "a policy without a daily retention", false, () => VaultAndPolicy(new LongTermRetentionPolicyArgs
        {
            WeeklySchedule = new WeeklyRetentionScheduleArgs
            {
                DaysOfTheWeek = new[] { AzureNative.RecoveryServices.DayOfWeek.Sunday },
                RetentionTimes = new[] { BackupTime },
                RetentionDuration = new RetentionDurationArgs { Count = 12, DurationType = RetentionDurationType.Weeks },
            },
        })),
    ];

    private const string BackupTime = "2000-01-01T02:00:00Z";

    /// <summary>Vault properties that pass every Backup rule, with <paramref name="change"/> applied.</summary>
    private static VaultPropertiesArgs Secure(Action<VaultPropertiesArgs>? change = null)
    {
        var properties = new VaultPropertiesArgs
        {
            PublicNetworkAccess = "Disabled",
            RedundancySettings = Redundancy("GeoRedundant", "Enabled"),
            SecuritySettings = Security(),
        };
        change?.Invoke(properties);
        return properties;
    }

    private static SecuritySettingsArgs Security(string softDelete = "AlwaysON", string? immutability = "Unlocked") => new()
    {
        SoftDeleteSettings = new SoftDeleteSettingsArgs { SoftDeleteState = softDelete, SoftDeleteRetentionPeriodInDays = 14 },
        ImmutabilitySettings = immutability is null ? null : (Input<ImmutabilitySettingsArgs>)new ImmutabilitySettingsArgs { State = immutability },
    };

    private static VaultPropertiesRedundancySettingsArgs Redundancy(string storage, string? crossRegionRestore) => new()
    {
        StandardTierStorageRedundancy = storage,
        CrossRegionRestore = crossRegionRestore is null ? null : (Input<string>)crossRegionRestore,
    };

    private static RecoveryVault Vault(VaultPropertiesArgs properties) =>
        new("vault", new RecoveryVaultArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = Location,
            VaultName = "rsv-fixture",
            Sku = new RecoveryVaultSku { Name = "RS0", Tier = "Standard" },
            Properties = properties,
        });

    private static LongTermRetentionPolicyArgs Daily(int count, Input<string> durationType) => new()
    {
        DailySchedule = new DailyRetentionScheduleArgs
        {
            RetentionTimes = new[] { BackupTime },
            RetentionDuration = new RetentionDurationArgs { Count = count, DurationType = durationType },
        },
    };

    /// <summary>A secure vault and a daily VM backup policy that keeps what <paramref name="retention"/> says (30 days by default).</summary>
    private static (RecoveryVault Vault, ProtectionPolicy Policy) VaultAndPolicy(LongTermRetentionPolicyArgs? retention = null)
    {
        var vault = Vault(Secure());
        var policy = new ProtectionPolicy("policy", new ProtectionPolicyArgs
        {
            ResourceGroupName = ResourceGroupName,
            VaultName = vault.Name,
            PolicyName = "vm-daily",
            Properties = new AzureIaaSVMProtectionPolicyArgs
            {
                PolicyType = IAASVMPolicyType.V2,
                TimeZone = "UTC",
                InstantRpRetentionRangeInDays = 2,
                SchedulePolicy = new SimpleSchedulePolicyV2Args
                {
                    ScheduleRunFrequency = ScheduleRunType.Daily,
                    DailySchedule = new DailyScheduleArgs { ScheduleRunTimes = new[] { BackupTime } },
                },
                RetentionPolicy = retention ?? Daily(30, RetentionDurationType.Days),
            },
        });
        return (vault, policy);
    }

    private static void Protect(RecoveryVault vault, ProtectionPolicy policy, Input<string> vmId) =>
        _ = new ProtectedItem("protected-vm", new ProtectedItemArgs
        {
            ResourceGroupName = ResourceGroupName,
            VaultName = vault.Name,
            FabricName = "Azure",
            ContainerName = $"iaasvmcontainer;iaasvmcontainerv2;{ResourceGroupName};vm-fixture",
            ProtectedItemName = $"vm;iaasvmcontainerv2;{ResourceGroupName};vm-fixture",
            Properties = new AzureIaaSComputeVMProtectedItemArgs { PolicyId = policy.Id, SourceResourceId = vmId },
        });
}
