using System.Globalization;
using System.Text.Json;
using EdgeInfra.Components.Azure;

namespace EdgeInfra.Components.Common;

/// <summary>
/// The rules of a list of routes (<see cref="RouteAccess"/>, or the gateway's <see cref="Akamai.EdgeGatewayRoute"/>),
/// the same as the edge-gateway bundle's <c>lib/config.js</c>: a path prefix of one or more unreserved segments, none of
/// them <c>.</c> or <c>..</c>, at most <see cref="MaxPrefixLength"/> characters, unique ignoring case (the gateway
/// compares paths ignoring case); scope and role names of 1 to 120 letters, digits,
/// <c>.</c>, <c>_</c>, <c>-</c> and <c>:</c> (Entra ID scope and app role values cannot contain spaces), each listed once.
/// </summary>
internal static class RouteAccessValidation
{
    /// <summary>The longest route path prefix the gateway and the origins accept.</summary>
    public const int MaxPrefixLength = 200;

    /// <summary>
    /// Whether <paramref name="prefix"/> has a <c>.</c> or <c>..</c> segment: the gateway and the origins compare request
    /// paths after resolving those, so no request path could start with such a prefix.
    /// </summary>
    public static bool HasDotSegment(string prefix) => prefix.Split('/').Any(segment => segment is "." or "..");

    /// <summary>Records every broken rule under <c>{where}[i].pathPrefix</c>, <c>{where}[i].scopes[j]</c> and so on.</summary>
    public static void Check(IEnumerable<(string? PathPrefix, IReadOnlyList<string>? Scopes, IReadOnlyList<string>? Roles)> routes, ComponentErrors errors, string where)
    {
        var list = routes.ToList();
        for (var index = 0; index < list.Count; index++)
        {
            var (pathPrefix, scopes, roles) = list[index];
            var at = $"{where}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (pathPrefix is null || !ValidationPatterns.UrlPathPrefix().IsMatch(pathPrefix))
            {
                errors.Add($"{at}.pathPrefix", $"value {Show(pathPrefix)} must be '/' and one or more segments of letters, digits, '.', '_', '~' or '-' separated by '/' (no trailing '/')");
            }
            else if (HasDotSegment(pathPrefix))
            {
                errors.Add($"{at}.pathPrefix", $"value {Show(pathPrefix)} must have no '.' or '..' segment: the gateway resolves those in request paths before comparing, so no request could match the route and it would never be enforced");
            }
            else if (pathPrefix.Length > MaxPrefixLength)
            {
                errors.Add($"{at}.pathPrefix", $"value {Show(pathPrefix)} must be at most {MaxPrefixLength.ToString(CultureInfo.InvariantCulture)} characters (it has {pathPrefix.Length.ToString(CultureInfo.InvariantCulture)}), the longest prefix the origins' route rules accept");
            }

            CheckNames(scopes, errors, $"{at}.scopes");
            CheckNames(roles, errors, $"{at}.roles");
        }

        foreach (var prefix in list.Select(r => r.PathPrefix).OfType<string>().GroupBy(p => p, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(where, $"pathPrefix {Show(prefix)} must appear only once, ignoring case (the gateway compares paths ignoring case)");
        }
    }

    private static void CheckNames(IReadOnlyList<string>? names, ComponentErrors errors, string where)
    {
        if (names is null)
        {
            errors.Add(where, "is null: give a list (empty for none)");
            return;
        }

        for (var index = 0; index < names.Count; index++)
        {
            var at = $"{where}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (names[index] is not { } name || !ValidationPatterns.AccessName().IsMatch(name))
            {
                errors.Add(at, $"value {Show(names[index])} must be 1 to 120 letters, digits, '.', '_', '-' or ':'");
            }
            else if (names.Take(index).Contains(name, StringComparer.Ordinal))
            {
                errors.Add(at, $"value {Show(name)} must appear only once");
            }
        }
    }

    private static string Show(string? value) => value is null ? "null" : JsonSerializer.Serialize(value);
}
