namespace EdgeInfra.Stacks;

/// <summary>
/// The <c>entra</c> config: the API registered in Entra ID by the stack (see <c>EntraApiSpec</c>); its scopes and app
/// roles are those the <c>routes</c> require. The alternative to <c>jwt</c>.
/// </summary>
public sealed record EntraConfig
{
    /// <summary>The API application's display name; null means the property name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The application ID URI; null means <c>api://{client id}</c>.</summary>
    public string? IdentifierUri { get; init; }

    /// <summary>Workload clients, federated and granted app roles.</summary>
    public IReadOnlyList<EntraClientConfig>? Clients { get; init; }
}
