namespace EdgeInfra.Components;

/// <summary>
/// Who may call the paths under <see cref="PathPrefix"/>: the one declaration that both the edge gateway (which
/// answers 403 <c>insufficient_scope</c> to a valid token without them) and every origin flavor (nginx, Kong, IIS,
/// which refuse a request whose <c>X-Edge-Roles</c> header lacks them) enforce, and from which an Entra ID API
/// registration takes its exposed scopes and app roles. The longest matching prefix decides; a path no route
/// matches needs only a valid token.
/// </summary>
public sealed record RouteAccess
{
    /// <summary>The path prefix, starting with <c>/</c>, as the request path starts (<c>/orders</c> matches <c>/orders</c> and <c>/orders/1</c>, not <c>/ordersx</c>). Required.</summary>
    public required string PathPrefix { get; init; }

    /// <summary>Scopes the token must carry, every one of them (OAuth <c>scope</c> / Entra <c>scp</c>). Default: none.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>App roles the token must carry, at least one of them (the <c>roles</c> claim). Default: none.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}
