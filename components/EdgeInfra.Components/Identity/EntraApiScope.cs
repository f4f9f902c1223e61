namespace EdgeInfra.Components.Identity;

/// <summary>
/// A delegated permission the API exposes (<c>api.oauth2PermissionScopes</c> of the application): a client acting for a
/// signed-in user gets it in the access token's <c>scp</c> claim, space-separated
/// (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference). Its id is derived from the
/// registration's name and <see cref="Value"/> (see <see cref="EntraApiRegistration.ScopeIds"/>), so it never changes.
/// </summary>
public sealed record EntraApiScope
{
    /// <summary>
    /// The scope as it appears in <c>scp</c>, e.g. <c>orders.read</c>: 1 to 120 letters, digits and <c>. _ - :</c>, not
    /// starting with <c>.</c> (Microsoft Graph's <c>permissionScope.value</c> rule, narrowed to the names the edge and the
    /// origins accept). Required.
    /// </summary>
    public required string Value { get; init; }

    /// <summary>What an administrator sees when consenting. Default: null (the value).</summary>
    public string? AdminConsentDisplayName { get; init; }

    /// <summary>The longer text an administrator sees when consenting. Default: null (a sentence naming the value).</summary>
    public string? AdminConsentDescription { get; init; }

    /// <summary>Who may consent: <c>Admin</c> (administrators only) or <c>User</c> (users for themselves). Default: <c>Admin</c>.</summary>
    public string Type { get; init; } = EntraApiRegistration.AdminConsent;

    /// <summary>Whether the scope can be requested. Entra refuses to delete an enabled scope: disable it in one deployment, remove it in the next. Default: true.</summary>
    public bool Enabled { get; init; } = true;
}
