using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on managed disks: <c>azure-native:compute:Disk</c> resources, and the OS disk a VM states inline
/// (<c>storageProfile.osDisk</c> of <c>azure-native:compute:VirtualMachine</c>).
/// </summary>
internal static class ManagedDiskRules
{
    private const string Area = "Managed disks";

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-DISK-001", Area, PolicySeverity.High,
            "Managed disks cannot be exported from public networks",
            "A disk open to public networks can be exported with a SAS URL from anywhere, copying the VM's data out of the network; Azure's default is enabled, so the program must state Disabled.",
            ["CKV_AZURE_251"],
            Each<Disk, DiskArgs>((graph, disk) =>
                graph.ValueOf(disk.PublicNetworkAccess) is var access && !access.Is("Disabled")
                    ? $"publicNetworkAccess is {Show(access)} (unset is Enabled): set it to Disabled (and networkAccessPolicy to DenyAll, or AllowPrivate with a disk access)"
                    : null,
                "publicNetworkAccess")),
        new(
            "EI-DISK-002", Area, PolicySeverity.Medium,
            "Disk encryption is not turned off",
            "A disk whose encryption settings are disabled stores the VM's data without the guest-level encryption it was meant to have; leave them unset (server-side encryption always applies) or enabled.",
            ["CKV_AZURE_2", "AZU-0038", "azurenative-compute-disk-disallow-unencrypted-disk"],
            EncryptionTurnedOff),
    ];

    // Only an explicit false fails: unset leaves Azure's server-side encryption with platform keys, which is always on;
    // a deploy-time value is skipped.
    private static IEnumerable<PolicyViolation> EncryptionTurnedOff(StackGraph graph)
    {
        foreach (var disk in graph.ResourcesOf<Disk>())
        {
            if (NetworkLinks.ValueIn(graph, graph.InputsOf<DiskArgs>(disk).EncryptionSettingsCollection, settings => settings.Enabled).Is(false))
            {
                yield return new PolicyViolation(disk, "encryptionSettingsCollection.enabled is false: set it to true with the vault's keys, or remove encryptionSettingsCollection", "encryptionSettingsCollection.enabled");
            }
        }

        foreach (var vm in graph.ResourcesOf<VirtualMachine>())
        {
            var osDisk = Plain(Plain(graph.InputsOf<VirtualMachineArgs>(vm).StorageProfile)?.OsDisk);
            if (osDisk is not null && NetworkLinks.ValueIn(graph, osDisk.EncryptionSettings, settings => settings.Enabled).Is(false))
            {
                yield return new PolicyViolation(vm, "storageProfile.osDisk.encryptionSettings.enabled is false: set it to true with the vault's keys, or remove encryptionSettings", "storageProfile.osDisk.encryptionSettings.enabled");
            }
        }
    }
}
