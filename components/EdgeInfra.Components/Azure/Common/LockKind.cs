namespace EdgeInfra.Components.Azure;

/// <summary>
/// How a component's stateful resources are guarded against deletion. The provider schemas this library is built
/// on hold no Azure management lock resource, so a lock is enforced by the Pulumi engine: <c>protect</c> (the
/// engine refuses to delete) and, for <see cref="CanNotDelete"/>, <c>retainOnDelete</c> (removing the resource from
/// the program leaves it in Azure).
/// </summary>
public enum LockKind
{
    /// <summary>No guard (the default for dev stacks).</summary>
    None,

    /// <summary>The engine refuses to delete the resources, and removing them from the program leaves them in Azure.</summary>
    CanNotDelete,
}
