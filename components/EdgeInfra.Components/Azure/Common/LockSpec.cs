namespace EdgeInfra.Components.Azure;

/// <summary>
/// The lock a component puts on its stateful resources, in the shape of Azure Verified Modules' <c>lock</c>
/// (<c>{ kind, name }</c>). What each component locks, and the rules the name must follow, are in
/// <see cref="ManagementLocks"/>.
/// </summary>
public sealed record LockSpec
{
    /// <summary>The name in Azure of every lock the library makes when <see cref="Name"/> is not given (unique per locked resource).</summary>
    public const string DefaultName = "edge-infra-do-not-delete";

    /// <summary>No lock: <see cref="LockKind.None"/>.</summary>
    public static LockSpec None { get; } = new() { Kind = LockKind.None };

    /// <summary>A <see cref="LockKind.CanNotDelete"/> lock named <see cref="DefaultName"/>.</summary>
    public static LockSpec CanNotDelete { get; } = new() { Kind = LockKind.CanNotDelete };

    /// <summary>The kind of lock. Default: <see cref="LockKind.None"/>.</summary>
    public LockKind Kind { get; init; } = LockKind.None;

    /// <summary>
    /// The name of each Azure management lock (<c>lockName</c>, create-only: a new name replaces the lock). One name
    /// serves every resource a component locks, since a lock's name is unique only within the resource it locks.
    /// 1 to 90 characters: ASCII letters, digits, '.', '_', '-', '(' and ')', not ending in '.'.
    /// Default: <see cref="DefaultName"/>.
    /// </summary>
    public string Name { get; init; } = DefaultName;
}
