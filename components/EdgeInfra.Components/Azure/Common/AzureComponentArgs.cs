namespace EdgeInfra.Components.Azure;

/// <summary>
/// What every Azure component takes, under the same names on every component (as Azure Verified Modules do):
/// where it goes, <see cref="Tags"/>, <see cref="Lock"/>, <see cref="RoleAssignments"/>, <see cref="DiagnosticSettings"/>
/// and <see cref="ManagedIdentities"/>.
/// </summary>
public abstract class AzureComponentArgs
{
    /// <summary>The resource group the component's resources go in.</summary>
    public required Input<string> ResourceGroupName { get; init; }

    /// <summary>The Azure region; required because a component must not depend on a provider default.</summary>
    public required Input<string> Location { get; init; }

    /// <summary>Tags for every taggable resource of the component; <c>managedBy: edge-infra</c> is always added. Default: none.</summary>
    public IReadOnlyDictionary<string, Input<string>> Tags { get; init; } = new Dictionary<string, Input<string>>();

    /// <summary>
    /// How stateful resources are guarded against deletion: with <see cref="LockKind.CanNotDelete"/>, an Azure management
    /// lock on the component's main stateful resource (see <see cref="ManagementLocks"/> for which one, and what a lock
    /// costs) and Pulumi's <c>protect</c> and <c>retainOnDelete</c> on every stateful resource. Default: <see cref="LockSpec.None"/>.
    /// </summary>
    public LockSpec Lock { get; init; } = LockSpec.None;

    /// <summary>Roles to grant on the component's main resource. Default: none.</summary>
    public IReadOnlyList<RoleAssignmentSpec> RoleAssignments { get; init; } = [];

    /// <summary>Where the component's resources send diagnostics; null leaves it to the stack-wide <c>Observability</c> pass. Default: null.</summary>
    public DiagnosticSettingsSpec? DiagnosticSettings { get; init; }

    /// <summary>
    /// The managed identities of the component's main resource; null means none. Taken by <c>BackupProtection</c>
    /// (the Recovery Services vault), <c>Observability</c> (the Log Analytics workspace, which takes a system-assigned
    /// identity or user-assigned ones, not both) and <c>OriginVmCluster</c> (every VM, which always has the cluster's
    /// own user-assigned identity; this adds a system-assigned identity and/or more user-assigned ones). Components
    /// whose resources take no managed identity (<c>OriginNetwork</c>, <c>SecretsVault</c>) reject it as invalid.
    /// Default: null.
    /// </summary>
    public ManagedIdentitiesSpec? ManagedIdentities { get; init; }

    /// <summary>The tags to state: <see cref="Tags"/> plus <c>managedBy: edge-infra</c>.</summary>
    public InputMap<string> TagsWithDefaults()
    {
        var tags = new InputMap<string> { ["managedBy"] = "edge-infra" };
        foreach (var (key, value) in Tags)
        {
            tags[key] = value;
        }

        return tags;
    }

    /// <summary>The options that <see cref="Lock"/> asks of stateful resources.</summary>
    public CustomResourceOptions LockedOptions(Resource parent) => LockedOptions(Lock.Kind, parent);

    /// <summary>
    /// The options that <paramref name="lockKind"/> asks of the stateful children of <paramref name="parent"/>. They are
    /// kept beside the Azure lock on purpose: with <c>protect</c> the engine itself refuses to delete or replace the
    /// resource, with an error that names it, instead of sending Azure a delete that the lock fails with
    /// <c>ScopeLocked</c> while other deletions go ahead; it also guards the resources that have no Azure lock of their own (generated passwords, certificates, network
    /// security groups, secrets); <c>retainOnDelete</c> leaves a resource in Azure when it is taken out of the program.
    /// </summary>
    public static CustomResourceOptions LockedOptions(LockKind lockKind, Resource parent) => new()
    {
        Parent = parent,
        Protect = lockKind == LockKind.CanNotDelete ? true : null,
        RetainOnDelete = lockKind == LockKind.CanNotDelete ? true : null,
    };
}
