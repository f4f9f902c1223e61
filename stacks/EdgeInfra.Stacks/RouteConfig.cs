namespace EdgeInfra.Stacks;

/// <summary>An item of <c>routes</c>: who may call the paths under a prefix (see <c>RouteAccess</c>).</summary>
public sealed record RouteConfig
{
    /// <summary>The path prefix, starting with <c>/</c>.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Scopes the token must all carry.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>App roles of which the token must carry one.</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}
