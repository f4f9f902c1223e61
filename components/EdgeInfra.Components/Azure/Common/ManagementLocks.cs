using System.Globalization;
using System.Text;
using EdgeInfra.AzureNative.Authorization;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Azure;

/// <summary>
/// Builds every Azure management lock of the library (<c>azure-native:authorization:ManagementLockByScope</c>): one
/// naming convention, one level, one note.
/// </summary>
/// <remarks>
/// <para><b>Names.</b> The lock on the target <c>{target}</c> is the child <c>{target}-lock</c> of the component that
/// makes it (so <c>app-vault</c>'s Key Vault <c>vault</c> gets <c>app-vault-vault-lock</c>), with <c>scope</c> the
/// target's <c>id</c>, <c>level</c> <c>CanNotDelete</c>, <c>lockName</c> <see cref="LockSpec.Name"/> and
/// <c>notes</c> saying that edge-infra manages it (<see cref="Notes"/>). <c>scope</c> and <c>lockName</c> are
/// create-only in the schema: a new target or name replaces the lock.</para>
/// <para><b>What is locked.</b> Each component locks its main stateful resource, the one whose loss loses data or
/// identity, and that Azure lets the stack keep changing under a <c>CanNotDelete</c> lock:</para>
/// <list type="bullet">
/// <item><c>SecretsVault</c>: the Key Vault. Secret writes (new versions) are PUTs, which the lock allows.</item>
/// <item><c>OriginNetwork</c>: the virtual network (its subnets are children and inherit the lock). The network
/// security groups are not locked: Azure refuses to delete one while a subnet uses it.</item>
/// <item><c>OriginVmCluster</c>: every VM. Its OS disk is no resource of the program (it is deleted with the VM) and
/// Azure refuses to delete an attached disk. Azure Backup keeps its restore points in a resource group of its own
/// (<c>AzureBackupRG_…</c>), which the library never locks: a lock there makes backups fail, as Azure documents.</item>
/// <item><c>Observability</c>: the Log Analytics workspace.</item>
/// <item><c>BackupProtection</c>: the Recovery Services vault (its policy and protected items are children).</item>
/// <item><c>EdgeLogStream</c>: the storage account (its container and retention policy are children). Listing the
/// account's keys, which the stream does at every deployment, is a POST: only a read-only lock blocks it.</item>
/// <item><c>OriginCertificateAuthority</c> has no Azure resource (its key and certificates exist only in the Pulumi
/// state; the certificates it issues are stored in a <c>SecretsVault</c>, which locks its own vault), so it keeps only
/// <c>protect</c> and <c>retainOnDelete</c>.</item>
/// </list>
/// <para><b>What a lock costs.</b> From Azure's "Considerations before applying your locks": a <c>CanNotDelete</c> lock
/// also blocks deleting the target's children and extension resources, which includes its role assignments and
/// diagnostic settings. Creating or updating them still works; removing or replacing one (a new principal, a dropped
/// role, a dropped diagnostic setting, a removed subnet, a VM taken out of backup) fails while the lock is there. To
/// make such a change, first set the component's lock to <see cref="LockKind.None"/> and run <c>pulumi up</c> (the
/// lock resource is not protected, so this removes it and lifts <c>protect</c>), then make the change, then lock again.
/// Locks guard only the control plane: data in a locked storage account or vault can still be changed through the data
/// plane.</para>
/// <para><b>Errors</b> (<see cref="SynthesisException"/>, naming the component, the property, the value and the rule): a
/// null spec, a kind that is not a <see cref="LockKind"/>, and a name Azure would refuse (<see cref="NameRule"/>).</para>
/// </remarks>
public static partial class ManagementLocks
{
    /// <summary>The logical-name suffix of a lock; its target's name comes before it.</summary>
    public const string ChildSuffix = "-lock";

    /// <summary>The only lock level the library sets (see <see cref="LockKind"/> for why not <c>ReadOnly</c>).</summary>
    public const string Level = "CanNotDelete";

    /// <summary>The most characters a lock name may have (Azure's naming rules for <c>Microsoft.Authorization/locks</c>).</summary>
    public const int MaxNameLength = 90;

    /// <summary>The most characters a lock's <c>notes</c> may have.</summary>
    public const int MaxNotesLength = 512;

    /// <summary>
    /// The rule a lock name follows, as error messages state it. It is Azure's naming rule for
    /// <c>Microsoft.Authorization/locks</c>, the stricter of the two Azure publishes (the REST reference allows 260
    /// characters without <c>&lt; &gt; % &amp; : \ ? /</c> or control characters), so a name that passes is accepted by both.
    /// </summary>
    public const string NameRule = "1 to 90 characters, ASCII letters, digits, '.', '_', '-', '(' and ')' only (no '<', '>', '*', '%', '&', ':', '\\', '?', '/', '+', spaces or control characters), not ending in '.'";

    /// <summary>True when Azure accepts <paramref name="name"/> as a lock name (<see cref="NameRule"/>).</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && ValidationPatterns.LockName().IsMatch(name) && !name.EndsWith('.');

    /// <summary>Records in <paramref name="errors"/> what is wrong with <paramref name="spec"/>, before a component creates anything.</summary>
    public static void Check(LockSpec? spec, ComponentErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (spec is null)
        {
            errors.Add("lock", "is null: give LockSpec.None for no lock, or a LockSpec");
            return;
        }

        if (!Enum.IsDefined(spec.Kind))
        {
            errors.Add("lock.kind", $"'{spec.Kind}' is not a lock kind: {string.Join(" or ", Enum.GetNames<LockKind>())} (ReadOnly is not offered: it blocks the stack's own deployments)");
        }

        if (!IsValidName(spec.Name))
        {
            errors.Add("lock.name", $"'{Printable(spec.Name)}' is not a valid Azure lock name: {NameRule}");
        }
    }

    /// <summary>
    /// Creates, under <paramref name="parent"/>, the lock <c>{targetName}-lock</c> that <paramref name="spec"/> asks of
    /// the resource <paramref name="targetName"/> (id <paramref name="resourceId"/>); none for <see cref="LockKind.None"/>.
    /// The lock itself is not protected, so setting the kind back to <see cref="LockKind.None"/> removes it.
    /// </summary>
    /// <returns>The lock, or null when <paramref name="spec"/> asks for none.</returns>
    public static ManagementLockByScope? Create(ComponentResource parent, string targetName, Input<string> resourceId, LockSpec spec)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentException.ThrowIfNullOrEmpty(targetName);
        ArgumentNullException.ThrowIfNull(resourceId);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind == LockKind.None)
        {
            return null;
        }

        return new ManagementLockByScope(targetName + ChildSuffix, new ManagementLockByScopeArgs
        {
            Scope = resourceId,
            Level = Level,
            LockName = spec.Name,
            Notes = Notes(parent, targetName),
        }, new CustomResourceOptions { Parent = parent });
    }

    /// <summary>The <c>notes</c> of the lock on <paramref name="targetName"/>: who manages it and how to lift it (at most <see cref="MaxNotesLength"/> characters).</summary>
    public static string Notes(ComponentResource parent, string targetName)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var notes = $"Managed by edge-infra (Pulumi): component '{parent.GetResourceName()}' ({parent.GetResourceType()}) keeps its '{targetName}' from deletion. To lift it, set the component's lock to None and run pulumi up; do not remove it by hand.";
        return notes.Length <= MaxNotesLength ? notes : notes[..MaxNotesLength];
    }

    private static string Printable(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString());
        }

        return text.ToString();
    }
}
