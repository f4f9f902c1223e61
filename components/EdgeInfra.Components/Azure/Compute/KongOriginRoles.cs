using System.Globalization;
using System.Text;

namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The Kong half of <see cref="OriginRoutes"/>: Lua that <see cref="KongOriginRefreshScript"/> writes into the global
/// <c>pre-function</c>'s <c>access</c> code after the origin-secret check, when a route lists roles; nothing otherwise.
/// </summary>
/// <remarks>
/// <para>
/// The routes are a Lua table, longest prefix first; the first whose prefix covers the path decides (plain string
/// comparison: <c>path == prefix</c> or <c>path</c> starts with <c>prefix .. "/"</c>, or the prefix is <c>/</c>). The path
/// is <c>ngx.var.uri</c>, nginx's normalized <c>$uri</c> (percent-decoded, <c>.</c>/<c>..</c> resolved, slashes merged:
/// https://nginx.org/en/docs/http/ngx_http_core_module.html#var_uri), the same form the nginx flavor compares; Kong's
/// <c>kong.request.get_path()</c> would leave reserved characters encoded (its PDK documents <c>%2f</c> becoming
/// <c>%2F</c>, kong/pdk/request.lua), so <c>/orders%2F1</c> would escape <c>/orders</c> there while an upstream that
/// decodes it serves <c>/orders/1</c>. The plugin's sandbox offers <c>ipairs</c>, <c>string.sub</c> and
/// <c>string.gmatch</c> (kong/tools/sandbox/environment/lua.lua) and hands the code <c>ngx</c>, which the mTLS check
/// already reads.
/// </para>
/// <para>
/// The roles header (<c>kong.request.get_header</c>, its first value) is split on spaces with <c>string.gmatch(h, "[^ ]+")</c>
/// and each name looked up in the route's set of roles: an exact, case-sensitive comparison with no pattern built from
/// a role name. A request without one of them gets 403 and a <c>kong.log.warn</c> line starting with
/// <see cref="OriginBootSettings.RoleDeniedTag"/> and naming the route's prefix, which rsyslog forwards like the
/// rejections.
/// </para>
/// <para>
/// The text goes into an unquoted shell here-document and a YAML block scalar: it holds no <c>$</c>, backquote or
/// backslash, and every value in it (prefixes and role names, <see cref="OriginRouteValidation"/>) is letters, digits
/// and <c>. _ ~ - : /</c>, none special in a Lua string literal.
/// </para>
/// </remarks>
internal static class KongOriginRoles
{
    /// <summary>How deep the <c>access</c> code is indented in the declarative config.</summary>
    private const string Indent = "          ";

    /// <summary>The Lua, each line indented for the config and ending with a newline; empty when no route lists roles.</summary>
    public static string Lua(OriginRoutes routes)
    {
        if (!routes.AnyRoles)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        void Line(string line) => text.Append(Indent).Append(line).Append('\n');

        Line("-- Roles per path (X-Edge-Roles, header schema 2): the route with the longest prefix of the normalized path decides.");
        Line("local routes = {");
        foreach (var route in routes.LongestFirst)
        {
            var roles = route.Roles.Count == 0
                ? "nil"
                : "{ " + string.Join(", ", route.Roles.Distinct(StringComparer.Ordinal).Select(role => $"[\"{role}\"] = true")) + " }";
            Line(string.Create(CultureInfo.InvariantCulture, $"  {{ prefix = \"{route.PathPrefix}\", roles = {roles} }},"));
        }

        Line("}");
        Line("local path = ngx.var.uri or \"\"");
        Line("for _, route in ipairs(routes) do");
        Line("  local prefix = route.prefix");
        Line("  if prefix == \"/\" or path == prefix or string.sub(path, 1, #prefix + 1) == prefix .. \"/\" then");
        Line("    if route.roles then");
        Line("      local granted = false");
        Line($"      for role in string.gmatch(kong.request.get_header(\"{OriginRoutes.RolesHeader}\") or \"\", \"[^ ]+\") do");
        Line("        if route.roles[role] then");
        Line("          granted = true");
        Line("        end");
        Line("      end");
        Line("      if not granted then");
        Line($"        kong.log.warn(\"{OriginBootSettings.RoleDeniedTag} client=\", kong.client.get_ip(), \" host=\", kong.request.get_host(), \" path_prefix=\", prefix, \" path=\", path)");
        Line("        return kong.response.exit(403, { message = \"Forbidden\" })");
        Line("      end");
        Line("    end");
        Line("    break");
        Line("  end");
        Line("end");
        return text.ToString();
    }
}
