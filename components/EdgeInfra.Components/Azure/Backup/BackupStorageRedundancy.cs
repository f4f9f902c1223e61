namespace EdgeInfra.Components.Azure;

/// <summary>How a Recovery Services vault replicates its backup storage.</summary>
public enum BackupStorageRedundancy
{
    /// <summary>Replicated to the paired region, with cross-region restore enabled (the default).</summary>
    GeoRedundant,

    /// <summary>Replicated across availability zones in the vault's region.</summary>
    ZoneRedundant,

    /// <summary>Replicated within one datacenter: cheapest, lost with the datacenter.</summary>
    LocallyRedundant,
}
