using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeInfra.Components.Azure.Network;

namespace EdgeInfra.Stacks;

/// <summary>
/// Checks every key of the stack's config before a component is built, so that each error names the config key and
/// field the user set (<c>logRetentionDays</c>, <c>regions[0].vmCount</c>), the value (shortened, control characters
/// escaped) and the rule. Every problem is reported at once. The rules are listed in the README's stack config section.
/// </summary>
internal sealed partial class StackConfigCheck(Config config, DateTimeOffset now, Action<DateTimeOffset>? validUntil = null)
{
    /// <summary>The longest text of one key (structured values as JSON).</summary>
    public const int MaxKeyLength = 256 * 1024;

    /// <summary>The longest route path prefix, as the application and the gateway accept (RouteAccessValidation.MaxPrefixLength).</summary>
    public const int MaxRoutePathPrefixLength = 200;

    /// <summary>Edge ranges: the broadest one allowed (a /10 holds 4,194,304 addresses; Akamai's origin IP ACL has /10s and /11s).</summary>
    public const int BroadestEdgePrefix = 10;

    /// <summary>Edge ranges: the most addresses all of them may open (2^25, under 1% of IPv4; Akamai's whole ACL is about 14 million).</summary>
    public const long MaxEdgeAddresses = 1L << 25;

    private static readonly string[] RegionFields = ["name", "location", "addressSpace", "originSubnet", "vmCount", "zones", "vmSize", "domainNameLabel", "backupVaultName", "countries"];
    private static readonly string[] JwtFields = ["issuer", "audience", "jwksUrl", "algorithms"];
    private static readonly string[] EdgeLogsFields = ["storageAccountName", "containerName", "retentionDays", "notificationEmails"];
    private static readonly string[] EntraFields = ["displayName", "identifierUri", "clients"];
    private static readonly string[] EntraClientFields = ["name", "issuer", "subject", "roles"];
    private static readonly string[] RouteFields = ["pathPrefix", "scopes", "roles"];

    /// <summary>Ranges an edge server never sends from: this network, RFC 1918, CGNAT, loopback, link-local, multicast and reserved.</summary>
    private static readonly (string Cidr, string What)[] NonPublic =
    [
        ("0.0.0.0/8", "'this network'"), ("10.0.0.0/8", "private (RFC 1918)"), ("100.64.0.0/10", "shared address space (RFC 6598)"), ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"), ("172.16.0.0/12", "private (RFC 1918)"), ("192.168.0.0/16", "private (RFC 1918)"), ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
    ];

    /// <summary>Address spaces a VNet may use: RFC 1918 and the shared address space.</summary>
    private static readonly string[] PrivateSpaces = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

    /// <summary>Keys read other than through <see cref="Raw"/>: the HMAC key is a secret, only its presence is checked.</summary>
    private static readonly string[] SecretKeys = ["jwtHmacKey"];

    private readonly List<SynthesisError> _errors = [];
    private readonly SortedSet<string> _known = new(SecretKeys, StringComparer.Ordinal);
    private readonly List<(string Where, Ipv4Cidr Space)> _vnets = [];
    private readonly HashSet<string> _routeRoles = new(StringComparer.Ordinal);

    /// <summary>Checks every key; throws when one is wrong.</summary>
    /// <exception cref="SynthesisException">Every problem found.</exception>
    public void Run()
    {
        Text("environment", EnvironmentPattern(), "1 to 16 lowercase letters, digits and hyphens, starting with a letter, e.g. dev or prod", required: true);
        Text("location", LocationPattern(), "an Azure region's name, lowercase letters and digits, e.g. westeurope", required: true);
        Text("resourceGroupName", ResourceGroupPattern(), "an Azure resource group name: 1 to 90 letters, digits and _ . ( ) -, not ending in '.'", required: true);
        Boolean("lockStatefulResources");
        Text("akamaiContractId", ContractPattern(), "an Akamai contract id: ctr_ followed by letters, digits and hyphens, e.g. ctr_C-0000000", required: true);
        Text("akamaiGroupId", GroupPattern(), "an Akamai group id: grp_ followed by 1 to 9 digits, e.g. grp_123456", required: true);
        Text("akamaiProductId", ProductPattern(), "an Akamai product id: prd_ followed by letters, digits, _ and -, e.g. prd_Fresca", required: true);
        Text("propertyName", PropertyNamePattern(), "1 to 50 letters, digits, '.', '_' and '-', starting with a letter or digit", required: true);
        Text("edgeHostname", HostnamePattern(), "a DNS hostname of two or more labels, e.g. www.example.com.edgesuite.net", required: true);
        Text("activationNote", FreeTextPattern(), "1 to 500 printable characters", required: true);
        Boolean("activateProduction");
        Boolean("acknowledgeProductionRuleWarnings");
        Text("siteShieldMap", MapPattern(), "a Site Shield map name: letters, digits, '.', '_' and '-', e.g. s123.akamaiedge.net", required: false);
        Text("originFlavor", FlavorPattern(), "an origin flavor: nginx, kong or iis", required: true);
        SshKey("adminSshPublicKey");
        Text("vaultName", VaultPattern(), "a Key Vault name: 3 to 24 letters, digits and hyphens, starting with a letter, ending with a letter or digit", required: true);
        Expiry("originSecretExpiresOn");
        Text("originSecretRotation", FreeTextPattern(), "1 to 500 printable characters", required: true);
        Integer("logRetentionDays", 30, 730, "a Log Analytics workspace keeps data 30 to 730 days", required: true);
        Integer("backupDailyRetentionDays", 7, 9999, "Azure Backup keeps daily points 7 to 9999 days", required: true);
        Integer("backupWeeklyRetentionWeeks", 1, 5163, "Azure Backup keeps weekly points 1 to 5163 weeks", required: false);
        Integer("originCaIssuingGeneration", 1, 1000, "a CA generation is 1 to 1000", required: false);
        List("hostnames", required: true, 100, (at, item) =>
        {
            if (String(at, item, out var text))
            {
                Matches(at, text, HostnamePattern(), "a DNS hostname of two or more labels, e.g. www.example.com");
            }
        });
        List("activationContacts", required: true, 20, Email);
        List("alertEmails", required: false, 20, Email);
        List("originCaGenerations", required: false, 10, (at, item) => Number(at, item, 1, 1000, "a CA generation is 1 to 1000"));
        Regions();
        var entra = config.GetText("entra") is not null;
        Routes(entra);
        Jwt(entra);
        Entra();
        EdgeLogs();
        EdgeCidrs();
        UnknownKeys();
        if (_errors.Count > 0)
        {
            throw new SynthesisException(_errors);
        }
    }

    private void Add(string where, string message) => _errors.Add(new SynthesisError($"config 'edge-infra:{where}'", null, message));

    private static string Q(string? value) => ConfigException.Quote(value);

    /// <summary>The key's text, or null (a missing required key is reported); over <see cref="MaxKeyLength"/> is reported.</summary>
    private string? Raw(string key, bool required)
    {
        _known.Add(key);
        var text = config.GetText(key);
        if (text is null)
        {
            if (required)
            {
                Add(key, $"is missing: set it with `pulumi config set edge-infra:{key} <value>` (see the README's stack config section)");
            }

            return null;
        }

        if (text.Length > MaxKeyLength)
        {
            Add(key, $"{Q(text)} is too long: a config value is at most {MaxKeyLength.ToString(CultureInfo.InvariantCulture)} characters");
            return null;
        }

        return text;
    }

    private void Text(string key, Regex pattern, string rule, bool required)
    {
        if (Raw(key, required) is { } text)
        {
            Matches(key, text, pattern, rule);
        }
    }

    private bool Matches(string where, string text, Regex pattern, string rule)
    {
        if (text.Trim().Length == 0)
        {
            Add(where, $"{Q(text)} is empty: it must be {rule}");
            return false;
        }

        if (!pattern.IsMatch(text))
        {
            Add(where, $"{Q(text)} is not {rule}");
            return false;
        }

        return true;
    }

    private void Boolean(string key)
    {
        if (Raw(key, required: false) is { } text && text is not ("true" or "false"))
        {
            Add(key, $"{Q(text)} is not a boolean: true or false");
        }
    }

    private void Integer(string key, int min, int max, string rule, bool required)
    {
        if (Raw(key, required) is not { } text)
        {
            return;
        }

        if (!IntegerPattern().IsMatch(text) || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Add(key, $"{Q(text)} is not an integer: digits only, e.g. {min.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (value < min || value > max)
        {
            Add(key, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: {rule}");
        }
    }

    private void Number(string at, JsonElement item, int min, int max, string rule)
    {
        if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var value))
        {
            Add(at, $"{Show(item)} is not an integer: {rule}");
        }
        else if (value < min || value > max)
        {
            Add(at, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: {rule}");
        }
    }

    private bool String(string at, JsonElement item, out string text)
    {
        text = item.ValueKind == JsonValueKind.String ? item.GetString()! : string.Empty;
        if (item.ValueKind != JsonValueKind.String)
        {
            Add(at, $"{Show(item)} is not a string");
            return false;
        }

        return true;
    }

    private void Email(string at, JsonElement item)
    {
        if (String(at, item, out var text))
        {
            Matches(at, text, EmailPattern(), "an email address, e.g. platform@example.com");
        }
    }

    private static string Show(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Q(element.GetString()),
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object " + Q(element.GetRawText()),
        JsonValueKind.Array => "a list " + Q(element.GetRawText()),
        _ => Q(element.GetRawText()),
    };

    private JsonElement? Json(string key, bool required, JsonValueKind kind, string shape)
    {
        if (Raw(key, required) is not { } text)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != kind)
            {
                Add(key, $"{Show(document.RootElement)} is not {shape}");
                return null;
            }

            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Add(key, $"{Q(text)} is not {shape} (not valid JSON)");
            return null;
        }
    }

    private List<(string At, JsonElement Item)> List(string key, bool required, int max, Action<string, JsonElement> check)
    {
        var items = new List<(string, JsonElement)>();
        if (Json(key, required, JsonValueKind.Array, "a list") is not { } list)
        {
            return items;
        }

        ListItems(key, list, required, max, check, items);
        return items;
    }

    private void ListItems(string at, JsonElement list, bool required, int max, Action<string, JsonElement> check, List<(string, JsonElement)>? items = null)
    {
        var count = list.GetArrayLength();
        if (count == 0)
        {
            Add(at, required ? "is empty: give at least one item" : "is an empty list: leave it out instead");
        }
        else if (count > max)
        {
            Add(at, $"has {count.ToString(CultureInfo.InvariantCulture)} items: at most {max.ToString(CultureInfo.InvariantCulture)}");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var where = $"{at}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (!seen.Add(item.GetRawText()))
            {
                Add(where, $"{Show(item)} repeats an earlier item: items are distinct");
            }

            check(where, item);
            items?.Add((where, item));
            i++;
        }
    }

    /// <summary>Reports unknown and missing fields of an object; unknown ones with the closest known name.</summary>
    private void Fields(string at, JsonElement value, string[] known, string[] required)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Add($"{at}.{Escape(property.Name)}", $"is not a field of {at}{Hint(known, property.Name)}: the fields are {string.Join(", ", known)}");
            }
        }

        foreach (var field in required)
        {
            if (!value.TryGetProperty(field, out var present) || present.ValueKind == JsonValueKind.Null)
            {
                Add($"{at}.{field}", "is missing: the field is required");
            }
        }
    }

    /// <summary>
    /// Reports every key of the stack's namespace that no check above read (a typo such as <c>vmCnt</c> would otherwise
    /// fall back to a default silently), with the closest known key; other namespaces (<c>azure-native:location</c>) are
    /// the providers' and are not looked at.
    /// </summary>
    private void UnknownKeys()
    {
        foreach (var key in config.Keys.Where(k => !_known.Contains(k)))
        {
            Add(Escape(key), $"is not a config key of this stack{Hint(_known, key)}: see the README's stack config section for the keys");
        }
    }

    /// <summary>" (did you mean 'x'?)" for the closest of <paramref name="known"/> when it is close enough, else empty.</summary>
    private static string Hint(IEnumerable<string> known, string name)
    {
        var closest = known.MinBy(k => Distance(k.ToLowerInvariant(), name.ToLowerInvariant()))!;
        return Distance(closest.ToLowerInvariant(), name.ToLowerInvariant()) <= Math.Max(2, closest.Length / 3) ? $" (did you mean '{closest}'?)" : string.Empty;
    }

    private static string Escape(string name)
    {
        var quoted = Q(name);
        return quoted[1..quoted.LastIndexOf('\'')];
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>The optional field <paramref name="name"/>: absent and null mean the default.</summary>
    private static JsonElement? Field(JsonElement value, string name) =>
        value.TryGetProperty(name, out var field) && field.ValueKind != JsonValueKind.Null ? field : null;

    private void TextField(string at, JsonElement value, string name, Regex pattern, string rule)
    {
        if (Field(value, name) is { } field && String($"{at}.{name}", field, out var text))
        {
            Matches($"{at}.{name}", text, pattern, rule);
        }
    }

    private void ListField(string at, JsonElement value, string name, int max, Action<string, JsonElement> check)
    {
        if (Field(value, name) is not { } field)
        {
            return;
        }

        if (field.ValueKind != JsonValueKind.Array)
        {
            Add($"{at}.{name}", $"{Show(field)} is not a list");
            return;
        }

        ListItems($"{at}.{name}", field, required: true, max, check);
    }

    private void Regions()
    {
        if (Json("regions", required: true, JsonValueKind.Array, "a list of regions") is not { } regions)
        {
            return;
        }

        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        ListItems("regions", regions, required: true, 10, (at, region) =>
        {
            if (region.ValueKind != JsonValueKind.Object)
            {
                Add(at, $"{Show(region)} is not a region: an object with the fields {string.Join(", ", RegionFields)}");
                return;
            }

            Fields(at, region, RegionFields, ["name", "location", "addressSpace", "originSubnet", "domainNameLabel", "backupVaultName"]);
            TextField(at, region, "name", RegionNamePattern(), "a region name: 1 to 12 lowercase letters and digits, starting with a letter");
            if (Field(region, "name") is { ValueKind: JsonValueKind.String } name && !names.TryAdd(name.GetString()!, at))
            {
                Add($"{at}.name", $"{Q(name.GetString())} repeats {names[name.GetString()!]}.name: region names are unique");
            }

            TextField(at, region, "location", LocationPattern(), "an Azure region's name, lowercase letters and digits, e.g. westeurope");
            var space = Cidr(at, region, "addressSpace");
            if (space is { } s)
            {
                if (!PrivateSpaces.Any(p => Parse(p).Contains(s)) || s.PrefixLength < 8 || s.PrefixLength > 29)
                {
                    Add($"{at}.addressSpace", $"'{s}' is not a private address space: a /8 to /29 inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10");
                }
                else
                {
                    foreach (var (other, otherSpace) in _vnets.Where(v => v.Space.Overlaps(s)))
                    {
                        Add($"{at}.addressSpace", $"'{s}' overlaps {other} '{otherSpace}': regions' address plans must not overlap, so that their networks can be peered and routed");
                    }

                    _vnets.Add(($"{at}.addressSpace", s));
                }
            }

            if (Cidr(at, region, "originSubnet") is { } subnet && space is { } outer && !outer.Contains(subnet))
            {
                Add($"{at}.originSubnet", $"'{subnet}' is outside the region's address space '{outer}'");
            }

            if (Field(region, "vmCount") is { } count)
            {
                Number($"{at}.vmCount", count, 1, 10, "a region runs 1 to 10 origin VMs");
            }

            ListField(at, region, "zones", 3, (where, zone) =>
            {
                if (String(where, zone, out var text))
                {
                    Matches(where, text, ZonePattern(), "an availability zone: 1, 2 or 3");
                }
            });
            TextField(at, region, "vmSize", VmSizePattern(), "an Azure VM size, e.g. Standard_B2s_v2");
            TextField(at, region, "domainNameLabel", DnsLabelPattern(), "a DNS label: 3 to 63 lowercase letters, digits and hyphens, starting with a letter");
            TextField(at, region, "backupVaultName", BackupVaultPattern(), "a Recovery Services vault name: 2 to 50 letters, digits and hyphens, starting with a letter");
            ListField(at, region, "countries", 250, (where, country) =>
            {
                if (!String(where, country, out var code))
                {
                    return;
                }

                if (!CountryCodes.IsAssigned(code))
                {
                    Add(where, $"{Q(code)} is not an assigned ISO 3166-1 alpha-2 country code (two uppercase letters, e.g. GB)");
                }
                else if (!countries.TryAdd(code, where))
                {
                    Add(where, $"{Q(code)} is already routed by {countries[code]}: a country goes to one region");
                }
            });
        });
    }

    private Ipv4Cidr? Cidr(string at, JsonElement value, string name)
    {
        if (Field(value, name) is not { } field || !String($"{at}.{name}", field, out var text))
        {
            return null;
        }

        if (!Ipv4Cidr.TryParse(text, out var cidr, out _))
        {
            Add($"{at}.{name}", $"{Q(text)} is not an IPv4 CIDR: a network address and a prefix length, e.g. 10.20.0.0/16");
            return null;
        }

        return cidr;
    }

    private static Ipv4Cidr Parse(string text) => Ipv4Cidr.TryParse(text, out var cidr, out _) ? cidr : throw new InvalidOperationException(text);

    /// <summary>
    /// <c>jwt</c> (an OIDC issuer given by its issuer, audience and JWKS URL) and <c>entra</c> (the API registered in
    /// Entra ID by the stack) are alternatives: exactly one is set.
    /// </summary>
    private void Jwt(bool entra)
    {
        if (entra && config.GetText("jwt") is not null)
        {
            _known.Add("jwt");
            Add("jwt", "is set and so is 'edge-infra:entra': a stack takes its token issuer from one of them; remove jwt to use the Entra ID registration, or entra to use this issuer");
            return;
        }

        if (!entra && config.GetText("jwt") is null)
        {
            _known.Add("jwt");
            Add("jwt", "is missing and so is 'edge-infra:entra': set one of them, jwt for an OIDC issuer (issuer, audience, jwksUrl) or entra for the API registered in Entra ID by the stack (see the README's stack config section)");
            return;
        }

        if (Json("jwt", required: false, JsonValueKind.Object, "an object with the fields " + string.Join(", ", JwtFields)) is not { } jwt)
        {
            return;
        }

        var algorithms = new List<string>();
        if (Field(jwt, "algorithms") is { } list && list.ValueKind == JsonValueKind.Array)
        {
            algorithms.AddRange(list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
        }
        else
        {
            algorithms.Add("RS256");
        }

        Fields("jwt", jwt, JwtFields, algorithms.Contains("RS256") ? ["issuer", "audience", "jwksUrl"] : ["issuer", "audience"]);
        TextField("jwt", jwt, "issuer", HttpsUrlPattern(), "an https:// URL on a DNS hostname, without user info or fragment");
        TextField("jwt", jwt, "audience", FreeTextPattern(), "1 to 500 printable characters");
        TextField("jwt", jwt, "jwksUrl", HttpsUrlPattern(), "an https:// URL on a DNS hostname, without user info or fragment");
        ListField("jwt", jwt, "algorithms", 2, (where, item) =>
        {
            if (String(where, item, out var text))
            {
                Matches(where, text, AlgorithmPattern(), "a JWT algorithm the edge verifies: RS256 or HS256");
            }
        });
        if (!algorithms.Contains("RS256") && Field(jwt, "jwksUrl") is not null)
        {
            Add("jwt.jwksUrl", "is given but jwt.algorithms does not allow RS256: drop it");
        }

        if (algorithms.Contains("HS256") && !HasSecret("jwtHmacKey"))
        {
            Add("jwt.algorithms", "allows HS256 but the secret 'edge-infra:jwtHmacKey' is not set: set it with `pulumi config set --secret edge-infra:jwtHmacKey <key>`");
        }
    }

    /// <summary>
    /// <c>routes</c>: who may call which paths. Path prefixes as the application, the gateway and the origins accept them
    /// ('/'-separated segments of letters, digits and <c>-._~</c>, none <c>.</c> or <c>..</c>, at most 200 characters;
    /// not <c>/</c> alone), each once ignoring case as the gateway compares paths; scope and role names of 1 to 120
    /// letters, digits and <c>. _ - :</c> (with Entra ID, not starting with <c>.</c>);
    /// each route requires at least one scope or role.
    /// </summary>
    private void Routes(bool entra)
    {
        if (Json("routes", required: false, JsonValueKind.Array, "a list of routes") is not { } routes)
        {
            return;
        }

        var prefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ListItems("routes", routes, required: false, 50, (at, route) =>
        {
            if (route.ValueKind != JsonValueKind.Object)
            {
                Add(at, $"{Show(route)} is not a route: an object with the fields {string.Join(", ", RouteFields)}");
                return;
            }

            Fields(at, route, RouteFields, ["pathPrefix"]);
            if (Field(route, "pathPrefix") is { } prefix && String($"{at}.pathPrefix", prefix, out var text)
                && RoutePathPrefix($"{at}.pathPrefix", text) && !prefixes.TryAdd(text, at))
            {
                Add($"{at}.pathPrefix", $"{Q(text)} repeats {prefixes[text]}.pathPrefix ignoring case: one route per prefix (the gateway compares paths ignoring case)");
            }

            ListField(at, route, "scopes", 20, (where, item) => AccessName(where, item, "scope", entra));
            ListField(at, route, "roles", 20, (where, item) =>
            {
                if (AccessName(where, item, "role", entra))
                {
                    _routeRoles.Add(item.GetString()!);
                }
            });
            if (Field(route, "scopes") is null && Field(route, "roles") is null)
            {
                Add($"{at}.roles", "is missing and so is scopes: a route requires at least one scope or role (leave the route out for paths any valid token may call)");
            }
        });
    }

    /// <summary>A route's path prefix, by the rule of the application's routes (RouteAccessValidation) and the gateway's <c>lib/config.js</c>.</summary>
    private bool RoutePathPrefix(string where, string text)
    {
        if (!Matches(where, text, PathPrefixPattern(), "a path prefix: '/'-separated segments of letters, digits and -._~, without a trailing '/', e.g. /orders (not '/' alone: a path no route matches needs only a valid token)"))
        {
            return false;
        }

        if (text.Split('/').Any(segment => segment is "." or ".."))
        {
            Add(where, $"{Q(text)} has a '.' or '..' segment: the gateway resolves those in request paths before comparing, so no request could match the route and it would never be enforced");
            return false;
        }

        if (text.Length > MaxRoutePathPrefixLength)
        {
            Add(where, $"{Q(text)} is too long: a path prefix is at most {MaxRoutePathPrefixLength.ToString(CultureInfo.InvariantCulture)} characters, the longest the origins' route rules accept");
            return false;
        }

        return true;
    }

    private bool AccessName(string where, JsonElement item, string what, bool entra)
    {
        if (!String(where, item, out var text) || !Matches(where, text, AccessNamePattern(), $"a {what} name: 1 to 120 letters, digits and . _ - : (no spaces)"))
        {
            return false;
        }

        if (entra && text.StartsWith('.'))
        {
            Add(where, $"{Q(text)} starts with '.': Entra ID refuses scope and app role values that do");
            return false;
        }

        return true;
    }

    /// <summary><c>entra</c>: the API's display name, identifier URI and workload clients (each granted roles the routes require).</summary>
    private void Entra()
    {
        if (Json("entra", required: false, JsonValueKind.Object, "an object with the fields " + string.Join(", ", EntraFields)) is not { } entra)
        {
            return;
        }

        Fields("entra", entra, EntraFields, []);
        TextField("entra", entra, "displayName", DisplayNamePattern(), "an application display name: 1 to 120 printable characters");
        TextField("entra", entra, "identifierUri", IdentifierUriPattern(), "an identifier URI Entra ID accepts: https://{verified domain}[/path], api://{verified domain}/{path} or api://{tenant id}/{path}, no trailing '/' (leave it out for api://{client id})");
        if (Field(entra, "clients") is not { } clients)
        {
            return;
        }

        if (clients.ValueKind != JsonValueKind.Array)
        {
            Add("entra.clients", $"{Show(clients)} is not a list of clients");
            return;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        ListItems("entra.clients", clients, required: true, 20, (at, client) =>
        {
            if (client.ValueKind != JsonValueKind.Object)
            {
                Add(at, $"{Show(client)} is not a client: an object with the fields {string.Join(", ", EntraClientFields)}");
                return;
            }

            Fields(at, client, EntraClientFields, ["name", "issuer", "subject"]);
            TextField(at, client, "name", ClientNamePattern(), "a client name: 1 to 40 lowercase letters, digits and '-', starting with a letter");
            if (Field(client, "name") is { ValueKind: JsonValueKind.String } name && !names.TryAdd(name.GetString()!, at))
            {
                Add($"{at}.name", $"{Q(name.GetString())} repeats {names[name.GetString()!]}.name: client names are unique");
            }

            TextField(at, client, "issuer", HttpsUrlPattern(), "an https:// URL on a DNS hostname, without user info or fragment (the workload token's iss)");
            TextField(at, client, "subject", FederationSubjectPattern(), "1 to 600 printable characters without spaces (the workload token's sub)");
            ListField(at, client, "roles", 20, (where, item) =>
            {
                if (String(where, item, out var role) && !_routeRoles.Contains(role))
                {
                    var known = _routeRoles.Count == 0 ? "none" : string.Join(", ", _routeRoles.Order(StringComparer.Ordinal));
                    Add(where, $"{Q(role)} is not a role a route requires: the registration exposes the routes' roles ({known})");
                }
            });
        });
    }

    private bool HasSecret(string key)
    {
        try
        {
            return config.GetText(key) is not null;
        }
        catch (ConfigException)
        {
            return true; // set, and a secret
        }
    }

    private void EdgeLogs()
    {
        if (Json("edgeLogs", required: false, JsonValueKind.Object, "an object with the fields " + string.Join(", ", EdgeLogsFields)) is not { } logs)
        {
            return;
        }

        Fields("edgeLogs", logs, EdgeLogsFields, ["storageAccountName", "containerName", "notificationEmails"]);
        TextField("edgeLogs", logs, "storageAccountName", StorageAccountPattern(), "a storage account name: 3 to 24 lowercase letters and digits");
        TextField("edgeLogs", logs, "containerName", ContainerPattern(), "a blob container name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit");
        if (Field(logs, "retentionDays") is { } days)
        {
            Number("edgeLogs.retentionDays", days, 1, 146000, "a container's time-based retention is 1 to 146000 days");
        }

        ListField("edgeLogs", logs, "notificationEmails", 20, Email);
    }

    /// <summary>
    /// Edge ranges are public unicast IPv4 CIDRs outside the regions' VNets, each at most a /10, opening at most
    /// <see cref="MaxEdgeAddresses"/> addresses together.
    /// </summary>
    private void EdgeCidrs()
    {
        long total = 0;
        foreach (var (at, item) in List("edgeCidrs", required: true, 200, (_, _) => { }))
        {
            if (!String(at, item, out var text))
            {
                continue;
            }

            if (!Ipv4Cidr.TryParse(text, out var cidr, out _))
            {
                Add(at, $"{Q(text)} is not an IPv4 CIDR: a network address and a prefix length, e.g. 203.0.113.0/24");
                continue;
            }

            if (NonPublic.FirstOrDefault(n => Parse(n.Cidr).Overlaps(cidr)) is { Cidr: not null } range)
            {
                Add(at, $"'{cidr}' overlaps {range.Cidr}, which is {range.What}: the edge reaches the origin from public addresses only");
            }
            else if (cidr.PrefixLength < BroadestEdgePrefix)
            {
                Add(at, $"'{cidr}' is too broad: an edge range is at most a /{BroadestEdgePrefix.ToString(CultureInfo.InvariantCulture)} (give your Site Shield map's or origin IP ACL's own ranges)");
            }

            foreach (var (vnet, space) in _vnets.Where(v => v.Space.Overlaps(cidr)))
            {
                Add(at, $"'{cidr}' overlaps {vnet} '{space}': the VNet's own range is not the edge");
            }

            total += cidr.Size;
        }

        if (total > MaxEdgeAddresses)
        {
            Add("edgeCidrs", $"opens {total.ToString(CultureInfo.InvariantCulture)} addresses: the edge ranges together open at most {MaxEdgeAddresses.ToString(CultureInfo.InvariantCulture)} (2^25, under 1% of IPv4)");
        }
    }

    private void Expiry(string key)
    {
        if (Raw(key, required: true) is not { } text)
        {
            return;
        }

        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            Add(key, $"{Q(text)} is not a UTC time: yyyy-MM-ddTHH:mm:ssZ, e.g. 2027-06-30T00:00:00Z");
        }
        else if (date <= now)
        {
            Add(key, $"{Q(text)} has passed (it is now {now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}): the secret would be created expired; set a time in the future");
        }
        else
        {
            // Valid until then only: a cached output of this stack expires at that time (RecordingClock).
            validUntil?.Invoke(date);
        }
    }

    private void SshKey(string key)
    {
        if (Raw(key, required: false) is not { } text || !Matches(key, text, SshKeyPattern(), "an OpenSSH public key: ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256/384/521, the base64 key and an optional comment"))
        {
            return;
        }

        var words = text.Split(' ');
        var blob = new byte[words[1].Length];
        if (!Convert.TryFromBase64String(words[1], blob, out var length) || length < 4
            || System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(blob) is var nameLength && (nameLength <= 0 || 4 + nameLength > length)
            || System.Text.Encoding.ASCII.GetString(blob, 4, nameLength) != words[0])
        {
            Add(key, $"{Q(text)} is not an OpenSSH public key: its base64 part does not hold a {words[0]} key");
        }
    }

    [GeneratedRegex(@"\A[a-z][a-z0-9-]{0,15}\z")]
    private static partial Regex EnvironmentPattern();

    [GeneratedRegex(@"\A[a-z][a-z0-9]{1,39}\z")]
    private static partial Regex LocationPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_.()-]{0,89}[A-Za-z0-9_()-]\z")]
    private static partial Regex ResourceGroupPattern();

    [GeneratedRegex(@"\Actr_[A-Za-z0-9][A-Za-z0-9-]{0,29}\z")]
    private static partial Regex ContractPattern();

    [GeneratedRegex(@"\Agrp_[0-9]{1,9}\z")]
    private static partial Regex GroupPattern();

    [GeneratedRegex(@"\Aprd_[A-Za-z0-9][A-Za-z0-9_-]{0,39}\z")]
    private static partial Regex ProductPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,49}\z")]
    private static partial Regex PropertyNamePattern();

    [GeneratedRegex(@"\A(?=.{1,253}\z)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z")]
    private static partial Regex HostnamePattern();

    [GeneratedRegex(@"\A[A-Za-z0-9._%+-]{1,64}@(?=.{1,253}\z)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\A[^\p{C}\p{Zl}\p{Zp}]{1,500}\z")]
    private static partial Regex FreeTextPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,199}\z")]
    private static partial Regex MapPattern();

    [GeneratedRegex(@"\A(?:nginx|kong|iis)\z")]
    private static partial Regex FlavorPattern();

    [GeneratedRegex(@"\A[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]\z")]
    private static partial Regex VaultPattern();

    [GeneratedRegex(@"\A-?[0-9]{1,10}\z")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"\A[a-z][a-z0-9]{0,11}\z")]
    private static partial Regex RegionNamePattern();

    [GeneratedRegex(@"\A[123]\z")]
    private static partial Regex ZonePattern();

    [GeneratedRegex(@"\AStandard_[A-Za-z0-9_]{1,40}\z")]
    private static partial Regex VmSizePattern();

    [GeneratedRegex(@"\A[a-z][a-z0-9-]{1,61}[a-z0-9]\z")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9-]{1,49}\z")]
    private static partial Regex BackupVaultPattern();

    [GeneratedRegex(@"\Ahttps://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(?:\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?\z")]
    private static partial Regex HttpsUrlPattern();

    /// <summary>A route path prefix: one or more '/'-separated segments of unreserved characters (ValidationPatterns.UrlPathPrefix).</summary>
    [GeneratedRegex(@"\A(?:/[A-Za-z0-9._~-]+)+\z")]
    private static partial Regex PathPrefixPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9._:-]{1,120}\z")]
    private static partial Regex AccessNamePattern();

    [GeneratedRegex(@"\A(?=.*[^ ])[^\p{C}\p{Zl}\p{Zp}]{1,120}\z")]
    private static partial Regex DisplayNamePattern();

    [GeneratedRegex(@"\A(?:https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*[A-Za-z0-9._~!$&'()*+,;=:@%-])?|api://(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*[A-Za-z0-9._~!$&'()*+,;=:@%-])\z")]
    private static partial Regex IdentifierUriPattern();

    [GeneratedRegex(@"\A[a-z][a-z0-9-]{0,39}\z")]
    private static partial Regex ClientNamePattern();

    [GeneratedRegex(@"\A[!-~]{1,600}\z")]
    private static partial Regex FederationSubjectPattern();

    [GeneratedRegex(@"\A(?:RS256|HS256)\z")]
    private static partial Regex AlgorithmPattern();

    [GeneratedRegex(@"\A[a-z0-9]{3,24}\z")]
    private static partial Regex StorageAccountPattern();

    [GeneratedRegex(@"\A[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]\z")]
    private static partial Regex ContainerPattern();

    [GeneratedRegex(@"\A(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]{16,8192}={0,2}(?: [!-~]{1,100})?\z")]
    private static partial Regex SshKeyPattern();
}
