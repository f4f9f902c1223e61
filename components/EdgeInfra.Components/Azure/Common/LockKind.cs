namespace EdgeInfra.Components.Azure;

/// <summary>
/// How a component's stateful resources are guarded against deletion (the <c>kind</c> of <see cref="LockSpec"/>, as in
/// Azure Verified Modules' <c>lock</c>). See <see cref="ManagementLocks"/> for what each component locks.
/// </summary>
/// <remarks>
/// There is deliberately no <c>ReadOnly</c>. Azure's read-only lock blocks every control-plane write and every POST on
/// the locked resource and its children (Azure docs, "Lock your resources to protect your infrastructure",
/// "Considerations before applying your locks"), and the stack itself needs those at deploy time: it lists the edge-log
/// storage account's keys (<c>listKeys</c> is a POST), writes Key Vault secrets, adds role assignments and diagnostic
/// settings, installs VM extensions and changes backup protection. A read-only lock would make the stack's own
/// <c>pulumi up</c> fail, so the library does not offer it.
/// </remarks>
public enum LockKind
{
    /// <summary>No guard (the default for dev stacks).</summary>
    None,

    /// <summary>
    /// An Azure management lock of level <c>CanNotDelete</c> (<c>azure-native:authorization:ManagementLockByScope</c>) on
    /// the component's main stateful resource, which stops deletion from any tool (portal, CLI, another program); plus
    /// Pulumi's <c>protect</c> (the engine refuses up front to delete, so a <c>pulumi destroy</c> fails before it deletes
    /// anything) and <c>retainOnDelete</c> (once unprotected, removing a resource from the program leaves it in Azure)
    /// on every stateful resource of the component.
    /// </summary>
    CanNotDelete,
}
