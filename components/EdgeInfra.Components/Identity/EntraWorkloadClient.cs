namespace EdgeInfra.Components.Identity;

/// <summary>
/// A workload (a pipeline, a service in another cloud, a Kubernetes pod) that calls the API as itself: it gets its own
/// application and service principal, signs in with workload identity federation (a token from its own platform,
/// exchanged at Entra ID; no password or certificate exists to leak), and is granted the app roles it may use as
/// application permissions (https://learn.microsoft.com/graph/api/resources/federatedidentitycredential,
/// https://learn.microsoft.com/entra/workload-id/workload-identity-federation).
/// </summary>
public sealed record EntraWorkloadClient
{
    /// <summary>
    /// The client's name in the program: its resources are <c>client-{name}-app</c>, <c>-sp</c>, <c>-federation</c> and
    /// <c>-role-{n}</c>; 1 to 40 lowercase letters, digits and <c>-</c>, starting with a letter. Required.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>The client application's display name in Entra ID. Default: null (the API's display name, <c>-</c> and <see cref="Name"/>).</summary>
    public ValidatedInput<string>? DisplayName { get; init; }

    /// <summary>
    /// The issuer of the workload's own tokens, an <c>https://</c> URL, e.g. <c>https://token.actions.githubusercontent.com</c>;
    /// it must match the external token's <c>iss</c> exactly. Required.
    /// </summary>
    public required ValidatedInput<string> Issuer { get; init; }

    /// <summary>
    /// The workload's identifier at that issuer, e.g. <c>repo:contoso/orders:environment:prod</c>; it must match the
    /// external token's <c>sub</c> exactly. 1 to 600 printable characters without spaces. Required.
    /// </summary>
    public required ValidatedInput<string> Subject { get; init; }

    /// <summary>
    /// The <c>aud</c> the external token carries: Microsoft recommends <c>api://AzureADTokenExchange</c>, the value
    /// Entra ID expects by default. Default: <c>["api://AzureADTokenExchange"]</c>.
    /// </summary>
    public IReadOnlyList<string> Audiences { get; init; } = [EntraApiRegistration.TokenExchangeAudience];

    /// <summary>
    /// The app roles (values) the client is granted as application permissions; each must be one of the registration's
    /// roles allowing <c>Application</c> members. Default: none.
    /// </summary>
    public IReadOnlyList<string> AppRoles { get; init; } = [];
}
