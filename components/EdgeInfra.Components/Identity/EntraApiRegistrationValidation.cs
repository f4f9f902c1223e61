using System.Globalization;
using System.Text.RegularExpressions;
using EdgeInfra.Components.Azure;

namespace EdgeInfra.Components.Identity;

/// <summary>The checks of <see cref="EntraApiRegistrationArgs"/>, made before anything is created; every problem is reported at once.</summary>
internal static partial class EntraApiRegistrationValidation
{
    /// <summary>The rule of scope and app role values, as messages state it.</summary>
    public const string AccessNameRule = "1 to 120 letters, digits and . _ - : (no spaces), not starting with '.'";

    public static void Validate(string name, EntraApiRegistrationArgs args)
    {
        var errors = new ComponentErrors(EntraApiRegistration.TypeToken, name);
        var displayName = args.DisplayName?.Value;
        if (displayName is null || !DisplayNamePattern().IsMatch(displayName))
        {
            errors.Add("displayName", $"'{displayName}' is not an application display name: 1 to 120 characters, no control characters, not blank");
        }

        if (args.IdentifierUri is { } uri && !IsIdentifierUri(uri.Value))
        {
            errors.Add("identifierUri", $"'{uri.Value}' is not an identifier URI Entra ID accepts under its app management policy: https://{{verified domain}}[/path], api://{{verified domain}}/{{path}} or api://{{tenant id}}/{{path}} (no trailing '/', spaces, query or fragment); leave it null for api://{{client id}} (https://learn.microsoft.com/entra/identity-platform/identifier-uri-restrictions)");
        }

        var scopes = args.Scopes ?? [];
        for (var i = 0; i < scopes.Count; i++)
        {
            var at = $"scopes[{I(i)}]";
            var scope = scopes[i];
            if (scope is null)
            {
                errors.Add(at, "is null: describe the scope");
                continue;
            }

            CheckName(scope.Value, $"{at}.value", errors);
            if (scope.Type is not (EntraApiRegistration.AdminConsent or EntraApiRegistration.UserConsent))
            {
                errors.Add($"{at}.type", $"'{scope.Type}' is not a scope type: {EntraApiRegistration.AdminConsent} (administrators consent) or {EntraApiRegistration.UserConsent} (users consent for themselves)");
            }
        }

        Duplicates(scopes.Where(s => s is not null).Select(s => s.Value), "scopes", "scope", errors);

        var roles = args.AppRoles ?? [];
        for (var i = 0; i < roles.Count; i++)
        {
            var at = $"appRoles[{I(i)}]";
            var role = roles[i];
            if (role is null)
            {
                errors.Add(at, "is null: describe the app role");
                continue;
            }

            CheckName(role.Value, $"{at}.value", errors);
            var types = role.AllowedMemberTypes ?? [];
            if (types.Count == 0 || types.Any(t => t is not (EntraApiRegistration.UserMember or EntraApiRegistration.ApplicationMember)) || types.Distinct(StringComparer.Ordinal).Count() != types.Count)
            {
                errors.Add($"{at}.allowedMemberTypes", $"'{string.Join(", ", types)}' is not a set of app role member types: {EntraApiRegistration.UserMember}, {EntraApiRegistration.ApplicationMember} or both, each once");
            }
        }

        Duplicates(roles.Where(r => r is not null).Select(r => r.Value), "appRoles", "app role", errors);
        CheckClients(args.Clients ?? [], roles.Where(r => r is not null).ToList(), errors);
        errors.ThrowIfAny();
    }

    /// <summary>Records a problem when <paramref name="value"/> breaks <see cref="AccessNameRule"/>, at <paramref name="property"/>.</summary>
    public static void CheckName(string? value, string property, ComponentErrors errors)
    {
        if (value is null || !AccessNamePattern().IsMatch(value))
        {
            errors.Add(property, $"'{value}' is not a scope or app role name: {AccessNameRule} (Entra ID puts it in the token's scp or roles claim, which are space-separated)");
        }
    }

    /// <summary>True when <paramref name="value"/> follows <see cref="AccessNameRule"/>.</summary>
    public static bool IsAccessName(string? value) => value is not null && AccessNamePattern().IsMatch(value);

    /// <summary>
    /// A role's part of a logical name: its value in lowercase, each run of other characters than letters and digits
    /// one <c>-</c>, e.g. <c>Orders.Admin</c> → <c>orders-admin</c>.
    /// </summary>
    public static string Slug(string value)
    {
        var slug = new System.Text.StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private static void CheckClients(IReadOnlyList<EntraWorkloadClient> clients, List<EntraAppRole> roles, ComponentErrors errors)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < clients.Count; i++)
        {
            var at = $"clients[{I(i)}]";
            var client = clients[i];
            if (client is null)
            {
                errors.Add(at, "is null: describe the client");
                continue;
            }

            if (client.Name is null || !ClientNamePattern().IsMatch(client.Name))
            {
                errors.Add($"{at}.name", $"'{client.Name}' is not a client name: 1 to 40 lowercase letters, digits and '-', starting with a letter (it names the client's resources)");
            }
            else if (!names.TryAdd(client.Name, i))
            {
                errors.Add($"{at}.name", $"'{client.Name}' repeats clients[{I(names[client.Name])}].name: client names are unique");
            }

            if (client.DisplayName is { } displayName && !DisplayNamePattern().IsMatch(displayName.Value ?? string.Empty))
            {
                errors.Add($"{at}.displayName", $"'{displayName.Value}' is not an application display name: 1 to 120 characters, no control characters, not blank");
            }

            if (client.Issuer?.Value is not { } issuer || !IsHttpsUrl(issuer))
            {
                errors.Add($"{at}.issuer", $"'{client.Issuer?.Value}' is not a federation issuer: an https:// URL on a DNS hostname, at most 600 characters, without user info, query or fragment (it must equal the workload token's iss)");
            }

            if (client.Subject?.Value is not { } subject || !FederationTextPattern().IsMatch(subject))
            {
                errors.Add($"{at}.subject", $"'{client.Subject?.Value}' is not a federation subject: 1 to 600 printable characters without spaces (it must equal the workload token's sub)");
            }

            var audiences = client.Audiences ?? [];
            if (audiences.Count == 0 || audiences.Any(a => a is null || !FederationTextPattern().IsMatch(a)) || audiences.Distinct(StringComparer.Ordinal).Count() != audiences.Count)
            {
                errors.Add($"{at}.audiences", $"'{string.Join(", ", audiences)}' is not a list of federation audiences: at least one, distinct, each 1 to 600 printable characters without spaces (Microsoft recommends {EntraApiRegistration.TokenExchangeAudience})");
            }

            CheckClientRoles(client, at, roles, errors);
        }
    }

    private static void CheckClientRoles(EntraWorkloadClient client, string at, List<EntraAppRole> roles, ComponentErrors errors)
    {
        var granted = client.AppRoles ?? [];
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var r = 0; r < granted.Count; r++)
        {
            var where = $"{at}.appRoles[{I(r)}]";
            var value = granted[r];
            var role = roles.FirstOrDefault(x => string.Equals(x.Value, value, StringComparison.Ordinal));
            if (role is null)
            {
                var known = roles.Count == 0 ? "none" : string.Join(", ", roles.Select(x => x.Value));
                errors.Add(where, $"'{value}' is not an app role of the API: one of {known}");
                continue;
            }

            if (!(role.AllowedMemberTypes ?? []).Contains(EntraApiRegistration.ApplicationMember, StringComparer.Ordinal))
            {
                errors.Add(where, $"'{value}' allows only {string.Join(", ", role.AllowedMemberTypes ?? [])} members: a client is granted only app roles whose allowedMemberTypes include {EntraApiRegistration.ApplicationMember}");
            }

            var slug = Slug(value!);
            if (slugs.TryGetValue(slug, out var other))
            {
                errors.Add(where, string.Equals(other, value, StringComparison.Ordinal)
                    ? $"'{value}' is granted twice: list each app role once"
                    : $"'{value}' and '{other}' both name the assignment client-{client.Name}-role-{slug}: grant app roles whose values differ in more than case and punctuation");
            }
            else
            {
                slugs.Add(slug, value!);
            }
        }
    }

    private static void Duplicates(IEnumerable<string?> values, string property, string what, ComponentErrors errors)
    {
        foreach (var value in values.Where(v => v is not null).GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(property, $"'{value}' is declared more than once: each {what} value is unique (its id derives from it)");
        }
    }

    private static bool IsIdentifierUri(string? value)
    {
        if (value is null || value.Length > 2048 || value.EndsWith('/') || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0 || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var hasPath = uri.AbsolutePath.Length > 1;
        return uri.Scheme switch
        {
            "https" => uri.HostNameType == UriHostNameType.Dns && uri.Host.Contains('.', StringComparison.Ordinal),
            "api" => hasPath && (Guid.TryParseExact(uri.Host, "D", out _) || (uri.HostNameType == UriHostNameType.Dns && uri.Host.Contains('.', StringComparison.Ordinal))),
            _ => false,
        };
    }

    private static bool IsHttpsUrl(string value) =>
        value.Length <= 600 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.HostNameType == UriHostNameType.Dns
        && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0 && !value.Any(char.IsWhiteSpace);

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,119}\z")]
    private static partial Regex AccessNamePattern();

    [GeneratedRegex(@"^(?=.*\S)[^\p{C}]{1,120}\z")]
    private static partial Regex DisplayNamePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,39}\z")]
    private static partial Regex ClientNamePattern();

    [GeneratedRegex(@"^[!-~]{1,600}\z")]
    private static partial Regex FederationTextPattern();
}
