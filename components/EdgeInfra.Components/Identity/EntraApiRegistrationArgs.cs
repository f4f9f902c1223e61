using EdgeInfra.Components.Azure;

namespace EdgeInfra.Components.Identity;

/// <summary>The arguments of an <see cref="EntraApiRegistration"/>: the API's name, identifier URI, scopes, app roles and workload clients.</summary>
public sealed class EntraApiRegistrationArgs
{
    /// <summary>The application's display name in Entra ID: 1 to 120 characters, no control characters. Required.</summary>
    public required ValidatedInput<string> DisplayName { get; init; }

    /// <summary>
    /// The application ID URI clients name the API by (<c>{uri}/.default</c>, <c>{uri}/orders.read</c>). Null gives
    /// <c>api://{client id}</c>, the default format every tenant accepts whatever its app management policy
    /// (https://learn.microsoft.com/entra/identity-platform/identifier-uri-restrictions). Otherwise it must have one of the
    /// formats that page lists as secure that can be told at synthesis: <c>https://{host}[/path]</c> or
    /// <c>api://{host}/{path}</c> on a domain verified in the tenant, or <c>api://{tenant id}/{path}</c>; a bare
    /// <c>api://{name}</c> is refused. No trailing <c>/</c>, spaces, query or fragment. Default: null.
    /// </summary>
    public ValidatedInput<string>? IdentifierUri { get; init; }

    /// <summary>The delegated permissions the API exposes; values distinct. Default: none.</summary>
    public IReadOnlyList<EntraApiScope> Scopes { get; init; } = [];

    /// <summary>The app roles of the API; values distinct. Default: none.</summary>
    public IReadOnlyList<EntraAppRole> AppRoles { get; init; } = [];

    /// <summary>
    /// With <see cref="LockKind.CanNotDelete"/>, the API's application and service principal get Pulumi's <c>protect</c>
    /// and <c>retainOnDelete</c>: their client id is the audience every caller's tokens name, and a new application would
    /// have a new one. Default: <see cref="LockKind.None"/>.
    /// </summary>
    public LockKind Lock { get; init; } = LockKind.None;

    /// <summary>The workload clients to register, each federated and granted its app roles; names distinct. Default: none.</summary>
    public IReadOnlyList<EntraWorkloadClient> Clients { get; init; } = [];
}
