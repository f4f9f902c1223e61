using System.Globalization;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Application;

/// <summary>
/// The checks of <see cref="EdgeFrontedApplicationArgs"/> that shape the application (regions, address plans, VM
/// counts, the flavor, the Akamai group, the HS256 key), made before any child is created; the children check the
/// rest of their own arguments.
/// </summary>
internal static partial class EdgeFrontedApplicationValidation
{
    public static void Validate(string name, EdgeFrontedApplicationArgs args)
    {
        var errors = new ComponentErrors(EdgeFrontedApplication.TypeToken, name);
        if (!Enum.IsDefined(args.Flavor))
        {
            errors.Add("flavor", $"'{args.Flavor}' is not an origin flavor: one of {string.Join(", ", Enum.GetNames<OriginFlavor>())}");
        }

        if (!ValidationPatterns.GroupIdInt32().IsMatch(args.GroupId?.Value ?? string.Empty))
        {
            errors.Add("groupId", $"'{args.GroupId?.Value}' is not an Akamai group id known at synthesis: grp_ followed by digits (the EdgeWorker takes the number)");
        }

        if ((args.Jwt is null) == (args.EntraApi is null))
        {
            errors.Add("jwt", args.Jwt is null
                ? "is null and so is entraApi: give the token issuer, either jwt (an OIDC issuer's issuer, audience and JWKS URL) or entraApi (the API registered in Entra ID by the application)"
                : "is given and so is entraApi: give one of them (entraApi derives the issuer, audience and JWKS from the registration)");
        }

        var hs256 = args.Jwt?.Algorithms?.Contains("HS256") == true;
        if (args.EntraApi is not null && args.JwtHmacSecret is not null)
        {
            errors.Add("jwtHmacSecret", "is given but entraApi is set: Entra ID signs with RS256 only; drop it, an unused key must not reach the edge");
        }
        else if (hs256 && args.JwtHmacSecret is null)
        {
            errors.Add("jwtHmacSecret", "is null but jwt.algorithms allows HS256: give the HMAC key as a secret reference, e.g. config.RequireSecret(\"jwtHmacKey\")");
        }
        else if (!hs256 && args.JwtHmacSecret is not null)
        {
            errors.Add("jwtHmacSecret", "is given but jwt.algorithms does not allow HS256: drop it, an unused key must not reach the edge");
        }

        ManagementLocks.Check(args.Lock, errors);
        CheckOriginSecret(args.OriginSecret, errors);
        CheckMethods(args.AllowedMethods ?? [], errors);
        CheckJwksRelay(args, errors);
        if ((args.PropertyName?.Value ?? string.Empty).Length > OriginClientCertificate.MaxPropertyNameLength)
        {
            errors.Add("propertyName", $"'{args.PropertyName!.Value}' is too long for the origin client certificate's name '{OriginClientCertificate.NameFor(args.PropertyName).Value}': the mTLS Origin Keystore allows {OriginClientCertificate.MaxNameLength} characters, so at most {OriginClientCertificate.MaxPropertyNameLength} here");
        }

        CheckRegions(args.Regions ?? [], errors);
        CheckAdminSshPublicKey(args, errors);
        ClientCertificatesValidation.Check(args, errors);
        RouteAccessValidation.Check((args.Routes ?? []).Select(r => ((string?)r?.PathPrefix, r?.Scopes, r?.Roles)), errors, "routes");
        if (args.EntraApi is not null)
        {
            CheckEntraAccessNames(args.Routes ?? [], errors);
        }
        errors.ThrowIfAny();
    }

    /// <summary>
    /// Every value the <c>random</c> provider can generate for the origin secret must pass the origin boot scripts'
    /// check (<see cref="OriginBootSettings.SecretValuePattern"/>): proved from the provider's character rules, not
    /// sampled, so a deployed origin never refuses the secret the edge sends.
    /// </summary>
    private static void CheckOriginSecret(GeneratedSecretSpec? spec, ComponentErrors errors)
    {
        if (spec is null)
        {
            return;
        }

        var alphabet = RandomPasswordAlphabet.Of(spec.Special, spec.SpecialCharacters);
        var refused = new string([.. alphabet.Where(c => !OriginBootSettings.IsSecretCharacter(c))]);
        if (refused.Length > 0)
        {
            errors.Add("originSecret.specialCharacters", $"'{spec.SpecialCharacters}' lets the random provider generate {refused}, which the origins refuse: the origin secret is letters, digits and {OriginBootSettings.SecretSpecialCharacters} only");
        }
    }

    private static void CheckMethods(IReadOnlyList<string> methods, ComponentErrors errors)
    {
        foreach (var method in methods)
        {
            if (!HttpMethods.Optional.Contains(method, StringComparer.Ordinal))
            {
                errors.Add("allowedMethods", $"'{method}' is not a method the property can allow: one of {string.Join(", ", HttpMethods.Optional)} (GET and HEAD are always allowed)");
            }
        }

        if (methods.Distinct(StringComparer.Ordinal).Count() != methods.Count)
        {
            errors.Add("allowedMethods", $"'{string.Join(", ", methods)}' names a method twice");
        }
    }

    /// <summary>
    /// The JWKS is relayed through the property (<see cref="JwksRelay"/>): the identity provider's URL must be an
    /// absolute https URL on a host other than the ones the property serves (the relay would fetch from itself), and the
    /// relay path a plain absolute path that Property Manager's <c>path</c> criterion matches literally.
    /// </summary>
    private static void CheckJwksRelay(EdgeFrontedApplicationArgs args, ComponentErrors errors)
    {
        if (!ValidationPatterns.RelayPath().IsMatch(args.JwksRelayPath ?? string.Empty))
        {
            errors.Add("jwksRelayPath", $"'{args.JwksRelayPath}' is not a relay path: / followed by letters, digits and -._~/, at most 200 characters, no '*' or '?' (the path criterion would read them as wildcards)");
        }

        if (args.Jwt?.JwksUrl is not { } jwksUrl)
        {
            return;
        }

        if (!Uri.TryCreate(jwksUrl, UriKind.Absolute, out var provider) || provider.Scheme != Uri.UriSchemeHttps || provider.UserInfo.Length > 0 || provider.Fragment.Length > 0 || provider.HostNameType != UriHostNameType.Dns)
        {
            errors.Add("jwt.jwksUrl", $"'{jwksUrl}' is not the identity provider's JWKS URL: an absolute https:// URL on a DNS hostname, without user info or fragment (the property fetches it from that host)");
        }
        else if ((args.Hostnames?.Values ?? []).Contains(provider.IdnHost, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("jwt.jwksUrl", $"'{jwksUrl}' is on a hostname this property serves: give the identity provider's own JWKS URL; the property relays it at {args.JwksRelayPath}");
        }
    }

    /// <summary>The Akamai group's number, from <c>grp_{digits}</c>.</summary>
    public static int GroupNumber(string groupId) =>
        int.Parse(groupId.AsSpan("grp_".Length), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Entra ID refuses scope and app role values that start with '.', which the route names would become.</summary>
    private static void CheckEntraAccessNames(IReadOnlyList<RouteAccess> routes, ComponentErrors errors)
    {
        for (var i = 0; i < routes.Count; i++)
        {
            foreach (var (kind, names) in new[] { ("scopes", routes[i]?.Scopes ?? []), ("roles", routes[i]?.Roles ?? []) })
            {
                for (var j = 0; j < names.Count; j++)
                {
                    if (names[j] is { } name && name.StartsWith('.'))
                    {
                        errors.Add($"routes[{i.ToString(CultureInfo.InvariantCulture)}].{kind}[{j.ToString(CultureInfo.InvariantCulture)}]", $"value \"{name}\" starts with '.': Entra ID refuses scope and app role values that do (https://learn.microsoft.com/graph/api/resources/approle), and the registration exposes every route's names");
                    }
                }
            }
        }
    }

    private static void CheckRegions(IReadOnlyList<OriginRegionSpec> regions, ComponentErrors errors)
    {
        if (regions.Count == 0)
        {
            errors.Add("regions", "is empty: an application has at least one origin region");
            return;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        var spaces = new List<(int Index, Ipv4Cidr Space)>();
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var at = $"regions[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (region is null)
            {
                errors.Add(at, "is null: describe the region");
                continue;
            }

            if (!ValidationPatterns.RegionName().IsMatch(region.Name ?? string.Empty))
            {
                errors.Add($"{at}.name", $"'{region.Name}' is not a region name: 1 to 12 lowercase letters and digits, starting with a letter");
            }
            else if (names.TryGetValue(region.Name!, out var first))
            {
                errors.Add($"{at}.name", $"'{region.Name}' repeats regions[{first.ToString(CultureInfo.InvariantCulture)}].name: region names are unique");
            }
            else
            {
                names.Add(region.Name!, i);
            }

            if (region.Flavor is { } flavor && !Enum.IsDefined(flavor))
            {
                errors.Add($"{at}.flavor", $"'{flavor}' is not an origin flavor: one of {string.Join(", ", Enum.GetNames<OriginFlavor>())} (or null for the application's flavor)");
            }

            if (region.VmCount is < OriginVmClusterValidation.MinCount or > OriginVmClusterValidation.MaxCount)
            {
                errors.Add($"{at}.vmCount", $"{region.VmCount.ToString(CultureInfo.InvariantCulture)} VMs: a region runs {OriginVmClusterValidation.MinCount.ToString(CultureInfo.InvariantCulture)} to {OriginVmClusterValidation.MaxCount.ToString(CultureInfo.InvariantCulture)} origin VMs");
            }

            CheckAddressPlan(region, at, spaces, errors, i);
            for (var c = 0; c < (region.Countries ?? []).Count; c++)
            {
                var country = region.Countries![c];
                var where = $"{at}.countries[{c.ToString(CultureInfo.InvariantCulture)}]";
                if (!ValidationPatterns.CountryCode().IsMatch(country ?? string.Empty))
                {
                    errors.Add(where, $"'{country}' is not a country code: two uppercase letters (ISO 3166-1 alpha-2)");
                }
                else if (countries.TryGetValue(country!, out var owner))
                {
                    errors.Add(where, $"'{country}' is already routed to regions[{owner.ToString(CultureInfo.InvariantCulture)}]: a country goes to one region");
                }
                else
                {
                    countries.Add(country!, i);
                }
            }
        }
    }

    /// <summary>
    /// The SSH key goes to the regions with a Linux flavor only: it is required when one region runs nginx or Kong, and
    /// refused when every region runs IIS. Checked once all flavors are known (an unknown one is reported on its own);
    /// the key's format is checked by each Linux region's cluster.
    /// </summary>
    private static void CheckAdminSshPublicKey(EdgeFrontedApplicationArgs args, ComponentErrors errors)
    {
        var regions = args.Regions ?? [];
        if (!Enum.IsDefined(args.Flavor) || regions.Count == 0 || regions.Any(region => region is null || !Enum.IsDefined(args.FlavorOf(region))))
        {
            return;
        }

        var linux = regions.Select((region, index) => (Region: region, Index: index)).FirstOrDefault(pair => args.FlavorOf(pair.Region) != OriginFlavor.Iis);
        if (linux.Region is not null && args.AdminSshPublicKey is null)
        {
            var flavor = args.FlavorOf(linux.Region);
            errors.Add("adminSshPublicKey", $"missing: {FlavorSource(linux.Region, linux.Index)} is {flavor}, which runs Linux, where the administrator signs in with an SSH key only (password authentication is disabled)");
        }
        else if (linux.Region is null && args.AdminSshPublicKey is not null)
        {
            errors.Add("adminSshPublicKey", "is given but every region runs the Iis flavor: Windows VMs sign in with the generated admin password stored in Key Vault; remove it");
        }
    }

    /// <summary>The property that sets <paramref name="region"/>'s flavor: <c>regions[i].flavor</c>, or the application's <c>flavor</c>.</summary>
    private static string FlavorSource(OriginRegionSpec region, int index) =>
        region.Flavor is null ? "flavor" : $"regions[{index.ToString(CultureInfo.InvariantCulture)}].flavor";

    private static void CheckAddressPlan(OriginRegionSpec region, string at, List<(int Index, Ipv4Cidr Space)> spaces, ComponentErrors errors, int index)
    {
        if (!Ipv4Cidr.TryParse(region.AddressSpace, out var space, out var spaceError))
        {
            errors.Add($"{at}.addressSpace", spaceError);
            return;
        }

        if (!Ipv4Cidr.TryParse(region.OriginSubnet, out var subnet, out var subnetError))
        {
            errors.Add($"{at}.originSubnet", subnetError);
        }
        else if (!space.Contains(subnet))
        {
            errors.Add($"{at}.originSubnet", $"'{subnet}' is outside the region's address space '{space}'");
        }

        foreach (var (other, otherSpace) in spaces)
        {
            if (space.Overlaps(otherSpace))
            {
                errors.Add($"{at}.addressSpace", $"'{space}' overlaps regions[{other.ToString(CultureInfo.InvariantCulture)}].addressSpace '{otherSpace}': regions' address plans must not overlap, so that their networks can be peered and routed");
            }
        }

        spaces.Add((index, space));
    }
}
