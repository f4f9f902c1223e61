using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.RecoveryServices;
using EdgeInfra.AzureNative.RecoveryServices.Inputs;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;
using static EdgeInfra.Components.Policy.PolicyReferences;
using RecoveryVault = EdgeInfra.AzureNative.RecoveryServices.Vault;
using RecoveryVaultArgs = EdgeInfra.AzureNative.RecoveryServices.VaultArgs;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on Azure Backup: Recovery Services vaults (<c>azure-native:recoveryservices:Vault</c>), VM backup policies
/// (<c>ProtectionPolicy</c>) and the protected items that connect VMs to them (<c>ProtectedItem</c>).
/// </summary>
/// <remarks>
/// Unset vault settings take Azure's defaults: soft delete on (14 days), immutability disabled, geo-redundant storage,
/// cross-region restore disabled. A deploy-time value fails a rule whose control is off by default and passes one whose
/// control is on by default; retention, which has no default, must be a number the program states.
/// </remarks>
internal static class BackupRules
{
    private const string Area = "Backup";

    /// <summary>The fewest days Azure keeps the daily recovery points of a VM backup policy.</summary>
    public const int MinDailyRetentionDays = 7;

    /// <summary>The fewest days Azure keeps soft-deleted backup data.</summary>
    private const int MinSoftDeleteDays = 14;

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-BKP-001", Area, PolicySeverity.High,
            "Recovery Services vaults keep soft delete on",
            "Soft delete keeps deleted backup data for at least 14 days, so a compromised or mistaken delete can be undone; Azure turns it on unless softDeleteState is Disabled.",
            ["https://docs.kics.io/latest/queries/terraform-queries/azure/b373043c-f3bf-40db-b67a-c982732c7781"],
            Each<RecoveryVault, RecoveryVaultArgs>(SoftDeleteProblems, "properties.securitySettings.softDeleteSettings.softDeleteState")),
        new(
            "EI-BKP-002", Area, PolicySeverity.Medium,
            "Recovery Services vaults make recovery points immutable",
            "Immutability stops anyone, an attacker with vault rights included, from deleting recovery points before they expire; it is disabled unless the state is Unlocked or Locked.",
            ["Azure.RSV.Immutable", "https://docs.kics.io/latest/queries/terraform-queries/azure/0af1814d-23d7-472e-a1b8-b265e7b0d88f"],
            Each<RecoveryVault, RecoveryVaultArgs>((graph, vault) =>
                graph.ValueOf(Plain(Plain(Plain(vault.Properties)?.SecuritySettings)?.ImmutabilitySettings)?.State) is var state
                && !IsText(state, "Unlocked") && !IsText(state, "Locked")
                    ? $"properties.securitySettings.immutabilitySettings.state is {ShowOr(state, "Disabled")}: set it to 'Unlocked', or 'Locked' once the retention is final"
                    : null,
                "properties.securitySettings.immutabilitySettings.state")),
        new(
            "EI-BKP-003", Area, PolicySeverity.Medium,
            "Recovery Services vaults store backups geo-redundantly",
            "Locally or zone-redundant backup storage is lost with its region; geo-redundant storage, Azure's default, keeps a copy in the paired region.",
            ["Azure.RSV.StorageType"],
            Each<RecoveryVault, RecoveryVaultArgs>((graph, vault) =>
                graph.ValueOf(Plain(Plain(vault.Properties)?.RedundancySettings)?.StandardTierStorageRedundancy) is var redundancy
                && redundancy.IsKnown && !IsText(redundancy, "GeoRedundant")
                    ? $"properties.redundancySettings.standardTierStorageRedundancy is {Show(redundancy)}: set it to 'GeoRedundant' (it can only change before the first backup)"
                    : null,
                "properties.redundancySettings.standardTierStorageRedundancy")),
        new(
            "EI-BKP-004", Area, PolicySeverity.Low,
            "Geo-redundant Recovery Services vaults enable cross-region restore",
            "Geo-redundant backups can only be restored in the paired region, while the primary is down, when cross-region restore is enabled; it is disabled unless stated.",
            ["https://azure.github.io/Azure-Proactive-Resiliency-Library/services/migration/azure-backup"],
            Each<RecoveryVault, RecoveryVaultArgs>(CrossRegionRestoreProblem, "properties.redundancySettings.crossRegionRestore")),
        new(
            "EI-BKP-005", Area, PolicySeverity.High,
            "Every VM is backed up",
            "A VM that no protected item names has no recovery points: a lost disk or a bad change cannot be undone.",
            ["CKV2_AZURE_12"],
            UnprotectedVirtualMachines),
        new(
            "EI-BKP-006", Area, PolicySeverity.Medium,
            "VM backup policies keep daily recovery points at least 7 days",
            "A VM policy must state how long its daily recovery points live; Azure accepts 7 to 9999 days, and a shorter or missing retention leaves nothing to restore from.",
            ["https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/backup_policy_vm"],
            Each<ProtectionPolicy, ProtectionPolicyArgs>(RetentionProblem, "properties.retentionPolicy")),
    ];

    private static IEnumerable<string> SoftDeleteProblems(StackGraph graph, RecoveryVaultArgs vault)
    {
        var softDelete = Plain(Plain(Plain(vault.Properties)?.SecuritySettings)?.SoftDeleteSettings);
        var state = graph.ValueOf(softDelete?.SoftDeleteState);
        if (state.IsKnown && !IsText(state, "Enabled") && !IsText(state, "AlwaysON"))
        {
            yield return $"properties.securitySettings.softDeleteSettings.softDeleteState is {Show(state)}: set it to 'AlwaysON' (or 'Enabled')";
        }

        var days = graph.ValueOf(softDelete?.SoftDeleteRetentionPeriodInDays);
        if (days.IsKnown && days.Value < MinSoftDeleteDays)
        {
            yield return $"properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays is {Show(days)}: keep deleted backup data at least {MinSoftDeleteDays} days";
        }
    }

    private static string? CrossRegionRestoreProblem(StackGraph graph, RecoveryVaultArgs vault)
    {
        var redundancy = Plain(Plain(vault.Properties)?.RedundancySettings);
        var storage = graph.ValueOf(redundancy?.StandardTierStorageRedundancy);
        var geoRedundant = storage.IsUnset || IsText(storage, "GeoRedundant");
        var restore = graph.ValueOf(redundancy?.CrossRegionRestore);
        return geoRedundant && !IsText(restore, "Enabled")
            ? $"properties.redundancySettings.crossRegionRestore is {ShowOr(restore, "Disabled")} on a geo-redundant vault: set it to 'Enabled'"
            : null;
    }

    /// <summary>The VMs that no protected item's <c>sourceResourceId</c> references (the graph form of CKV2_AZURE_12).</summary>
    private static IEnumerable<PolicyViolation> UnprotectedVirtualMachines(StackGraph graph)
    {
        var protectedVms = new HashSet<Resource>(graph.ResourcesOf<ProtectedItem>()
            .SelectMany(item => ReferencedBy(SourceOf(Plain(graph.InputsOf<ProtectedItemArgs>(item).Properties)))));
        return graph.ResourcesOf<VirtualMachine>()
            .Where(vm => !protectedVms.Contains(vm))
            .Select(vm => new PolicyViolation(
                vm,
                "no protected item names this VM in properties.sourceResourceId: back it up with a VM backup policy (BackupProtection.Protect)"));
    }

    /// <summary>The <c>sourceResourceId</c> of a VM protected item's properties, or null for other kinds of item.</summary>
    private static Input<string>? SourceOf(InputArgs? properties) => properties switch
    {
        AzureIaaSComputeVMProtectedItemArgs compute => compute.SourceResourceId,
        AzureIaaSVMProtectedItemArgs vm => vm.SourceResourceId,
        _ => null,
    };

    private static string? RetentionProblem(StackGraph graph, ProtectionPolicyArgs policy)
    {
        if (Plain(policy.Properties) is not AzureIaaSVMProtectionPolicyArgs vmPolicy)
        {
            return null;
        }

        var duration = Plain(vmPolicy.RetentionPolicy) switch
        {
            LongTermRetentionPolicyArgs longTerm => Plain(Plain(longTerm.DailySchedule)?.RetentionDuration),
            SimpleRetentionPolicyArgs simple => Plain(simple.RetentionDuration),
            _ => null,
        };
        var count = graph.ValueOf(duration?.Count);
        var unit = graph.ValueOf(duration?.DurationType);
        if (duration is null || !count.IsKnown)
        {
            return $"properties.retentionPolicy states no daily retention (dailySchedule.retentionDuration.count is {Show(count)}): keep daily recovery points at least {MinDailyRetentionDays} days";
        }

        return IsText(unit, "Days") && count.Value >= MinDailyRetentionDays
            ? null
            : $"properties.retentionPolicy keeps daily recovery points {Show(count)} {(unit.IsKnown ? unit.Value : "units")}: keep them at least {MinDailyRetentionDays} days (durationType 'Days')";
    }
}
