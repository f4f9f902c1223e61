namespace EdgeInfra.Components.Azure;

/// <summary>
/// The arguments of a <see cref="BackupProtection"/>: a Recovery Services vault that keeps soft delete always on,
/// and one daily backup policy for Azure VMs with explicit retention.
/// </summary>
public sealed class BackupProtectionArgs : AzureComponentArgs
{
    /// <summary>The vault's name: 2 to 50 characters, letters, digits and hyphens, starting with a letter. Required.</summary>
    public required string VaultName { get; init; }

    /// <summary>
    /// How backup storage is replicated. Default: <see cref="BackupStorageRedundancy.GeoRedundant"/>, with
    /// cross-region restore enabled, so that a regional outage loses no backups.
    /// </summary>
    public BackupStorageRedundancy StorageRedundancy { get; init; } = BackupStorageRedundancy.GeoRedundant;

    /// <summary>
    /// Whether recovery points can be deleted before they expire. Default: <see cref="BackupImmutability.Unlocked"/>
    /// (immutable, reversible); <see cref="BackupImmutability.Locked"/> can never be undone.
    /// </summary>
    public BackupImmutability Immutability { get; init; } = BackupImmutability.Unlocked;

    /// <summary>How many days deleted backup data is kept before it is purged: 14 to 180. Default: 14, Azure's default (soft delete itself is always on).</summary>
    public int SoftDeleteRetentionDays { get; init; } = 14;

    /// <summary>The VM backup policy's name: 3 to 150 characters, letters, digits and hyphens, starting with a letter. Default: <c>vm-daily</c>.</summary>
    public string PolicyName { get; init; } = "vm-daily";

    /// <summary>When the daily backup runs, in UTC, as <c>HH:mm</c> on the hour or half hour (Azure's rule). Default: <c>02:00</c>.</summary>
    public string BackupTimeUtc { get; init; } = "02:00";

    /// <summary>How many days instant restore snapshots are kept: 1 to 5. Default: 2, Azure's default.</summary>
    public int InstantRestoreRetentionDays { get; init; } = 2;

    /// <summary>How many daily recovery points are kept: 7 to 9999 days. Default: 30, Azure's default policy.</summary>
    public int DailyRetentionDays { get; init; } = 30;

    /// <summary>How many weekly recovery points (taken on <see cref="WeeklyRetentionDay"/>) are kept: 1 to 5163 weeks. Default: null, none.</summary>
    public int? WeeklyRetentionWeeks { get; init; }

    /// <summary>How many monthly recovery points (taken on the first <see cref="WeeklyRetentionDay"/> of the month) are kept: 1 to 1188 months. Default: null, none.</summary>
    public int? MonthlyRetentionMonths { get; init; }

    /// <summary>The day whose recovery point is kept as the weekly and monthly one. Default: <see cref="DayOfWeek.Sunday"/>.</summary>
    public DayOfWeek WeeklyRetentionDay { get; init; } = DayOfWeek.Sunday;
}
