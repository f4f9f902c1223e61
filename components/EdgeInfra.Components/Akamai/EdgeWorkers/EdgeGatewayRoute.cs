namespace EdgeInfra.Components.Akamai;

/// <summary>
/// One entry of the <c>routes</c> list of the edge-gateway bundle's <c>config.json</c>: a valid token on a path under
/// <see cref="PathPrefix"/> must carry every one of <see cref="Scopes"/> and at least one of <see cref="Roles"/>, else
/// the gateway answers 403 <c>insufficient_scope</c>. The longest matching prefix decides. Built from the
/// application's <see cref="RouteAccess"/> declarations with <see cref="From"/>.
/// </summary>
/// <param name="PathPrefix"><c>pathPrefix</c>: <c>/</c> and one or more segments of letters, digits, <c>.</c>, <c>_</c>, <c>~</c> and <c>-</c>, no trailing <c>/</c>, no <c>.</c> or <c>..</c> segment (the gateway resolves those in request paths, so such a prefix would never match), at most 200 characters; unique ignoring case.</param>
/// <param name="Scopes"><c>scopes</c>: all required; each 1 to 120 letters, digits, <c>.</c>, <c>_</c>, <c>-</c> and <c>:</c>.</param>
/// <param name="Roles"><c>roles</c>: one of them required (none listed: no role needed); same names as scopes.</param>
public sealed record EdgeGatewayRoute(string PathPrefix, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles)
{
    /// <summary>The gateway's route for <paramref name="access"/>: the same prefix, scopes and roles.</summary>
    public static EdgeGatewayRoute From(RouteAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new EdgeGatewayRoute(access.PathPrefix, access.Scopes, access.Roles);
    }
}
