using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The configuration of the edge-gateway EdgeWorker bundle (<c>components/edgeworkers/bundles/edge-gateway</c>):
/// a typed mirror of its <c>config.json</c>, with the same property names and the rules of its
/// <c>lib/config.js</c> (a little stricter: <c>jwt.issuer</c> must be an <c>https://</c> URL). Given to
/// <see cref="EdgeWorkerDeploymentArgs.Config"/>, it replaces the bundle's <c>config.json</c> and
/// <c>config-data.js</c> in the uploaded tarball, so that the C# stack is the one source of truth for the issuer,
/// audience, JWKS URL, header schema version and routes.
/// <para>
/// <see cref="ToJson"/> is deterministic: keys in ordinal order at every level, two-space indentation, <c>\n</c>
/// line ends and a final <c>\n</c>; <c>jwksUrl</c> is written only when set and <c>hmacSecretVariable</c> only when
/// <c>HS256</c> is allowed (the bundle reads it only then).
/// </para>
/// </summary>
public sealed partial record EdgeGatewayConfig
{
    /// <summary>The bundle file holding the configuration as JSON.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>The bundle file the code imports: the comment lines, <c>export default </c>, the JSON and <c>;</c>.</summary>
    public const string ConfigDataFileName = "config-data.js";

    /// <summary>The algorithms the bundle supports.</summary>
    public static IReadOnlyList<string> SupportedAlgorithms { get; } = ["RS256", "HS256"];

    private const string ConfigDataHeader =
        "// Generated from config.json by the bundler: EdgeWorkers can only import JavaScript modules.\n" +
        "// Do not edit by hand; test/config.test.js checks that it matches config.json.\n";

    private const string PropertyVariableRule = "must be a property user variable name (PMUSER_ followed by A-Z, 0-9 or _)";
    private const string IdentifierRule = "letters, digits, '.', '_', '-'";

    /// <summary><c>jwt</c>: token verification. Required.</summary>
    public required EdgeGatewayJwt Jwt { get; init; }

    /// <summary><c>headers</c>: the <c>X-Edge-*</c> header schema. Default: schema version 1.</summary>
    public EdgeGatewayHeaders Headers { get; init; } = new();

    /// <summary><c>originAuth</c>: the origin secret header. Default: <c>X-Origin-Auth</c> from <c>PMUSER_ORIGIN_SECRET</c>.</summary>
    public EdgeGatewayOriginAuth OriginAuth { get; init; } = new();

    /// <summary><c>routing</c>: origin groups and the rules that choose them. Required.</summary>
    public required EdgeGatewayRouting Routing { get; init; }

    /// <summary><c>clientCertificates</c>: the paths that require a verified client certificate; written only when set. Default: null (none).</summary>
    public EdgeGatewayClientCertificates? ClientCertificates { get; init; }

    /// <summary>The rendered <c>config.json</c> (see the class remarks for the format).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            if (ClientCertificates is { } clientCertificates)
            {
                writer.WriteStartObject("clientCertificates");
                WriteStrings(writer, "pathPrefixes", clientCertificates.PathPrefixes);
                writer.WriteString("verifiedVariable", clientCertificates.VerifiedVariable);
                writer.WriteEndObject();
            }

            writer.WriteStartObject("headers");
            writer.WriteNumber("schemaVersion", Headers.SchemaVersion);
            writer.WriteEndObject();

            writer.WriteStartObject("jwt");
            WriteStrings(writer, "algorithms", Jwt.Algorithms);
            if (Jwt.AudienceVariable is not null)
            {
                writer.WriteString("audienceVariable", Jwt.AudienceVariable);
            }
            else
            {
                writer.WriteString("audience", Jwt.Audience);
            }

            writer.WriteNumber("clockSkewSeconds", Jwt.ClockSkewSeconds);
            if (Jwt.Algorithms.Contains("HS256"))
            {
                writer.WriteString("hmacSecretVariable", Jwt.HmacSecretVariable);
            }

            if (Jwt.IssuerVariable is not null)
            {
                writer.WriteString("issuerVariable", Jwt.IssuerVariable);
            }
            else
            {
                writer.WriteString("issuer", Jwt.Issuer);
            }

            writer.WriteNumber("jwksCacheSeconds", Jwt.JwksCacheSeconds);
            if (Jwt.JwksUrl is not null)
            {
                writer.WriteString("jwksUrl", Jwt.JwksUrl);
            }

            writer.WriteEndObject();

            writer.WriteStartObject("originAuth");
            writer.WriteString("headerName", OriginAuth.HeaderName);
            writer.WriteEndObject();

            writer.WriteStartObject("routing");
            writer.WriteString("defaultOriginGroup", Routing.DefaultOriginGroup);
            writer.WriteStartArray("geoRules");
            foreach (var rule in Routing.GeoRules)
            {
                writer.WriteStartObject();
                WriteStrings(writer, "countries", rule.Countries);
                writer.WriteString("originGroup", rule.OriginGroup);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("originGroups");
            foreach (var (name, group) in Routing.OriginGroups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(name);
                writer.WriteString("originId", group.OriginId);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartArray("pathRules");
            foreach (var rule in Routing.PathRules)
            {
                writer.WriteStartObject();
                writer.WriteString("originGroup", rule.OriginGroup);
                writer.WriteString("pathPrefix", rule.PathPrefix);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("variableName", Routing.VariableName);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The rendered <c>config-data.js</c>: two comment lines, <c>export default </c>, <see cref="ToJson"/> without its final <c>\n</c>, and <c>;\n</c>.</summary>
    public string ToConfigDataJs() => ConfigDataHeader + "export default " + ToJson().TrimEnd('\n') + ";\n";

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <see cref="ToJson"/>.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    /// <summary>
    /// The suffix appended to the bundle's <c>edgeworker-version</c> when this configuration is packed:
    /// <c>-c</c> and the first 8 hex digits of <see cref="Sha256"/>, e.g. <c>-c1a2b3c4d</c>.
    /// </summary>
    public string VersionSuffix() => "-c" + Sha256()[..8];

    /// <summary>Records every rule this configuration breaks in <paramref name="errors"/>, under properties <c>{prefix}.jwt.issuer</c> and so on.</summary>
    internal void Validate(ComponentErrors errors, string prefix)
    {
        if (Jwt is null)
        {
            errors.Add($"{prefix}.jwt", "is null: give the jwt section (issuer, audience, jwksUrl)");
        }
        else
        {
            ValidateJwt(Jwt, errors, $"{prefix}.jwt");
        }

        if (Headers is null || Headers.SchemaVersion != EdgeGatewayHeaders.SupportedSchemaVersion)
        {
            errors.Add($"{prefix}.headers.schemaVersion", $"value {Headers?.SchemaVersion.ToString(CultureInfo.InvariantCulture) ?? "null"} must be {EdgeGatewayHeaders.SupportedSchemaVersion}, the header schema version this bundle writes");
        }

        if (OriginAuth is null)
        {
            errors.Add($"{prefix}.originAuth", "is null: leave it unset for the defaults");
        }
        else
        {
            if (OriginAuth.HeaderName is null || !ValidationPatterns.HttpHeaderName().IsMatch(OriginAuth.HeaderName) || OriginAuth.HeaderName.StartsWith("x-edge-", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{prefix}.originAuth.headerName", $"value {Show(OriginAuth.HeaderName)} must be an HTTP header name that does not start with X-Edge-");
            }
        }

        if (Routing is null)
        {
            errors.Add($"{prefix}.routing", "is null: give the routing section (defaultOriginGroup, originGroups)");
        }
        else
        {
            ValidateRouting(Routing, errors, $"{prefix}.routing");
        }

        if (ClientCertificates is not null)
        {
            ValidateClientCertificates(ClientCertificates, errors, $"{prefix}.clientCertificates");
        }
    }

    private static void ValidateClientCertificates(EdgeGatewayClientCertificates settings, ComponentErrors errors, string where)
    {
        PropertyVariable(settings.VerifiedVariable, $"{where}.verifiedVariable", errors);
        var prefixes = settings.PathPrefixes ?? [];
        if (prefixes.Count == 0)
        {
            errors.Add($"{where}.pathPrefixes", "value [] must list at least one path prefix");
        }

        for (var index = 0; index < prefixes.Count; index++)
        {
            if (prefixes[index] is not { } value || !ValidationPatterns.PathPrefix().IsMatch(value) || (value.Length > 1 && value.EndsWith('/')))
            {
                errors.Add($"{where}.pathPrefixes[{index.ToString(CultureInfo.InvariantCulture)}]", $"value {Show(prefixes[index])} must start with '/' and contain no whitespace, '?', '#' or trailing '/'");
            }
        }

        foreach (var prefix in prefixes.GroupBy(p => p, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"{where}.pathPrefixes", $"pathPrefix {Show(prefix)} must appear only once, ignoring case");
        }
    }

    private static void ValidateJwt(EdgeGatewayJwt jwt, ComponentErrors errors, string where)
    {
        if (jwt.IssuerVariable is not null)
        {
            PropertyVariable(jwt.IssuerVariable, $"{where}.issuerVariable", errors);
            if (jwt.Issuer is not null)
            {
                errors.Add($"{where}.issuer", $"value {Show(jwt.Issuer)} must be absent when issuerVariable is set: exactly one of issuer and issuerVariable");
            }
        }
        else if (jwt.Issuer is null || !ValidationPatterns.HttpsUrl().IsMatch(jwt.Issuer))
        {
            errors.Add($"{where}.issuer", $"value {Show(jwt.Issuer)} must be an https:// URL");
        }

        if (jwt.AudienceVariable is not null)
        {
            PropertyVariable(jwt.AudienceVariable, $"{where}.audienceVariable", errors);
            if (jwt.Audience is not null)
            {
                errors.Add($"{where}.audience", $"value {Show(jwt.Audience)} must be absent when audienceVariable is set: exactly one of audience and audienceVariable");
            }
        }
        else if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            errors.Add($"{where}.audience", $"value {Show(jwt.Audience)} must be a non-empty string");
        }

        var algorithms = jwt.Algorithms ?? [];
        if (algorithms.Count == 0 || !algorithms.All(SupportedAlgorithms.Contains) || algorithms.Distinct(StringComparer.Ordinal).Count() != algorithms.Count)
        {
            errors.Add($"{where}.algorithms", $"value {Show(jwt.Algorithms)} must be a non-empty list of distinct values from {string.Join(", ", SupportedAlgorithms)} (\"none\" is never allowed)");
        }

        var usesRs256 = algorithms.Contains("RS256");
        if (usesRs256 && (jwt.JwksUrl is null || !ValidationPatterns.HttpsUrl().IsMatch(jwt.JwksUrl)))
        {
            errors.Add($"{where}.jwksUrl", $"value {Show(jwt.JwksUrl)} must be an https:// URL when RS256 is allowed");
        }
        else if (!usesRs256 && jwt.JwksUrl is not null)
        {
            errors.Add($"{where}.jwksUrl", $"value {Show(jwt.JwksUrl)} must be absent when RS256 is not allowed");
        }

        IntegerIn(jwt.JwksCacheSeconds, 60, 86400, $"{where}.jwksCacheSeconds", errors);
        IntegerIn(jwt.ClockSkewSeconds, 0, 300, $"{where}.clockSkewSeconds", errors);
        PropertyVariable(jwt.HmacSecretVariable, $"{where}.hmacSecretVariable", errors);
    }

    private static void ValidateRouting(EdgeGatewayRouting routing, ComponentErrors errors, string where)
    {
        PropertyVariable(routing.VariableName, $"{where}.variableName", errors);
        var groups = routing.OriginGroups ?? new Dictionary<string, EdgeGatewayOriginGroup>();
        var names = groups.Keys.Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            errors.Add($"{where}.originGroups", "value {} must name at least one origin group");
        }

        foreach (var name in names)
        {
            if (!ValidationPatterns.DottedName().IsMatch(name))
            {
                errors.Add($"{where}.originGroups.{name}", $"group name {Show(name)} must use only letters, digits, '.', '_' and '-'");
            }

            var originId = groups[name]?.OriginId;
            if (originId is null || !ValidationPatterns.DottedName().IsMatch(originId))
            {
                errors.Add($"{where}.originGroups.{name}.originId", $"value {Show(originId)} must be a property origin id ({IdentifierRule})");
            }
        }

        var known = names.Count == 0 ? "none" : string.Join(", ", names);
        void KnownGroup(string? group, string property)
        {
            if (group is null || !groups.ContainsKey(group))
            {
                errors.Add(property, $"value {Show(group)} must be one of the origin groups ({known})");
            }
        }

        KnownGroup(routing.DefaultOriginGroup, $"{where}.defaultOriginGroup");

        var pathRules = routing.PathRules ?? [];
        for (var index = 0; index < pathRules.Count; index++)
        {
            var rule = pathRules[index];
            var at = $"{where}.pathRules[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (rule.PathPrefix is null || !ValidationPatterns.PathPrefix().IsMatch(rule.PathPrefix))
            {
                errors.Add($"{at}.pathPrefix", $"value {Show(rule.PathPrefix)} must start with '/' and contain no whitespace, '?' or '#'");
            }

            KnownGroup(rule.OriginGroup, $"{at}.originGroup");
        }

        foreach (var prefix in pathRules.GroupBy(r => r.PathPrefix, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"{where}.pathRules", $"pathPrefix {Show(prefix)} must appear only once");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var geoRules = routing.GeoRules ?? [];
        for (var index = 0; index < geoRules.Count; index++)
        {
            var rule = geoRules[index];
            var at = $"{where}.geoRules[{index.ToString(CultureInfo.InvariantCulture)}]";
            var countries = rule.Countries ?? [];
            if (countries.Count == 0)
            {
                errors.Add($"{at}.countries", "value [] must list at least one country");
            }

            foreach (var country in countries)
            {
                if (country is null || !ValidationPatterns.CountryCode().IsMatch(country))
                {
                    errors.Add($"{at}.countries", $"value {Show(country)} must be an upper-case ISO 3166-1 alpha-2 code");
                }
                else if (!seen.Add(country))
                {
                    errors.Add($"{at}.countries", $"country {Show(country)} must appear in only one geo rule");
                }
            }

            KnownGroup(rule.OriginGroup, $"{at}.originGroup");
        }
    }

    private static void IntegerIn(int value, int min, int max, string property, ComponentErrors errors)
    {
        if (value < min || value > max)
        {
            errors.Add(property, $"value {value.ToString(CultureInfo.InvariantCulture)} must be an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void PropertyVariable(string? value, string property, ComponentErrors errors)
    {
        if (value is null || !ValidationPatterns.PropertyVariableName().IsMatch(value))
        {
            errors.Add(property, $"value {Show(value)} {PropertyVariableRule}");
        }
    }

    private static string Show(object? value) => value is null ? "null" : JsonSerializer.Serialize(value);

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
