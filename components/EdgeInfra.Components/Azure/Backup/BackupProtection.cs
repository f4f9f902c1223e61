using System.Globalization;
using EdgeInfra.AzureNative.RecoveryServices;
using EdgeInfra.AzureNative.RecoveryServices.Inputs;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Azure;

/// <summary>
/// Azure Backup for VMs, secure by default: a Recovery Services vault with soft delete always on (irreversibly),
/// immutability, geo-redundant storage with cross-region restore and no public network access; one daily VM
/// backup policy (Enhanced, V2) with explicit retention in UTC; and <see cref="Protect"/> to back up each VM.
/// Children: <c>vault</c>, <c>vault-lock</c> (with a <see cref="LockKind.CanNotDelete"/> lock: the Azure lock on the
/// vault, which its policy and protected items inherit; the restore points' own resource group is never locked, see
/// <see cref="ManagementLocks"/>), <c>policy</c>, <c>vault-diag</c> (when diagnostic settings are given; logs in resource-specific tables and the vault's <c>Health</c> metrics, see <see cref="Monitoring.DiagnosticCategories"/>),
/// <c>role-{name}</c> per role assignment and <c>vm-{name}</c> per protected VM.
/// </summary>
public sealed partial class BackupProtection : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:azure:BackupProtection";

    /// <summary>The date part of the schedule and retention times; Azure reads only their time of day.</summary>
    private const string ScheduleDate = "2000-01-01";

    private readonly BackupProtectionArgs _args;
    private readonly Vault _vault;
    private readonly ProtectionPolicy _policy;
    private readonly List<ProtectedItem> _protectedItems = [];

    /// <summary>Creates the vault and its VM backup policy, named <paramref name="name"/> (a logical name; the Azure name is <see cref="BackupProtectionArgs.VaultName"/>).</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/> are invalid; every problem is listed.</exception>
    public BackupProtection(string name, BackupProtectionArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        Validate(name, args);
        _args = args;

        var geoRedundant = args.StorageRedundancy == BackupStorageRedundancy.GeoRedundant;
        _vault = new Vault("vault", new VaultArgs
        {
            VaultName = args.VaultName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = args.TagsWithDefaults(),
            Sku = new SkuArgs { Name = SkuName.RS0, Tier = "Standard" },
            Identity = VaultIdentity(args.ManagedIdentities),
            Properties = new VaultPropertiesArgs
            {
                PublicNetworkAccess = AzureNative.RecoveryServices.PublicNetworkAccess.Disabled,
                RedundancySettings = new VaultPropertiesRedundancySettingsArgs
                {
                    StandardTierStorageRedundancy = args.StorageRedundancy.ToString(),
                    CrossRegionRestore = geoRedundant ? CrossRegionRestore.Enabled : CrossRegionRestore.Disabled,
                },
                SecuritySettings = new SecuritySettingsArgs
                {
                    SoftDeleteSettings = new SoftDeleteSettingsArgs
                    {
                        SoftDeleteState = SoftDeleteState.AlwaysON,
                        SoftDeleteRetentionPeriodInDays = args.SoftDeleteRetentionDays,
                        EnhancedSecurityState = EnhancedSecurityState.Enabled,
                    },
                    ImmutabilitySettings = new ImmutabilitySettingsArgs { State = args.Immutability.ToString() },
                },
                MonitoringSettings = new MonitoringSettingsArgs
                {
                    AzureMonitorAlertSettings = new AzureMonitorAlertSettingsArgs { AlertsForAllJobFailures = AlertsState.Enabled },
                    ClassicAlertSettings = new ClassicAlertSettingsArgs { AlertsForCriticalOperations = AlertsState.Disabled },
                },
            },
        }, args.LockedOptions(this));
        ManagementLocks.Create(this, "vault", _vault.Id, args.Lock);

        _policy = new ProtectionPolicy("policy", new ProtectionPolicyArgs
        {
            PolicyName = args.PolicyName,
            VaultName = _vault.Name,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = args.TagsWithDefaults(),
            Properties = VmPolicy(args),
        }, args.LockedOptions(this));

        if (args.DiagnosticSettings is { } diagnostics)
        {
            DiagnosticSettings.Create(this, "vault", _vault.Id, DiagnosticCategories.RecoveryServicesVaults, diagnostics);
        }

        RoleAssignments.GrantAll(this, "role", _vault.Id, args.RoleAssignments);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vaultId"] = VaultId,
            ["vaultName"] = VaultName,
            ["policyId"] = PolicyId,
        });
    }

    /// <summary>The Recovery Services vault's resource id.</summary>
    public Output<string> VaultId => _vault.Id;

    /// <summary>The Recovery Services vault's name in Azure.</summary>
    public Output<string> VaultName => _vault.Name;

    /// <summary>The VM backup policy's resource id.</summary>
    public Output<string> PolicyId => _policy.Id;

    /// <summary>The Recovery Services vault resource.</summary>
    public Vault Vault => _vault;

    /// <summary>The VM backup policy resource.</summary>
    public ProtectionPolicy Policy => _policy;

    /// <summary>One protected item per VM given to <see cref="Protect"/>, in call order.</summary>
    public IReadOnlyList<ProtectedItem> ProtectedItems => _protectedItems;

    /// <summary>
    /// Backs up the VM <paramref name="vmId"/> named <paramref name="vmName"/> with the component's policy (the
    /// protected item <c>vm-{name}</c>). Azure names the item after the VM's resource group and name:
    /// fabric <c>Azure</c>, container <c>iaasvmcontainer;iaasvmcontainerv2;{resourceGroup};{vmName}</c>, item
    /// <c>vm;iaasvmcontainerv2;{resourceGroup};{vmName}</c>. The resource group is
    /// <paramref name="vmResourceGroupName"/>, or when null the one in <paramref name="vmId"/> (its fifth segment).
    /// </summary>
    /// <exception cref="SynthesisException"><paramref name="name"/> is invalid or already used.</exception>
    public ProtectedItem Protect(string name, Input<string> vmId, Input<string> vmName, Input<string>? vmResourceGroupName = null)
    {
        ArgumentNullException.ThrowIfNull(vmId);
        ArgumentNullException.ThrowIfNull(vmName);
        var errors = new ComponentErrors(TypeToken, GetResourceName());
        if (!LogicalNames.IsValid(name))
        {
            errors.Add("protectedItems.name", $"'{name}' cannot name a protected item: {LogicalNames.Rule}");
        }
        else if (_protectedItems.Any(item => string.Equals(item.GetResourceName(), $"vm-{name}", StringComparison.Ordinal)))
        {
            errors.Add("protectedItems.name", $"'{name}' already names a protected item of this vault: names are unique");
        }

        errors.ThrowIfAny();

        // "/subscriptions/{sub}/resourceGroups/{rg}/providers/..." split at "/" puts the resource group at index 4.
        var resourceGroup = vmResourceGroupName ?? Output.Select<string>(4, Output.Split("/", vmId));
        var item = new ProtectedItem($"vm-{name}", new ProtectedItemArgs
        {
            VaultName = _vault.Name,
            ResourceGroupName = _args.ResourceGroupName,
            Location = _args.Location,
            Tags = _args.TagsWithDefaults(),
            FabricName = "Azure",
            ContainerName = Output.Format($"iaasvmcontainer;iaasvmcontainerv2;{resourceGroup};{vmName}"),
            ProtectedItemName = Output.Format($"vm;iaasvmcontainerv2;{resourceGroup};{vmName}"),
            Properties = new AzureIaaSComputeVMProtectedItemArgs
            {
                PolicyId = _policy.Id,
                SourceResourceId = vmId,
            },
        }, _args.LockedOptions(this));
        _protectedItems.Add(item);
        return item;
    }

    /// <summary>The vault's <c>identity</c> block for <paramref name="identities"/>; null (not stated) when they ask for none.</summary>
    private static Input<IdentityDataArgs>? VaultIdentity(ManagedIdentitiesSpec? identities)
    {
        var type = ManagedIdentityBlock.TypeOf(identities);
        if (identities is null || type == ManagedIdentityBlock.None)
        {
            return null;
        }

        return new IdentityDataArgs { Type = type, UserAssignedIdentities = ManagedIdentityBlock.UserAssignedIdentities(identities.UserAssignedResourceIds) };
    }

    private static AzureIaaSVMProtectionPolicyArgs VmPolicy(BackupProtectionArgs args)
    {
        var time = $"{ScheduleDate}T{args.BackupTimeUtc}:00Z";
        var retention = new LongTermRetentionPolicyArgs
        {
            DailySchedule = new DailyRetentionScheduleArgs
            {
                RetentionTimes = new[] { time },
                RetentionDuration = new RetentionDurationArgs { Count = args.DailyRetentionDays, DurationType = RetentionDurationType.Days },
            },
        };
        var day = new AzureNative.RecoveryServices.DayOfWeek(args.WeeklyRetentionDay.ToString());
        if (args.WeeklyRetentionWeeks is { } weeks)
        {
            retention.WeeklySchedule = new WeeklyRetentionScheduleArgs
            {
                DaysOfTheWeek = new[] { day },
                RetentionTimes = new[] { time },
                RetentionDuration = new RetentionDurationArgs { Count = weeks, DurationType = RetentionDurationType.Weeks },
            };
        }

        if (args.MonthlyRetentionMonths is { } months)
        {
            retention.MonthlySchedule = new MonthlyRetentionScheduleArgs
            {
                RetentionScheduleFormatType = RetentionScheduleFormat.Weekly,
                RetentionScheduleWeekly = new WeeklyRetentionFormatArgs { DaysOfTheWeek = new[] { day }, WeeksOfTheMonth = new[] { WeekOfMonth.First } },
                RetentionTimes = new[] { time },
                RetentionDuration = new RetentionDurationArgs { Count = months, DurationType = RetentionDurationType.Months },
            };
        }

        return new AzureIaaSVMProtectionPolicyArgs
        {
            PolicyType = IAASVMPolicyType.V2,
            TimeZone = "UTC",
            InstantRpRetentionRangeInDays = args.InstantRestoreRetentionDays,
            SchedulePolicy = new SimpleSchedulePolicyV2Args
            {
                ScheduleRunFrequency = ScheduleRunType.Daily,
                DailySchedule = new DailyScheduleArgs { ScheduleRunTimes = new[] { time } },
            },
            RetentionPolicy = retention,
        };
    }

    private static void Validate(string name, BackupProtectionArgs args)
    {
        var errors = new ComponentErrors(TypeToken, name);
        if (!ValidationPatterns.RecoveryVaultName().IsMatch(args.VaultName ?? string.Empty))
        {
            errors.Add("vaultName", $"'{args.VaultName}' is not a valid Recovery Services vault name: 2 to 50 characters, letters, digits and hyphens, starting with a letter");
        }

        if (!Enum.IsDefined(args.StorageRedundancy))
        {
            errors.Add("storageRedundancy", $"'{args.StorageRedundancy}' is not a storage redundancy: GeoRedundant, ZoneRedundant or LocallyRedundant");
        }

        if (!Enum.IsDefined(args.Immutability))
        {
            errors.Add("immutability", $"'{args.Immutability}' is not an immutability state: Unlocked or Locked");
        }

        CheckRange(errors, "softDeleteRetentionDays", args.SoftDeleteRetentionDays, 14, 180, "Azure Backup keeps soft-deleted data 14 to 180 days");
        if (!ValidationPatterns.BackupPolicyName().IsMatch(args.PolicyName ?? string.Empty))
        {
            errors.Add("policyName", $"'{args.PolicyName}' is not a valid backup policy name: 3 to 150 characters, letters, digits and hyphens, starting with a letter");
        }

        if (!ValidationPatterns.BackupTime().IsMatch(args.BackupTimeUtc ?? string.Empty))
        {
            errors.Add("backupTimeUtc", $"'{args.BackupTimeUtc}' is not a backup time: HH:mm in UTC, on the hour or half hour (e.g. 02:00 or 23:30)");
        }

        CheckRange(errors, "instantRestoreRetentionDays", args.InstantRestoreRetentionDays, 1, 5, "a daily policy keeps instant restore snapshots 1 to 5 days");
        CheckRange(errors, "dailyRetentionDays", args.DailyRetentionDays, 7, 9999, "daily recovery points are kept 7 to 9999 days");
        if (args.WeeklyRetentionWeeks is { } weeks)
        {
            CheckRange(errors, "weeklyRetentionWeeks", weeks, 1, 5163, "weekly recovery points are kept 1 to 5163 weeks");
        }

        if (args.MonthlyRetentionMonths is { } months)
        {
            CheckRange(errors, "monthlyRetentionMonths", months, 1, 1188, "monthly recovery points are kept 1 to 1188 months");
        }

        if (!Enum.IsDefined(args.WeeklyRetentionDay))
        {
            errors.Add("weeklyRetentionDay", $"'{args.WeeklyRetentionDay}' is not a day of the week");
        }

        DiagnosticSettings.Check(args.DiagnosticSettings, errors);
        ManagementLocks.Check(args.Lock, errors);

        ManagedIdentityBlock.Check(args.ManagedIdentities, errors);

        errors.ThrowIfAny();
    }

    private static void CheckRange(ComponentErrors errors, string property, int value, int minimum, int maximum, string rule)
    {
        if (value < minimum || value > maximum)
        {
            errors.Add(property, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: {rule}");
        }
    }
}
