using System.Globalization;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// Checks <see cref="OriginVmClusterArgs.Routes"/> before any origin script is rendered, so that every value written
/// into an nginx map, a Lua table or a URL Rewrite pattern is one none of them treats specially.
/// </summary>
internal static class OriginRouteValidation
{
    /// <summary>Adds every problem of <paramref name="routes"/> to <paramref name="errors"/>.</summary>
    /// <param name="routes">The routes.</param>
    /// <param name="caseInsensitivePaths">Whether the flavor serves paths case-insensitively (IIS).</param>
    /// <param name="errors">Where problems go.</param>
    public static void Check(IReadOnlyList<RouteAccess>? routes, bool caseInsensitivePaths, ComponentErrors errors)
    {
        if (routes is null)
        {
            errors.Add("routes", "null: give an empty list when no route restricts access");
            return;
        }

        for (var index = 0; index < routes.Count; index++)
        {
            var property = $"routes[{Text(index)}]";
            if (routes[index] is not { } route)
            {
                errors.Add(property, "null: give a route with a pathPrefix");
                continue;
            }

            CheckPrefix(route.PathPrefix, property + ".pathPrefix", errors);
            CheckNames(route.Roles, property + ".roles", "role", errors);
            CheckNames(route.Scopes, property + ".scopes", "scope", errors);

            for (var earlier = 0; earlier < index; earlier++)
            {
                if (routes[earlier]?.PathPrefix is not { } other || route.PathPrefix is null)
                {
                    continue;
                }

                if (other == route.PathPrefix)
                {
                    errors.Add(property + ".pathPrefix", $"'{route.PathPrefix}' is also the prefix of routes[{Text(earlier)}]: give each prefix once (the longest matching prefix decides, so two routes with one prefix would contradict each other)");
                }
                else if (caseInsensitivePaths && !NestAlike(other, route.PathPrefix))
                {
                    errors.Add(property + ".pathPrefix", $"'{route.PathPrefix}' and routes[{Text(earlier)}]'s '{other}' differ only in letter case where they overlap: IIS serves paths case-insensitively, so its origin compares them ignoring case and could not tell which route decides; give prefixes that differ in more than case");
                }
            }
        }
    }

    /// <summary>
    /// A path prefix: <c>/</c>, or <c>/</c>-separated segments of RFC 3986 unreserved characters (letters, digits,
    /// <c>. _ ~ -</c>, <see cref="ValidationPatterns.UrlPathPrefix"/>), none of which is ever percent-encoded
    /// differently, so the decoded path the origins compare (nginx <c>$uri</c>, IIS's URL) holds them exactly as declared.
    /// </summary>
    private static bool IsPathPrefix(string prefix) => prefix == "/" || ValidationPatterns.UrlPathPrefix().IsMatch(prefix);

    private static void CheckPrefix(string? prefix, string property, ComponentErrors errors)
    {
        if (prefix is null || !IsPathPrefix(prefix))
        {
            errors.Add(property, $"'{prefix}' is not a path prefix the origins can match: '/' or '/'-separated segments of letters, digits and '.', '_', '~', '-' (no empty segment, no trailing '/', no percent-encoding)");
        }
        else if (RouteAccessValidation.HasDotSegment(prefix))
        {
            errors.Add(property, $"'{prefix}' has a '.' or '..' segment: request paths are compared after those are resolved, so no path could start with it");
        }
        else if (prefix.Length > RouteAccessValidation.MaxPrefixLength)
        {
            errors.Add(property, $"'{prefix}' is longer than {Text(RouteAccessValidation.MaxPrefixLength)} characters");
        }
    }

    private static void CheckNames(IReadOnlyList<string>? names, string property, string kind, ComponentErrors errors)
    {
        if (names is null)
        {
            errors.Add(property, $"null: give an empty list when the route requires no {kind}");
            return;
        }

        for (var index = 0; index < names.Count; index++)
        {
            if (!ValidationPatterns.AccessName().IsMatch(names[index] ?? string.Empty))
            {
                errors.Add($"{property}[{Text(index)}]", $"'{names[index]}' is not a valid {kind} name: 1 to 120 letters, digits and '.', '_', '-', ':' (no spaces: the X-Edge-Roles and X-Edge-Scopes headers separate names with one)");
            }
        }
    }

    /// <summary>
    /// Whether two different prefixes overlap the same way compared with and without letter case: neither is equal to,
    /// or covers, the other ignoring case unless it does so exactly.
    /// </summary>
    private static bool NestAlike(string first, string second) =>
        OriginRoutes.Covers(first, second, StringComparison.OrdinalIgnoreCase) == OriginRoutes.Covers(first, second)
        && OriginRoutes.Covers(second, first, StringComparison.OrdinalIgnoreCase) == OriginRoutes.Covers(second, first);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
