namespace EdgeInfra.Components.Azure;

/// <summary>Whether a Recovery Services vault's recovery points can be deleted before they expire.</summary>
public enum BackupImmutability
{
    /// <summary>Immutability is on and can still be turned off (the default).</summary>
    Unlocked,

    /// <summary>Immutability is on and can never be turned off again: Azure makes this irreversible.</summary>
    Locked,
}
