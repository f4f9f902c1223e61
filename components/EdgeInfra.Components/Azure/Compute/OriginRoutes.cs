namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The routes (<see cref="RouteAccess"/>) as an origin enforces their roles, whatever its flavor: the request's path
/// falls under the route with the longest prefix it starts with, segment by segment (<c>/orders</c> covers
/// <c>/orders</c> and <c>/orders/1</c>, not <c>/ordersx</c>; <c>/</c> covers every path); when that route lists roles,
/// the <c>X-Edge-Roles</c> header (header schema 2: role names separated by one space) must hold at least one of them,
/// compared case-sensitively as whole names. A route without roles (scopes only, checked at the edge) still decides
/// for the paths under it, so a more specific route can open what a shorter one restricts, exactly as at the edge.
/// The routes are validated (<see cref="OriginRouteValidation"/>) before any flavor renders them.
/// </summary>
internal sealed class OriginRoutes
{
    /// <summary>The header the edge writes the token's roles in (header schema 2).</summary>
    public const string RolesHeader = "X-Edge-Roles";

    /// <summary>Takes the validated <paramref name="routes"/>.</summary>
    public OriginRoutes(IReadOnlyList<RouteAccess> routes) =>
        LongestFirst = [.. routes.OrderByDescending(route => route.PathPrefix.Length).ThenBy(route => route.PathPrefix, StringComparer.Ordinal)];

    /// <summary>The routes, the longest prefix first: the first that covers a path is the one that decides.</summary>
    public IReadOnlyList<RouteAccess> LongestFirst { get; }

    /// <summary>Whether any route lists roles (without one the origin checks nothing).</summary>
    public bool AnyRoles => LongestFirst.Any(route => route.Roles.Count > 0);

    /// <summary>Whether <paramref name="prefix"/> covers <paramref name="path"/>: equal, or followed by <c>/</c> in it, or <c>/</c>.</summary>
    public static bool Covers(string prefix, string path, StringComparison comparison = StringComparison.Ordinal) =>
        prefix == "/"
        || string.Equals(path, prefix, comparison)
        || (path.Length > prefix.Length && path.StartsWith(prefix, comparison) && path[prefix.Length] == '/');

    /// <summary>
    /// The other routes under <paramref name="route"/> (their prefix is covered by its prefix): paths under them are
    /// theirs to decide, not <paramref name="route"/>'s.
    /// </summary>
    public IEnumerable<RouteAccess> Nested(RouteAccess route, StringComparison comparison = StringComparison.Ordinal) =>
        LongestFirst.Where(other => !ReferenceEquals(other, route) && other.PathPrefix.Length > route.PathPrefix.Length && Covers(route.PathPrefix, other.PathPrefix, comparison));

    /// <summary>
    /// <paramref name="name"/> as a literal in a regular expression (PCRE or ECMAScript): of the characters a valid
    /// prefix, role or scope can hold (letters, digits, <c>. _ ~ - :</c>) only <c>.</c> is special outside a character class.
    /// </summary>
    public static string RegexLiteral(string name) => name.Replace(".", @"\.", StringComparison.Ordinal);

    /// <summary>
    /// A regular expression (PCRE and ECMAScript alike) that matches a roles header holding at least one of
    /// <paramref name="roles"/> as a whole name: at the start or after a space, then at the end or before a space.
    /// </summary>
    public static string RolesPattern(IEnumerable<string> roles) =>
        "(^| )(" + string.Join("|", roles.Select(RegexLiteral)) + ")( |$)";
}
