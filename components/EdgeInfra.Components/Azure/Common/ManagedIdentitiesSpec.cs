namespace EdgeInfra.Components.Azure;

/// <summary>
/// The managed identities a component's main resource gets (Azure Verified Modules' <c>managedIdentities</c>): a
/// system-assigned identity, user-assigned ones, both, or none. See <see cref="AzureComponentArgs.ManagedIdentities"/>
/// for the components that take it.
/// </summary>
public sealed record ManagedIdentitiesSpec
{
    /// <summary>Whether the resource gets its own system-assigned identity, created and deleted with it. Default: false.</summary>
    public bool SystemAssigned { get; init; }

    /// <summary>The resource ids of user-assigned identities to attach (<c>/subscriptions/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/…</c>). Default: none.</summary>
    public IReadOnlyList<Input<string>> UserAssignedResourceIds { get; init; } = [];
}
