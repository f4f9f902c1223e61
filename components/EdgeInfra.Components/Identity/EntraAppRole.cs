namespace EdgeInfra.Components.Identity;

/// <summary>
/// An app role of the API (<c>appRoles</c> of the application): users, groups or client applications assigned to it get
/// its value in the access token's <c>roles</c> claim (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference,
/// https://learn.microsoft.com/graph/api/resources/approle). Its id is derived from the registration's name and
/// <see cref="Value"/> (see <see cref="EntraApiRegistration.AppRoleIds"/>), so it never changes.
/// </summary>
public sealed record EntraAppRole
{
    /// <summary>
    /// The role as it appears in <c>roles</c>, e.g. <c>Orders.Admin</c>: 1 to 120 letters, digits and <c>. _ - :</c>, not
    /// starting with <c>.</c> (Microsoft Graph's <c>appRole.value</c> rule, narrowed to the names the edge and the origins
    /// accept). Required.
    /// </summary>
    public required string Value { get; init; }

    /// <summary>The name shown when the role is assigned or consented to. Default: null (the value).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The description shown when the role is assigned or consented to. Default: null (a sentence naming the value).</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Who may be assigned the role: <c>User</c> (users and groups), <c>Application</c> (client applications: an
    /// application permission), or both. Default: both.
    /// </summary>
    public IReadOnlyList<string> AllowedMemberTypes { get; init; } = [EntraApiRegistration.UserMember, EntraApiRegistration.ApplicationMember];

    /// <summary>Whether the role can be assigned. Entra refuses to delete an enabled role: disable it in one deployment, remove it in the next. Default: true.</summary>
    public bool Enabled { get; init; } = true;
}
