using System.Text;

namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The nginx half of <see cref="OriginRoutes"/>: what <see cref="NginxOriginScript"/> writes into
/// <c>edge-origin.conf</c> (an unquoted shell here-document, so nginx's <c>$</c> is written <c>\$</c>) when a route lists
/// roles; nothing otherwise.
/// </summary>
/// <remarks>
/// <para>
/// <c>$edge_route</c> maps the request's <c>$uri</c> to the prefix of the route that decides, or to an empty string when
/// none does or the deciding route lists no roles. <c>$uri</c> is the path nginx itself serves by: "normalized",
/// after "decoding the text encoded in the %XX form, resolving references to relative path components . and .., and
/// possible compression of two or more adjacent slashes into a single slash"
/// (https://nginx.org/en/docs/http/ngx_http_core_module.html#location and #var_uri), without the query string; so
/// <c>/%6Frders</c>, <c>//orders</c> and <c>/public/../orders</c> are all <c>/orders</c>. A <c>map</c> checks its regular
/// expressions "in the order of appearance in the configuration file" and takes the first that matches
/// (https://nginx.org/en/docs/http/ngx_http_map_module.html#map): the routes are listed longest prefix first, each as
/// <c>^PREFIX(/|$)</c> (segment-aware; <c>^/</c> for <c>/</c>), case-sensitive.
/// </para>
/// <para>
/// <c>$edge_role_denied</c> maps <c>"$edge_route $http_x_edge_roles"</c>: an empty route passes, a route passes when
/// one of its roles stands in the header as a whole name (<c>^PREFIX (.* )?(ROLE|ROLE)( |$)</c>, dots escaped: the only
/// character of a valid role name that PCRE treats specially), and anything else is denied (<c>default 1</c>, so a
/// missing header denies too). The server block answers 403 when it is set, after the origin-secret check, and a
/// second <c>access_log</c> sends the refused request to syslog tagged <see cref="OriginBootSettings.RoleDeniedTag"/> with
/// the route's prefix, only when the origin secret was right (a wrong secret is logged as the existing rejection).
/// </para>
/// </remarks>
internal static class NginxOriginRoles
{
    /// <summary>The log format and the maps, at the http level, on lines of their own after a newline; empty when no route lists roles.</summary>
    public static string Maps(OriginRoutes routes)
    {
        if (!routes.AnyRoles)
        {
            return string.Empty;
        }

        var text = new StringBuilder("\n");
        text.Append($"log_format edge_origin_role_denied '{OriginBootSettings.RoleDeniedTag} client=\\$remote_addr host=\\$host path_prefix=\\$edge_route request=\"\\$request\" roles=\"\\$http_x_edge_roles\"';\n");
        text.Append("# Roles per path (X-Edge-Roles, header schema 2): the route with the longest prefix of the normalized path decides.\n");
        text.Append("map \\$uri \\$edge_route {\n    default \"\";\n");
        foreach (var route in routes.LongestFirst)
        {
            var pattern = route.PathPrefix == "/" ? "^/" : "^" + OriginRoutes.RegexLiteral(route.PathPrefix) + "(/|\\$)";
            var value = route.Roles.Count > 0 ? route.PathPrefix : string.Empty;
            text.Append($"    \"~{pattern}\" \"{value}\";\n");
        }

        text.Append("}\n");
        text.Append("map \"\\$edge_route \\$http_x_edge_roles\" \\$edge_role_denied {\n    default 1;\n    \"~^ \" 0;\n");
        foreach (var route in routes.LongestFirst.Where(route => route.Roles.Count > 0))
        {
            var roles = string.Join("|", route.Roles.Select(OriginRoutes.RegexLiteral));
            text.Append($"    \"~^{OriginRoutes.RegexLiteral(route.PathPrefix)} (.* )?({roles})( |\\$)\" 0;\n");
        }

        text.Append("}\n");
        text.Append("map \"\\$origin_auth_failed:\\$edge_role_denied\" \\$edge_role_denied_logged { default 0; \"0:1\" 1; }");
        return text.ToString();
    }

    /// <summary>The check and its log line, in the server block after the origin-secret check; empty when no route lists roles.</summary>
    public static string ServerChecks(OriginRoutes routes) => !routes.AnyRoles
        ? string.Empty
        : """


              # A route's roles: the edge checked them too; this origin refuses what it let through without them.
              if (\$edge_role_denied) {
                  return 403;
              }
              access_log syslog:server=unix:${SYSLOG_SOCKET},facility=local0,severity=warn edge_origin_role_denied if=\$edge_role_denied_logged;
          """.TrimEnd();
}
