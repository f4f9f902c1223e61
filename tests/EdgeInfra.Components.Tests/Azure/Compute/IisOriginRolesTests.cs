using System.Text.RegularExpressions;
using System.Xml.Linq;
using EdgeInfra.Components.Azure.Compute;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginBootScriptTests;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>
/// The IIS origin's role rules, read from the web.config template in the boot script as a VM receives it. IIS cannot
/// run here: the template is parsed as XML and its rules are evaluated the way the URL Rewrite configuration reference
/// describes (rules in order; a rule's pattern against the path without its leading <c>/</c> and query, ignoring case
/// unless told; every condition of its <c>MatchAll</c> group, each possibly negated; a <c>CustomResponse</c> ends the
/// request), with .NET's ECMAScript regular expressions standing in for the module's.
/// </summary>
public sealed class IisOriginRolesTests
{
    private const string Secret = "the-current-origin-secret-0123456789";

    [Fact]
    public async Task One_rule_per_route_with_roles_refuses_a_verified_request_without_them_and_the_longest_prefix_decides()
    {
        var rules = await RulesAsync(Routes);

        Assert.Equal(["edge-origin-auth", "edge-origin-role /orders/public/admin", "edge-origin-role /reports.v1", "edge-origin-role /orders", "edge-origin-strip"], rules.Select(rule => (string)rule.Attribute("name")!));
        var orders = rules.Single(rule => (string)rule.Attribute("name")! == "edge-origin-role /orders");
        Assert.Equal("^(?!orders/public/admin(?:/|$))(?!orders/public(?:/|$))orders(?:/|$)", (string)orders.Element("match")!.Attribute("url")!);
        Assert.Null(orders.Element("match")!.Attribute("ignoreCase"));
        var condition = Assert.Single(orders.Element("conditions")!.Elements("add"));
        Assert.Equal("{HTTP_X_EDGE_ROLES}", (string)condition.Attribute("input")!);
        Assert.Equal(@"(^| )(Orders\.Reader|Orders\.Admin)( |$)", (string)condition.Attribute("pattern")!);
        Assert.Equal("true", (string)condition.Attribute("negate")!);
        Assert.Equal("false", (string)condition.Attribute("ignoreCase")!);
        Assert.Equal("edge-origin-role-denied", (string)orders.Element("serverVariables")!.Element("set")!.Attribute("value")!);
        var action = orders.Element("action")!;
        Assert.Equal(("CustomResponse", "403", "edge-origin-role-denied"), ((string)action.Attribute("type")!, (string)action.Attribute("statusCode")!, (string)action.Attribute("statusDescription")!));

        // (decoded path as IIS hands it to the rules, X-Edge-Roles or null for none, the refusal or null when it passes)
        var cases = new (string Path, string? Roles, string? Refusal)[]
        {
            ("/orders", "Orders.Reader", null),
            ("/orders/1", "Other Orders.Admin", null),
            ("/orders/1", "A Orders.Reader B", null),
            ("/orders", null, "edge-origin-role-denied"),
            ("/orders", "", "edge-origin-role-denied"),
            ("/orders/1", "Other", "edge-origin-role-denied"),
            ("/orders/1", "orders.reader", "edge-origin-role-denied"),
            ("/orders/1", "OrdersXReader", "edge-origin-role-denied"),
            ("/orders/1", "Orders.Reader2", "edge-origin-role-denied"),
            ("/orders/1", "Orders.Reader,Other", "edge-origin-role-denied"),
            // IIS serves paths ignoring case, and so do the rules.
            ("/ORDERS/1", null, "edge-origin-role-denied"),
            ("/Orders/Public/Admin", "Orders.Reader", "edge-origin-role-denied"),
            ("/ordersx", null, null),
            ("/other", null, null),
            ("/", null, null),
            ("/orders/public", null, null),
            ("/orders/public/list", null, null),
            ("/orders/publicx", null, "edge-origin-role-denied"),
            ("/orders/public/admin", "Orders.Reader", "edge-origin-role-denied"),
            ("/orders/public/admin/users", "Orders.Admin", null),
            ("/reports.v1/summary", "api:reports-reader_2", null),
            ("/reports.v1", "api:reports-reader", "edge-origin-role-denied"),
            ("/reportsXv1", null, null),
        };
        var failures = cases
            .Select(c => (c, Answer: Evaluate(rules, c.Path, Secret, c.Roles)))
            .Where(r => r.Answer != r.c.Refusal)
            .Select(r => $"{r.c.Path} roles={r.c.Roles ?? "(none)"}: {r.Answer ?? "passed"}, expected {r.c.Refusal ?? "passed"}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The origin-secret rule comes first: a request without the secret is the existing rejection.
        Assert.Equal("edge-origin-auth-failed", Evaluate(rules, "/orders", "not-the-origin-secret-0123456789", "Orders.Reader"));
    }

    [Fact]
    public async Task A_root_route_covers_every_path_but_those_of_longer_routes()
    {
        var rules = await RulesAsync([new() { PathPrefix = "/", Roles = ["Reader"] }, new() { PathPrefix = "/healthz" }]);

        var root = Assert.Single(rules, rule => (string)rule.Attribute("name")! == "edge-origin-role /");
        Assert.Equal("^(?!healthz(?:/|$)).*", (string)root.Element("match")!.Attribute("url")!);
        Assert.Equal("edge-origin-role-denied", Evaluate(rules, "/", Secret, null));
        Assert.Equal("edge-origin-role-denied", Evaluate(rules, "/anything/at/all", Secret, "Writer"));
        Assert.Null(Evaluate(rules, "/anything", Secret, "Reader"));
        Assert.Null(Evaluate(rules, "/healthz", Secret, null));
        Assert.Equal("edge-origin-role-denied", Evaluate(rules, "/healthzx", Secret, null));
    }

    [Fact]
    public async Task Without_routes_that_list_roles_the_template_is_unchanged()
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis)))[0];
        var scopesOnly = (await ScriptsAsync(Defaults(OriginFlavor.Iis, routes: [new() { PathPrefix = "/orders", Scopes = ["orders.read"] }])))[0];

        Assert.Equal(script, scopesOnly);
        Assert.DoesNotContain("HTTP_X_EDGE_ROLES", script, StringComparison.Ordinal);
    }

    /// <summary>The rules of the web.config template the boot script writes, with the secret's pattern as the refresh fills it in.</summary>
    private static async Task<List<XElement>> RulesAsync(IReadOnlyList<RouteAccess> routes)
    {
        var script = (await ScriptsAsync(Defaults(OriginFlavor.Iis, routes: routes)))[0];
        var start = script.IndexOf("$webConfig = @'\n", StringComparison.Ordinal) + "$webConfig = @'\n".Length;
        var template = script[start..script.IndexOf("\n'@", start, StringComparison.Ordinal)];
        var document = XDocument.Parse(template.Replace("__ORIGIN_SECRET_PATTERN__", $"^({Regex.Escape(Secret)})$", StringComparison.Ordinal));
        return [.. document.Root!.Element("system.webServer")!.Element("rewrite")!.Element("rules")!.Elements("rule")];
    }

    /// <summary>The status description of the rule that answers the request, or null when it reaches the site.</summary>
    private static string? Evaluate(List<XElement> rules, string path, string originSecret, string? roles)
    {
        var variables = new Dictionary<string, string>
        {
            ["{HTTP_X_ORIGIN_AUTH}"] = originSecret,
            ["{HTTP_X_EDGE_ROLES}"] = roles ?? string.Empty,
        };
        foreach (var rule in rules)
        {
            var match = rule.Element("match")!;
            if (!Matches((string)match.Attribute("url")!, path[1..], (string?)match.Attribute("ignoreCase") != "false"))
            {
                continue;
            }

            var conditions = rule.Element("conditions");
            Assert.True(conditions?.Attribute("logicalGrouping") is null, "the role rules use the default MatchAll grouping");
            var all = conditions?.Elements("add").All(condition =>
                Matches((string)condition.Attribute("pattern")!, variables[(string)condition.Attribute("input")!], (string?)condition.Attribute("ignoreCase") != "false")
                != ((string?)condition.Attribute("negate") == "true")) ?? true;
            if (!all)
            {
                continue;
            }

            var action = rule.Element("action")!;
            if ((string)action.Attribute("type")! == "CustomResponse")
            {
                return (string)action.Attribute("statusDescription")!;
            }

            if ((string?)rule.Attribute("stopProcessing") == "true")
            {
                return null;
            }
        }

        return null;
    }

    private static bool Matches(string pattern, string input, bool ignoreCase) =>
        Regex.IsMatch(input, pattern, RegexOptions.ECMAScript | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
}
