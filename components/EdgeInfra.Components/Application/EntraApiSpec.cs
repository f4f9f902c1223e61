using EdgeInfra.Components.Identity;

namespace EdgeInfra.Components.Application;

/// <summary>
/// The application's identity from Microsoft Entra ID: the application registers its API (an
/// <see cref="EntraApiRegistration"/> named <c>entra</c>) and the edge gateway verifies the API's v2.0 tokens, its issuer
/// and audience known at deployment only. Every scope and role that <see cref="EdgeFrontedApplicationArgs.Routes"/> require
/// is exposed by the registration (one source of truth); <see cref="Scopes"/> and <see cref="AppRoles"/> add others or
/// describe those with more than their value.
/// </summary>
public sealed record EntraApiSpec
{
    /// <summary>The API application's display name. Default: null (the property name).</summary>
    public ValidatedInput<string>? DisplayName { get; init; }

    /// <summary>The application ID URI (see <see cref="EntraApiRegistrationArgs.IdentifierUri"/>). Default: null (<c>api://{client id}</c>).</summary>
    public ValidatedInput<string>? IdentifierUri { get; init; }

    /// <summary>Scopes beyond those the routes require, or the routes' scopes with display names. Default: none.</summary>
    public IReadOnlyList<EntraApiScope> Scopes { get; init; } = [];

    /// <summary>App roles beyond those the routes require, or the routes' roles with display names and member types. Default: none.</summary>
    public IReadOnlyList<EntraAppRole> AppRoles { get; init; } = [];

    /// <summary>Workload clients, federated and granted app roles (see <see cref="EntraWorkloadClient"/>). Default: none.</summary>
    public IReadOnlyList<EntraWorkloadClient> Clients { get; init; } = [];

    /// <summary><c>jwksCacheSeconds</c> of the gateway: how long the tenant's keys are cached, 60 to 86400. Default: 300.</summary>
    public int JwksCacheSeconds { get; init; } = 300;

    /// <summary><c>clockSkewSeconds</c> of the gateway: the leeway on <c>exp</c>/<c>nbf</c>, 0 to 300. Default: 60.</summary>
    public int ClockSkewSeconds { get; init; } = 60;

    /// <summary>
    /// The registration's arguments: the declared scopes and app roles, then, in route order, each scope and role a route
    /// requires that is not declared (with default descriptions, roles open to users and applications).
    /// </summary>
    public EntraApiRegistrationArgs RegistrationArgs(ValidatedInput<string> propertyName, IReadOnlyList<RouteAccess> routes, Azure.LockKind lockKind = Azure.LockKind.None)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        ArgumentNullException.ThrowIfNull(routes);
        var scopes = new List<EntraApiScope>(Scopes);
        var roles = new List<EntraAppRole>(AppRoles);
        foreach (var route in routes.Where(r => r is not null))
        {
            foreach (var scope in route.Scopes ?? [])
            {
                if (!scopes.Any(s => string.Equals(s?.Value, scope, StringComparison.Ordinal)))
                {
                    scopes.Add(new EntraApiScope { Value = scope });
                }
            }

            foreach (var role in route.Roles ?? [])
            {
                if (!roles.Any(r => string.Equals(r?.Value, role, StringComparison.Ordinal)))
                {
                    roles.Add(new EntraAppRole { Value = role });
                }
            }
        }

        return new EntraApiRegistrationArgs
        {
            DisplayName = DisplayName ?? propertyName,
            IdentifierUri = IdentifierUri,
            Scopes = scopes,
            AppRoles = roles,
            Clients = Clients,
            Lock = lockKind,
        };
    }
}
