using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using static EdgeInfra.Components.Tests.Policy.ComputeNetworkFixtureResources;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>ManagedDiskRules</c>.</summary>
internal static class ManagedDiskRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-DISK-001", "a disk closed to public networks", true, () => Disk(args =>
        {
            args.PublicNetworkAccess = "Disabled";
            args.NetworkAccessPolicy = "DenyAll";
        })),
        new("EI-DISK-001", "a disk that leaves public network access unset", false, () => Disk()),
        new("EI-DISK-001", "a disk open to public networks", false, () => Disk(args => args.PublicNetworkAccess = "Enabled")),

        new("EI-DISK-002", "a disk that leaves encryption to Azure", true, () => Disk()),
        new("EI-DISK-002", "a disk with encryption settings enabled", true, () => Disk(args => args.EncryptionSettingsCollection = new EncryptionSettingsCollectionArgs { Enabled = true })),
        new("EI-DISK-002", "a disk with encryption settings disabled", false, () => Disk(args => args.EncryptionSettingsCollection = new EncryptionSettingsCollectionArgs { Enabled = false })),
        new("EI-DISK-002", "a VM whose OS disk turns encryption off", false, () => Vm(configure: args => args.StorageProfile = new StorageProfileArgs
        {
            OsDisk = new OSDiskArgs
            {
                CreateOption = "FromImage",
                ManagedDisk = new ManagedDiskParametersArgs { StorageAccountType = "Premium_LRS" },
                EncryptionSettings = new DiskEncryptionSettingsArgs { Enabled = false },
            },
        })),
    ];

    /// <summary>An empty 32 GB managed disk, then <paramref name="configure"/>.</summary>
    private static void Disk(Action<DiskArgs>? configure = null)
    {
        var args = new DiskArgs
        {
            ResourceGroupName = GroupName,
            Location = Location,
            CreationData = new CreationDataArgs { CreateOption = "Empty" },
            DiskSizeGB = 32,
        };
        configure?.Invoke(args);
        _ = new Disk("disk", args);
    }
}
