namespace EdgeInfra.Components.Azure;

/// <summary>A role to grant a principal on a component's main resource (Azure Verified Modules' <c>roleAssignments</c>).</summary>
public sealed record RoleAssignmentSpec
{
    /// <summary>A short name for the assignment, unique within the component; part of logical names.</summary>
    public required string Name { get; init; }

    /// <summary>The role.</summary>
    public required BuiltInRole Role { get; init; }

    /// <summary>The principal's object id.</summary>
    public required Input<string> PrincipalId { get; init; }

    /// <summary>The kind of principal: <c>ServicePrincipal</c> (managed identities; the default), <c>Group</c> or <c>User</c>.</summary>
    public string PrincipalType { get; init; } = "ServicePrincipal";
}
