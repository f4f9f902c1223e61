using System.Text;

namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The IIS half of <see cref="OriginRoutes"/>: URL Rewrite rules that <see cref="IisOriginScript"/> puts into the site's
/// <c>web.config</c> after the origin-secret rule, one for each route that lists roles; nothing otherwise.
/// </summary>
/// <remarks>
/// <para>
/// Each rule's pattern is matched against the rule input, which for rules in the site's root <c>web.config</c> is the
/// request's URL path without the leading <c>/</c> and without the query string ("The rule pattern gets the URL string
/// content/default.aspx as an input"), in decoded form: the module keeps the original as the client sent it apart, in
/// <c>UNENCODED_URL</c> ("with all original encoding preserved"), besides <c>HTTP_X_ORIGINAL_URL</c> ("in decoded format")
/// (https://learn.microsoft.com/iis/extensions/url-rewrite-module/url-rewrite-module-configuration-reference,
/// "Accessing URL Parts from a Rewrite Rule" and "Preserving Original URL"). <c>{REQUEST_URI}</c> would be wrong: the
/// same page documents it as the path with the query string (<c>/orders?x</c> would escape <c>^/orders(/|$)</c>), and
/// <c>UNENCODED_URL</c> is not decoded (<c>/%6Frders</c> would escape it). The pattern is
/// <c>^(?!NESTED(?:/|$))…PREFIX(?:/|$)</c>: the route's prefix, segment-aware, except under a longer route nested in it
/// (ECMAScript lookaheads, the module's default syntax), so the longest prefix decides without depending on rule order
/// or <c>stopProcessing</c>; <c>/</c> is <c>^(?!…).*</c>. The pattern ignores case, the module's default ("By default,
/// case-insensitive pattern matching is used"), as IIS serves paths (<c>/ORDERS</c> is the same file or handler as
/// <c>/orders</c>); <see cref="OriginRouteValidation"/> makes sure no two prefixes overlap differently without case.
/// </para>
/// <para>
/// Its one condition is <c>{HTTP_X_EDGE_ROLES}</c> (the module's name for the <c>X-Edge-Roles</c> header: dashes to
/// underscores, capitals, <c>HTTP_</c> prefix, same page, "Using server variables in rewrite rules") not matching
/// <c>(^| )(ROLE|ROLE)( |$)</c> (<c>negate</c>, <c>ignoreCase="false"</c>: role names compare exactly), so a missing
/// header denies too. The action is the same <c>CustomResponse</c> 403 as the origin-secret rule, which evaluates no
/// further rule ("implies that no subsequent rules are evaluated"), with <c>EDGE_ORIGIN_AUTH</c> and the status
/// description set to <see cref="OriginBootSettings.RoleDeniedTag"/>, so the IIS log's <c>edge-origin-auth</c> field
/// carries it and the forwarder copies the line to the Application event log under that source.
/// </para>
/// </remarks>
internal static class IisOriginRoles
{
    /// <summary>How deep a rule is indented in the web.config template.</summary>
    private const string Indent = "        ";

    /// <summary>The rules, each line indented for the template and ending with a newline; empty when no route lists roles.</summary>
    public static string Rules(OriginRoutes routes)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(Indent).Append(line).Append('\n');

        foreach (var route in routes.LongestFirst.Where(route => route.Roles.Count > 0))
        {
            Line($"<rule name=\"edge-origin-role {route.PathPrefix}\" stopProcessing=\"true\">");
            Line($"  <match url=\"{MatchPattern(routes, route)}\" />");
            Line("  <conditions>");
            Line($"    <add input=\"{{{OriginBootSettings.IisServerVariableOf(OriginRoutes.RolesHeader)}}}\" pattern=\"{OriginRoutes.RolesPattern(route.Roles)}\" negate=\"true\" ignoreCase=\"false\" />");
            Line("  </conditions>");
            Line("  <serverVariables>");
            Line($"    <set name=\"EDGE_ORIGIN_AUTH\" value=\"{OriginBootSettings.RoleDeniedTag}\" />");
            Line("  </serverVariables>");
            Line($"  <action type=\"CustomResponse\" statusCode=\"403\" statusReason=\"Forbidden\" statusDescription=\"{OriginBootSettings.RoleDeniedTag}\" />");
            Line("</rule>");
        }

        return text.ToString();
    }

    /// <summary>The rule pattern of <paramref name="route"/>: its prefix (relative to the site root) except the routes nested in it.</summary>
    public static string MatchPattern(OriginRoutes routes, RouteAccess route)
    {
        var exclusions = string.Concat(routes.Nested(route, StringComparison.OrdinalIgnoreCase).Select(nested => $"(?!{Relative(nested.PathPrefix)}(?:/|$))"));
        return route.PathPrefix == "/"
            ? $"^{exclusions}.*"
            : $"^{exclusions}{Relative(route.PathPrefix)}(?:/|$)";
    }

    /// <summary>A prefix as a pattern of the rule input, which has no leading <c>/</c>.</summary>
    private static string Relative(string prefix) => OriginRoutes.RegexLiteral(prefix[1..]);
}
