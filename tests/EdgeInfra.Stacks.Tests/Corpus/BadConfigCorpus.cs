using System.Text.Json.Nodes;

namespace EdgeInfra.Stacks.Tests.Corpus;

/// <summary>
/// One bad-input case: the stack, the config key, the nested field changed (or null), what was put there, the full value
/// of the key, and <see cref="Without"/>, a key removed for the case (jwt cases run without entra, its alternative).
/// </summary>
internal sealed record BadConfigCase(string Stack, string Key, string? Field, string Label, string? Value, string? Without = null);

/// <summary>
/// Generates bad config: for every key of the stacks and every nested field of the structured keys, one change per
/// case (wrong type, empty, null, huge, control characters, ANSI escapes, unknown fields and keys, out-of-range numbers, bad
/// CIDRs, country codes, emails, hostnames, times…). Every case is a value the stack must refuse.
/// </summary>
internal static class BadConfigCorpus
{
    private static readonly string Huge = new('a', 100 * 1024);

    /// <summary>Bad strings for any text field.</summary>
    private static readonly (string Label, string Value)[] BadText =
    [
        ("empty", string.Empty), ("blank", "   "), ("huge", Huge), ("newline", "ok\nrm -rf /"), ("trailing-newline", "ok\n"),
        ("nul", "ok\u0000x"), ("ansi", "\u001b[31mred\u001b[0m"), ("rtl-override", "ok\u202Etxt.exe"), ("carriage-return", "ok\r"),
        ("tab", "a\tb"), ("bell", "a\u0007b"),
    ];

    private static readonly (string Label, string Value)[] BadName =
    [
        .. BadText, ("space", "has space"), ("slash", "a/b"), ("json", "[1]"), ("dollar-ref", "${other}"), ("quote", "a'b\"c"),
        ("non-ascii", "wëst"), ("leading-hyphen", "-bad"), ("percent", "100%"),
    ];

    private static readonly (string Label, string Value)[] BadInteger =
    [
        ("empty", string.Empty), ("word", "thirty"), ("decimal", "1.5"), ("negative", "-1"), ("zero", "0"), ("overflow", "99999999999"),
        ("exponent", "1e3"), ("padded", " 30"), ("huge", new string('9', 100 * 1024)), ("ansi", "\u001b[31m30"), ("newline", "30\n"),
        ("json", "[30]"), ("too-big", "1000000"),
    ];

    private static readonly (string Label, string Value)[] BadBoolean =
    [
        ("empty", string.Empty), ("yes", "yes"), ("one", "1"), ("upper", "TRUE"), ("newline", "true\n"), ("ansi", "\u001b[1mtrue"), ("huge", Huge),
        ("json", "[true]"),
    ];

    private static readonly (string Label, string Value)[] BadEmail =
    [
        .. BadText, ("no-at", "not-an-email"), ("no-domain", "a@"), ("no-dot", "a@b"), ("double-at", "a@@example.com"),
        ("space", "a b@example.com"), ("angle", "<a@example.com>"), ("header-injection", "a@example.com\nBcc: x@evil.com"),
    ];

    private static readonly (string Label, string Value)[] BadHostname =
    [
        .. BadText, ("leading-hyphen", "-bad.example.com"), ("underscore", "bad_host.example.com"), ("empty-label", "a..example.com"),
        ("url", "https://x.example.com"), ("single-label", "localhost"), ("space", "a b.example.com"), ("port", "x.example.com:443"),
        ("ip", "203.0.113.7"), ("long-label", new string('a', 64) + ".example.com"),
    ];

    private static readonly (string Label, string Value)[] BadCidr =
    [
        .. BadText, ("no-prefix", "10.0.0.0"), ("prefix-33", "10.0.0.0/33"), ("octet-300", "300.1.1.1/24"), ("host-bits", "10.0.0.1/16"),
        ("everything", "0.0.0.0/0"), ("ipv6", "::/0"), ("negative-prefix", "10.0.0.0/-1"), ("word", "vnet"),
    ];

    private static readonly (string Label, string Value)[] BadAddressSpace =
    [
        .. BadCidr, ("public", "203.0.113.0/24"), ("loopback", "127.0.0.0/16"), ("huge-space", "10.0.0.0/4"),
    ];

    private static readonly (string Label, string Value)[] BadEdgeCidr =
    [
        .. BadCidr, ("slash-8", "1.0.0.0/8"), ("loopback", "127.0.0.0/8"), ("rfc1918-10", "10.1.0.0/16"), ("rfc1918-172", "172.16.0.0/12"),
        ("rfc1918-192", "192.168.0.0/24"), ("link-local", "169.254.0.0/16"), ("vnet-own", "10.20.1.0/24"), ("multicast", "224.0.0.0/24"),
        ("cgnat", "100.64.0.0/16"), ("this-network", "0.0.0.0/8"),
    ];

    private static readonly (string Label, string Value)[] BadCountry =
    [
        .. BadText, ("unassigned", "XX"), ("user-assigned", "ZZ"), ("reserved-eu", "EU"), ("lowercase", "gb"), ("alpha-3", "GBR"), ("one-letter", "G"),
        ("digits", "12"),
    ];

    private static readonly (string Label, string Value)[] BadLocation =
    [
        .. BadText, ("display-name", "West Europe"), ("upper", "WESTEUROPE"), ("punctuation", "west-europe!"), ("json", "[\"westeurope\"]"),
    ];

    private static readonly (string Label, string Value)[] BadUrl =
    [
        .. BadText, ("http", "http://login.example.com/x"), ("not-url", "not a url"), ("no-host", "https://"), ("ftp", "ftp://login.example.com/"),
        ("user-info", "https://user:pw@login.example.com/"), ("fragment", "https://login.example.com/#x"),
    ];

    private static readonly (string Label, string Value)[] BadTime =
    [
        .. BadText, ("past", "2020-01-01T00:00:00Z"), ("just-expired", "2026-11-30T23:59:59Z"), ("word", "next year"), ("month-13", "2027-13-01T00:00:00Z"),
        ("local", "2027-06-30T00:00:00"), ("offset", "2027-06-30T00:00:00+02:00"),
    ];

    private static readonly (string Label, string Value)[] BadSshKey =
    [
        .. BadText, ("not-key", "not a key"), ("type-only", "ssh-ed25519"), ("dsa", "ssh-dss AAAAB3NzaC1kc3MAAACBAP8= ops@example.com"),
        ("bad-base64", "ssh-ed25519 !!!notbase64!!! ops@example.com"), ("private", "-----BEGIN OPENSSH PRIVATE KEY-----"),
    ];

    /// <summary>A JSON value as the stack file would give it: strings unquoted, everything else as JSON.</summary>
    private static readonly (string Label, JsonNode? Value)[] WrongTypes =
    [
        ("null", null), ("number", JsonValue.Create(5)), ("boolean", JsonValue.Create(true)), ("array", new JsonArray()), ("object", new JsonObject()),
        ("array-of-null", new JsonArray((JsonNode?)null)),
    ];

    /// <summary>Bad scope and role names (contract: 1 to 120 letters, digits and . _ - :; with Entra ID not starting with '.').</summary>
    private static readonly (string Label, string Value)[] BadAccessName =
    [
        .. BadText, ("space", "has space"), ("slash", "a/b"), ("json", "[1]"), ("dollar-ref", "${other}"), ("quote", "a'b\"c"),
        ("non-ascii", "wëst"), ("leading-dot", ".admin"), ("percent", "100%"), ("too-long", new string('r', 121)), ("comma", "a,b"),
    ];

    private static readonly (string Label, string Value)[] BadPath =
    [
        .. BadText, ("no-slash", "admin"), ("trailing-slash", "/admin/"), ("query", "/a?b"), ("fragment", "/a#b"), ("space", "/a b"),
        ("url", "https://x.example.com/a"), ("double-slash", "//"), ("too-long", "/" + new string('p', 201)),
        ("root-alone", "/"), ("sub-delims", "/a;v=1"), ("percent", "/a%2Fb"), ("at-sign", "/@me"), ("dot-segment", "/a/../b"),
        ("dot-last", "/a/."), ("just-over-200", "/" + new string('p', 200)),
    ];

    private enum Kind
    {
        Text, Name, Integer, Boolean, Email, Hostname, AddressSpace, EdgeCidr, Country, Location, Url, Time, SshKey, Algorithm, AccessName, Path,
    }

    private static (string Label, string Value)[] Bad(Kind kind) => kind switch
    {
        Kind.Text => BadText,
        Kind.Name => BadName,
        Kind.Integer => BadInteger,
        Kind.Boolean => BadBoolean,
        Kind.Email => BadEmail,
        Kind.Hostname => BadHostname,
        Kind.AddressSpace => BadAddressSpace,
        Kind.EdgeCidr => BadEdgeCidr,
        Kind.Country => BadCountry,
        Kind.Location => BadLocation,
        Kind.Url => BadUrl,
        Kind.Time => BadTime,
        Kind.SshKey => BadSshKey,
        Kind.AccessName => BadAccessName,
        Kind.Path => BadPath,
        _ => [.. BadName, ("none", "none"), ("lowercase", "rs256"), ("unsupported", "ES512")],
    };

    private static readonly (string Key, Kind Kind)[] ScalarKeys =
    [
        ("environment", Kind.Name), ("location", Kind.Location), ("resourceGroupName", Kind.Name), ("lockStatefulResources", Kind.Boolean),
        ("akamaiContractId", Kind.Name), ("akamaiGroupId", Kind.Name), ("akamaiProductId", Kind.Name), ("propertyName", Kind.Name),
        ("edgeHostname", Kind.Hostname), ("activationNote", Kind.Text), ("activateProduction", Kind.Boolean),
        ("acknowledgeProductionRuleWarnings", Kind.Boolean), ("siteShieldMap", Kind.Name), ("originFlavor", Kind.Name), ("adminSshPublicKey", Kind.SshKey),
        ("vaultName", Kind.Name), ("originSecretExpiresOn", Kind.Time), ("originSecretRotation", Kind.Text), ("logRetentionDays", Kind.Integer),
        ("backupDailyRetentionDays", Kind.Integer), ("backupWeeklyRetentionWeeks", Kind.Integer), ("originCaIssuingGeneration", Kind.Integer),
    ];

    private static readonly (string Key, Kind Item, bool Required)[] ListKeys =
    [
        ("hostnames", Kind.Hostname, true), ("activationContacts", Kind.Email, true), ("edgeCidrs", Kind.EdgeCidr, true), ("alertEmails", Kind.Email, false),
        ("originCaGenerations", Kind.Integer, false),
    ];

    private static readonly (string Field, Kind Kind, bool IsList, bool Required)[] RegionFields =
    [
        ("name", Kind.Name, false, true), ("location", Kind.Location, false, true), ("addressSpace", Kind.AddressSpace, false, true),
        ("originSubnet", Kind.AddressSpace, false, true), ("vmCount", Kind.Integer, false, false), ("zones", Kind.Name, true, false),
        ("vmSize", Kind.Name, false, false), ("domainNameLabel", Kind.Name, false, true), ("backupVaultName", Kind.Name, false, true),
        ("countries", Kind.Country, true, false),
    ];

    private static readonly (string Field, Kind Kind, bool IsList, bool Required)[] JwtFields =
    [
        ("issuer", Kind.Url, false, true), ("audience", Kind.Text, false, true), ("jwksUrl", Kind.Url, false, true), ("algorithms", Kind.Algorithm, true, false),
    ];

    private static readonly (string Field, Kind Kind, bool IsList, bool Required)[] EntraFields =
    [
        ("displayName", Kind.Text, false, false), ("identifierUri", Kind.Url, false, false),
    ];

    private static readonly (string Field, Kind Kind, bool IsList, bool Required)[] EntraClientFields =
    [
        ("name", Kind.Name, false, true), ("issuer", Kind.Url, false, true), ("subject", Kind.Text, false, true), ("roles", Kind.AccessName, true, false),
    ];

    private static readonly (string Field, Kind Kind, bool IsList, bool Required)[] RouteFields =
    [
        ("pathPrefix", Kind.Path, false, true), ("scopes", Kind.AccessName, true, false), ("roles", Kind.AccessName, true, false),
    ];

    private static readonly (string Field, Kind Kind, bool IsList, bool Required)[] EdgeLogsFields =
    [
        ("storageAccountName", Kind.Name, false, true), ("containerName", Kind.Name, false, true), ("retentionDays", Kind.Integer, false, false),
        ("notificationEmails", Kind.Email, true, true),
    ];

    /// <summary>Every case.</summary>
    public static IEnumerable<BadConfigCase> Cases(Func<string, Dictionary<string, string>> configOf)
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            var config = configOf(stack);
            foreach (var (key, kind) in ScalarKeys)
            {
                if (stack == "dev" && key is "acknowledgeProductionRuleWarnings" or "backupWeeklyRetentionWeeks")
                {
                    continue; // prod sets them; dev would only repeat prod's cases
                }

                foreach (var (label, value) in Bad(kind))
                {
                    if (IsAcceptable(key, label))
                    {
                        continue;
                    }

                    yield return new(stack, key, null, label, value);
                }

                if (stack == "prod" && key is "location" or "environment" or "resourceGroupName" or "akamaiContractId" or "akamaiProductId")
                {
                    yield return new(stack, key, null, "missing", null);
                }
            }

            foreach (var (key, item, required) in ListKeys)
            {
                foreach (var (label, value) in ListCases(item, required))
                {
                    yield return new(stack, key, null, label, value);
                }
            }

            // Keys of the stack's namespace that the stack does not know: typos, wrong case, a field set at the top level.
            foreach (var key in new[] { "vmCnt", "vmCount", "locaton", "Location", "alertEmail", "jwtHmacKeys", "x" })
            {
                yield return new(stack, key, null, "unknown-key", "5");
            }

            yield return new(stack, "edgeCidrs", null, "221-slash-8", Json(Enumerable.Range(1, 221).Select(i => $"{i}.0.0.0/8")));
            yield return new(stack, "edgeCidrs", null, "300-slash-16", Json(Enumerable.Range(0, 300).Select(i => $"{11 + (i / 200)}.{i % 200}.0.0/16")));
            yield return new(stack, "edgeCidrs", null, "9-slash-10", Json(Enumerable.Range(0, 9).Select(i => $"{20 + i}.0.0.0/10")));
            yield return new(stack, "edgeCidrs", null, "duplicate", Json(["203.0.113.0/24", "203.0.113.0/24"]));

            // jwt is the alternative of the stacks' entra: its cases run without entra.
            foreach (var c in ObjectCases(stack, "jwt", StackConfig.OidcJwt, JwtFields, "algorithmz"))
            {
                yield return c with { Without = "entra" };
            }

            yield return new(stack, "jwt", "algorithms", "hs256-without-key", Set(StackConfig.OidcJwt, "algorithms", new JsonArray("RS256", "HS256")), "entra");
            yield return new(stack, "jwt", "algorithms", "duplicate", Set(StackConfig.OidcJwt, "algorithms", new JsonArray("RS256", "RS256")), "entra");
            yield return new(stack, "jwt", null, "with-entra", StackConfig.OidcJwt);
            yield return new(stack, "entra", null, "missing-without-jwt", null);
            foreach (var c in EntraCases(stack, config["entra"]))
            {
                yield return c;
            }

            foreach (var c in ListOfObjectsCases(stack, "routes", config["routes"], RouteFields, "rolez"))
            {
                yield return c;
            }

            var routes = JsonNode.Parse(config["routes"])!.AsArray();
            var twice = routes.DeepClone().AsArray();
            twice.Add(routes[0]!.DeepClone());
            yield return new(stack, "routes", "[1].pathPrefix", "duplicate-prefix", twice.ToJsonString());
            var bare = routes.DeepClone().AsArray();
            bare[0]!.AsObject().Remove("roles");
            bare[0]!.AsObject().Remove("scopes");
            yield return new(stack, "routes", "[0].roles", "no-scope-nor-role", bare.ToJsonString());
            foreach (var c in ObjectCases(stack, "edgeLogs", config["edgeLogs"], EdgeLogsFields, "retentionDayz"))
            {
                yield return c;
            }

            var regions = JsonNode.Parse(config["regions"])!.AsArray();
            foreach (var (label, value) in new[] { ("empty-list", "[]"), ("null-item", "[null]"), ("string-item", "[\"weu\"]"), ("object", "{}"), ("not-json", "[{"), ("empty", string.Empty), ("huge", Huge) })
            {
                yield return new(stack, "regions", null, label, value);
            }

            for (var i = 0; i < regions.Count; i++)
            {
                var region = regions[i]!.ToJsonString();
                foreach (var c in ObjectCases(stack, "regions", region, RegionFields, "vmCnt"))
                {
                    var changed = regions.DeepClone().AsArray();
                    changed[i] = ParseOrString(c.Value!);
                    yield return c with { Field = c.Field is null ? $"[{i}]" : $"[{i}].{c.Field}", Value = changed.ToJsonString() };
                }
            }

            if (regions.Count > 1)
            {
                var same = regions.DeepClone().AsArray();
                same[1]!["countries"] = new JsonArray("IE");
                yield return new(stack, "regions", "[1].countries", "country-in-two-regions", same.ToJsonString());
            }
        }
    }

    /// <summary>The cases of <c>entra</c>: its own fields, and each field of each of its clients.</summary>
    private static IEnumerable<BadConfigCase> EntraCases(string stack, string json)
    {
        foreach (var c in ObjectCases(stack, "entra", json, EntraFields, "clientz"))
        {
            yield return c;
        }

        foreach (var (label, value) in new[] { ("api-name", "api://edgeinfra"), ("api-no-path", "api://contoso.com"), ("trailing-slash", "https://contoso.com/api/"), ("urn", "urn:edgeinfra") })
        {
            yield return new(stack, "entra", "identifierUri", label, Set(json, "identifierUri", JsonValue.Create(value)));
        }

        var clients = JsonNode.Parse(json)!["clients"]!.ToJsonString();
        foreach (var c in ListOfObjectsCases(stack, "entra", clients, EntraClientFields, "rolez"))
        {
            yield return c with { Field = c.Field is null ? "clients" : "clients" + c.Field, Value = Set(json, "clients", ParseOrString(c.Value!)) };
        }

        var unknownRole = JsonNode.Parse(clients)!.AsArray();
        unknownRole[0]!["roles"] = new JsonArray("Not.A.Route.Role");
        yield return new(stack, "entra", "clients[0].roles[0]", "role-no-route-requires", Set(json, "clients", unknownRole));
        var sameName = JsonNode.Parse(clients)!.AsArray();
        sameName.Add(sameName[0]!.DeepClone());
        sameName[1]!["subject"] = "other";
        yield return new(stack, "entra", "clients[1].name", "duplicate-name", Set(json, "clients", sameName));
    }

    /// <summary>The cases of a key holding a list of objects: the list itself, then each field of each item.</summary>
    private static IEnumerable<BadConfigCase> ListOfObjectsCases(string stack, string key, string json, (string Field, Kind Kind, bool IsList, bool Required)[] fields, string unknown)
    {
        foreach (var (label, value) in new[] { ("empty-list", "[]"), ("null-item", "[null]"), ("string-item", "[\"x\"]"), ("object", "{}"), ("not-json", "[{"), ("empty", string.Empty), ("huge", Huge) })
        {
            yield return new(stack, key, null, label, value);
        }

        var items = JsonNode.Parse(json)!.AsArray();
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var c in ObjectCases(stack, key, items[i]!.ToJsonString(), fields, unknown))
            {
                var changed = items.DeepClone().AsArray();
                changed[i] = ParseOrString(c.Value!);
                yield return c with { Field = c.Field is null ? $"[{i}]" : $"[{i}].{c.Field}", Value = changed.ToJsonString() };
            }
        }
    }

    /// <summary>Generated values that are legitimately accepted for a key.</summary>
    private static bool IsAcceptable(string key, string label) =>
        (key, label) is ("resourceGroupName", "leading-hyphen"); // Azure allows a hyphen anywhere in a resource group name

    /// <summary>A plain JSON integer (digits only); other texts stay strings.</summary>
    private static bool IsNumber(string text, out int number)
    {
        number = 0;
        return text.Length is > 0 and < 10 && text.TrimStart('-').All(char.IsAsciiDigit) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    private static IEnumerable<(string Label, string Value)> ListCases(Kind item, bool required)
    {
        foreach (var (label, value) in new[] { ("empty", string.Empty), ("not-json", "[\"a\""), ("object", "{}"), ("string", "\"a\""), ("null-item", "[null]"), ("nested", "[[]]"), ("object-item", "[{}]"), ("huge", Huge) })
        {
            yield return (label, value);
        }

        if (required)
        {
            yield return ("empty-list", "[]");
        }

        yield return ("number-item", item == Kind.Integer ? "[\"x\"]" : "[5]");
        foreach (var (label, value) in Bad(item))
        {
            yield return ("item-" + label, item == Kind.Integer && IsNumber(value, out var number) ? $"[{number}]" : Json([value]));
        }
    }

    private static IEnumerable<BadConfigCase> ObjectCases(string stack, string key, string json, (string Field, Kind Kind, bool IsList, bool Required)[] fields, string unknown)
    {
        foreach (var (label, value) in new[] { ("empty", string.Empty), ("array", "[]"), ("null", "null"), ("string", "\"x\""), ("not-json", "{"), ("huge", Huge) })
        {
            yield return new(stack, key, null, label, value);
        }

        var typo = JsonNode.Parse(json)!.AsObject();
        typo[unknown] = 5;
        yield return new(stack, key, unknown, "unknown-field", typo.ToJsonString());
        var stray = JsonNode.Parse(json)!.AsObject();
        stray["\u001b[31mevil"] = "x";
        yield return new(stack, key, "evil", "unknown-field-ansi", stray.ToJsonString());
        foreach (var (field, kind, isList, required) in fields)
        {
            if (required)
            {
                var without = JsonNode.Parse(json)!.AsObject();
                without.Remove(field);
                yield return new(stack, key, field, "missing", without.ToJsonString());
            }

            foreach (var (label, node) in WrongTypes)
            {
                if (node is null && !required)
                {
                    continue; // null means "the default" for an optional field
                }

                if ((isList && label is "array") || (!isList && kind == Kind.Integer && label == "number"))
                {
                    continue; // the right type (an empty list is checked below)
                }

                yield return new(stack, key, field, "type-" + label, Set(json, field, node?.DeepClone()));
            }

            foreach (var (label, value) in Bad(kind))
            {
                JsonNode? node = kind == Kind.Integer && IsNumber(value, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
                yield return new(stack, key, field, label, Set(json, field, isList ? new JsonArray(node) : node));
            }

            if (isList)
            {
                yield return new(stack, key, field, "empty-list", Set(json, field, new JsonArray()));
            }
        }
    }

    private static JsonNode? ParseOrString(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string Set(string json, string field, JsonNode? value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node[field] = value;
        return node.ToJsonString();
    }

    private static string Json(IEnumerable<string> items) => new JsonArray([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]).ToJsonString();
}
