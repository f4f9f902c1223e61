using System.Globalization;
using System.Text.RegularExpressions;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Application;

/// <summary>
/// The checks of <see cref="EdgeFrontedApplicationArgs.Routes"/> (contract of <see cref="RouteAccess"/>): path prefixes
/// the gateway and the origins compare literally, each once; scope and role names of 1 to 120 letters, digits and
/// <c>. _ - :</c>; with Entra ID, names that the registration can expose too (not starting with <c>.</c>).
/// </summary>
internal static partial class RouteAccessValidation
{
    /// <summary>The rule of scope and role names, as messages state it.</summary>
    public const string NameRule = "1 to 120 letters, digits and . _ - : (no spaces)";

    public static void Check(EdgeFrontedApplicationArgs args, ComponentErrors errors)
    {
        var routes = args.Routes ?? [];
        var prefixes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            var at = $"routes[{I(i)}]";
            var route = routes[i];
            if (route is null)
            {
                errors.Add(at, "is null: describe the route");
                continue;
            }

            if (route.PathPrefix is not { } prefix || !ValidationPatterns.PathPrefix().IsMatch(prefix) || (prefix.Length > 1 && prefix.EndsWith('/')))
            {
                errors.Add($"{at}.pathPrefix", $"'{route.PathPrefix}' is not a path prefix: '/' followed by no whitespace, '?' or '#', without a trailing '/' (/orders matches /orders and /orders/..., not /ordersx)");
            }
            else if (!prefixes.TryAdd(prefix, i))
            {
                errors.Add($"{at}.pathPrefix", $"'{prefix}' repeats routes[{I(prefixes[prefix])}].pathPrefix: one route per prefix (the longest matching prefix decides)");
            }

            Names(route.Scopes, $"{at}.scopes", "scope", args.EntraApi is not null, errors);
            Names(route.Roles, $"{at}.roles", "role", args.EntraApi is not null, errors);
        }
    }

    private static void Names(IReadOnlyList<string>? names, string at, string what, bool entra, ComponentErrors errors)
    {
        names ??= [];
        for (var j = 0; j < names.Count; j++)
        {
            var name = names[j];
            var where = $"{at}[{I(j)}]";
            if (name is null || !NamePattern().IsMatch(name))
            {
                errors.Add(where, $"'{name}' is not a {what} name: {NameRule} (token claims list them space-separated)");
            }
            else if (entra && name.StartsWith('.'))
            {
                errors.Add(where, $"'{name}' starts with '.': Entra ID refuses scope and app role values that do (https://learn.microsoft.com/graph/api/resources/approle)");
            }
        }

        foreach (var twice in names.Where(n => n is not null).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(at, $"'{twice}' is listed twice: list each {what} once");
        }
    }

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,120}\z")]
    private static partial Regex NamePattern();
}
