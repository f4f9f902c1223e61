using System.Globalization;
using System.Text.Json;
using EdgeInfra.Components.Azure;

namespace EdgeInfra.Components.Common;

/// <summary>
/// The rules of a list of routes (<see cref="RouteAccess"/>, or the gateway's <see cref="Akamai.EdgeGatewayRoute"/>),
/// the same as the edge-gateway bundle's <c>lib/config.js</c>: a path prefix of one or more unreserved segments, unique
/// ignoring case (the gateway compares paths ignoring case); scope and role names of 1 to 120 letters, digits,
/// <c>.</c>, <c>_</c>, <c>-</c> and <c>:</c> (Entra ID scope and app role values cannot contain spaces), each listed once.
/// </summary>
internal static class RouteAccessValidation
{
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
