using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeInfra.Akamai;
using EdgeInfra.AzureNative.Network;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Expressions;
using EdgeInfra.Policy;
using EdgeInfra.Tls;
using static EdgeInfra.Components.Policy.EdgeValues;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on the edge: Akamai properties and their rule trees (<c>akamai:index/property:Property</c>, read through
/// <see cref="EdgePropertyView"/>), activations, EdgeWorkers and the edge-gateway bundle, DataStream streams, the mTLS
/// Edge Truststore, and the certificates the stack issues to its origins (<c>tls</c> provider).
/// </summary>
/// <remarks>
/// Rules on a property's rule tree need the tree at synthesis: a property built with <see cref="EdgeProperty"/>, or
/// whose <c>rules</c> input is JSON known at synthesis. When the tree cannot be read (unset, deploy-time), a rule that
/// requires a control to be present (HTTPS redirect, origin protection, DataStream, HSTS) fails, since nothing shows the
/// control; a rule that forbids a setting (permissive origin verification, visible secrets, origin TLS) skips the
/// property. The same holds for single inputs: a deploy-time value fails a rule about a control that must be stated, and
/// is skipped by a rule that only forbids a value.
/// </remarks>
internal static partial class EdgeRules
{
    private const string PropertiesArea = "Akamai properties";
    private const string ActivationsArea = "Akamai activations";
    private const string EdgeWorkersArea = "EdgeWorkers";
    private const string DataStreamArea = "DataStream";
    private const string MutualTlsArea = "Akamai mTLS";
    private const string CertificatesArea = "Edge certificates";

    /// <summary>The longest a certificate the stack issues may live: 30 days.</summary>
    private const int MaxCertificateHours = 30 * 24;

    /// <summary>The shortest early-renewal window: a daily deployment still renews the certificate in time.</summary>
    private const int MinEarlyRenewalHours = 24;

    /// <summary>The JWS signature algorithms of RFC 7518 section 3.1 (without <c>none</c>) and RFC 8037's EdDSA.</summary>
    private static readonly HashSet<string> SignatureAlgorithms = new(StringComparer.Ordinal)
    {
        "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA",
    };

    /// <summary>The DataStream 2 data set fields an audit trail needs: when, who, what, and the outcome.</summary>
    private static readonly IReadOnlyList<DataStreamField> AuditFields =
    [
        DataStreamField.RequestTime, DataStreamField.ClientIp, DataStreamField.RequestHost, DataStreamField.RequestMethod,
        DataStreamField.RequestPath, DataStreamField.HttpStatusCode,
    ];

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-EDGE-001", PropertiesArea, PolicySeverity.High,
            "Plain HTTP is redirected to HTTPS for every served hostname",
            "Tokens, cookies and the responses themselves cross the Internet in clear on HTTP, so every hostname answers HTTP with a redirect to HTTPS before anything else runs.",
            ["https://techdocs.akamai.com/property-mgr/docs/http-https-upgrade", "https://techdocs.akamai.com/terraform/docs/ga-http-strict-transport-security", "akamai-ruleformat-v2024-10-21:criteria.requestProtocol", "akamai-ruleformat-v2024-10-21:behaviors.redirect.destinationProtocol"],
            HttpsRedirect),
        new(
            "EI-EDGE-002", PropertiesArea, PolicySeverity.High,
            "Origin certificates are verified, never permissively",
            "Permissive means trusting without saying what: platform settings (the default) or CUSTOM/THIRD_PARTY without CA sets, CA certificates or CN/SAN names; the standard set akamai-permissive is not permissive, it is Akamai's store of public roots that Apple, Chrome, Microsoft and Mozilla all trust (the name is historical).",
            ["https://techdocs.akamai.com/property-mgr/docs/origin-server", "https://techdocs.akamai.com/property-mgr/docs/origin-certificate", "https://github.com/akamai/akamai-certificate-store", "akamai-ruleformat-v2024-10-21:behaviors.origin.verificationMode", "akamai-ruleformat-v2024-10-21:behaviors.origin.originCertsToHonor", "akamai-ruleformat-v2024-10-21:behaviors.origin.customValidCnValues"],
            OriginVerification),
        new(
            "EI-EDGE-003", PropertiesArea, PolicySeverity.Medium,
            "The stack's own origins trust only the stack's CA",
            "An origin this stack creates serves a certificate from the stack's own CA, so the edge trusts exactly that CA (CUSTOM_CERTIFICATE_AUTHORITIES or pinned certificates): a public CA set would also accept any publicly issued certificate for the origin's name.",
            ["https://techdocs.akamai.com/property-mgr/docs/origin-certificate", "https://techdocs.akamai.com/property-mgr/docs/origin-server", "akamai-ruleformat-v2024-10-21:behaviors.origin.originCertsToHonor", "akamai-ruleformat-v2024-10-21:behaviors.origin.standardCertificateAuthorities"],
            StackOriginsTrustOnlyTheStackCa),
        new(
            "EI-EDGE-004", PropertiesArea, PolicySeverity.High,
            "Properties use Site Shield or Origin IP ACL when the origins admit only edge ranges",
            "A security group admitting HTTPS only from fixed public ranges relies on the edge connecting from them, which only Site Shield or Origin IP ACL guarantee; otherwise the edge is refused, or the ranges get widened to addresses any Akamai customer's property uses.",
            ["https://techdocs.akamai.com/property-mgr/reference/ga-site-shield", "https://techdocs.akamai.com/terraform/docs/ga-origin-ip-acl", "policy-anchors.md 2.5 Origin protection"],
            OriginProtection),
        new(
            "EI-EDGE-005", DataStreamArea, PolicySeverity.High,
            "Every property logs to an active DataStream stream of the stack",
            "Edge logs are the audit trail of every request: the default rule needs the datastream behavior with log collection on and the id of a stream this stack creates, which is active and monitors the property; no rule may turn it off.",
            ["https://techdocs.akamai.com/property-mgr/docs/datastream-beh", "https://techdocs.akamai.com/datastream2/reference/api-workflow", "https://techdocs.akamai.com/terraform/docs/rc-datastream", "policy-anchors.md 2.6 DataStream 2"],
            PropertyLogsToDataStream),
        new(
            "EI-EDGE-006", ActivationsArea, PolicySeverity.Medium,
            "PRODUCTION activations come after the same version's STAGING activation",
            "Akamai asks to activate on STAGING and test there first; a PRODUCTION activation (property, EdgeWorker, CA set) must depend on the STAGING activation of the same target and version, so a version that fails on STAGING never reaches end users.",
            ["https://techdocs.akamai.com/property-mgr/docs/how-activation-works", "https://techdocs.akamai.com/terraform/v3.5/docs/pm-resources", "https://techdocs.akamai.com/terraform/v4.1/docs/ew-resources", "policy-anchors.md 2.3 Activation networks and staging-first"],
            StagingBeforeProduction),
        new(
            "EI-EDGE-007", EdgeWorkersArea, PolicySeverity.Critical,
            "The JWT gate's algorithm allow-list never includes none",
            "A gate that accepts alg 'none' (or an algorithm it cannot verify) accepts tokens anyone can write; the edge gateway's jwt.algorithms must be a non-empty list of JWS signature algorithms.",
            ["https://techdocs.akamai.com/edgeworkers/docs/jwt", "https://www.rfc-editor.org/rfc/rfc8725#section-3.1", "policy-anchors.md 2.7 Edge JWT / OIDC validation"],
            JwtAlgorithms),
        new(
            "EI-EDGE-008", PropertiesArea, PolicySeverity.High,
            "Property variables that hold secrets are hidden and sensitive",
            "A PMUSER variable holding a secret must be hidden (never in debug headers) and sensitive (never in responses, cookies or logs); a variable holds a secret when its value comes from a secret (fn::secret, secret config, a secret output such as a random password) or its name says so.",
            ["https://techdocs.akamai.com/property-mgr/docs/user-defined-vars"],
            SecretVariables),
        new(
            "EI-EDGE-009", EdgeWorkersArea, PolicySeverity.Medium,
            "EdgeWorker bundles are locked and activations name their exact version",
            "Akamai never replaces an uploaded version, so the bundle comes from a directory whose bundle.lock.json records its edgeworker-version and content hash (EdgeWorkerDeployment), and each activation names that exact version, never 'latest' or a value known only at deployment.",
            ["https://techdocs.akamai.com/edgeworkers/docs/create-a-code-bundle", "https://techdocs.akamai.com/edgeworkers/docs/manage-edgeworkers", "policy-anchors.md 2.1 EdgeWorkers code bundle"],
            EdgeWorkerVersions),
        new(
            "EI-EDGE-010", PropertiesArea, PolicySeverity.Low,
            "Property rule formats are pinned to a dated version",
            "The 'latest' rule format changes continuously, so the same rules can validate differently from one deployment to the next; a dated rule format (vYYYY-MM-DD) is the stable one Akamai recommends, and unset means latest at creation.",
            ["https://techdocs.akamai.com/property-mgr/docs/rule-format-versions", "policy-anchors.md 2.4 Property rule tree"],
            Each<Property, PropertyArgs>((graph, property) => graph.ValueOf(property.RuleFormat) is var format && !(format.IsKnown && DatedRuleFormat().IsMatch(format.Value ?? ""))
                ? $"ruleFormat is {PolicyChecks.Show(format)}{(format.IsUnset ? " (the provider then takes the latest format at creation)" : "")}: pin a dated rule format such as '{RuleFormat.Pinned}'"
                : null,
                "ruleFormat")),
        new(
            "EI-EDGE-011", CertificatesArea, PolicySeverity.Medium,
            "Certificates the stack issues live at most 30 days and renew early",
            "A short-lived certificate limits how long a leaked key is useful and renewing early keeps it from expiring; this covers the leaf certificates the stack signs itself (tls provider: its origins' server certificates), not CA certificates (rotated by generation) nor Akamai-managed ones (edge DV/CPS, Akamai-signed mTLS client certificates), which Akamai renews.",
            ["https://techdocs.akamai.com/property-mgr/docs/origin-certificate", "https://techdocs.akamai.com/mtls-origin-keystore/docs/key-concepts-and-terms", "https://registry.terraform.io/providers/hashicorp/tls/latest/docs/resource/locally_signed_cert"],
            CertificateLifetimes),
        new(
            "EI-EDGE-012", PropertiesArea, PolicySeverity.Medium,
            "Properties send HTTP Strict Transport Security",
            "HSTS makes browsers use only HTTPS for the hostname, closing the window a first plain-HTTP request leaves; the default rule enables httpStrictTransportSecurity with a stated maxAge other than ZERO_MINS, which Akamai documents as disabling it, and no rule turns it off.",
            ["https://techdocs.akamai.com/terraform/docs/ga-http-strict-transport-security", "https://techdocs.akamai.com/property-mgr/changelog/aug-1-2016-new-http-strict-transport-security-hsts-behavior"],
            StrictTransportSecurity),
        new(
            "EI-EDGE-013", PropertiesArea, PolicySeverity.Medium,
            "Origins get SNI and no TLS 1.1",
            "Without SNI the origin cannot pick the certificate for its name and TLS 1.3 is off; TLS 1.1 is deprecated (RFC 8996), so customer origins state originSni true and never allow TLSV1_1 as their minimum or maximum version.",
            ["https://techdocs.akamai.com/property-mgr/reference/ga-origin", "akamai-ruleformat-v2024-10-21:behaviors.origin.originSni", "akamai-ruleformat-v2024-10-21:behaviors.origin.minTlsVersion", "https://www.rfc-editor.org/rfc/rfc8996"],
            OriginTls),
        new(
            "EI-EDGE-014", DataStreamArea, PolicySeverity.Medium,
            "DataStream streams log when, who, what and the outcome",
            "An edge log without the client's IP or the status code cannot answer who did what with which result; each stream logs request time (1100), client IP (1006), host (1011), method (1012), path (1013) and HTTP status (1008).",
            ["https://techdocs.akamai.com/powershell/docs/data-sets", "https://techdocs.akamai.com/datastream2/reference/log-format", "policy-anchors.md 2.6 DataStream 2"],
            Each<Datastream, DatastreamArgs>(DataStreamFields, "datasetFields")),
        new(
            "EI-EDGE-015", MutualTlsArea, PolicySeverity.Medium,
            "mTLS Edge Truststore CA sets refuse SHA-1 certificates",
            "SHA-1 signatures can be forged; Akamai keeps allowInsecureSha1 off by default and advises SHA-256 or better for the CA certificates that client certificates chain to.",
            ["https://techdocs.akamai.com/mtls-edge-truststore/reference/api-concepts"],
            Each<MtlstruststoreCaSet, MtlstruststoreCaSetArgs>((graph, caSet) => graph.ValueOf(caSet.AllowInsecureSha1) is var sha1 && sha1.Is(true)
                ? $"allowInsecureSha1 is {PolicyChecks.Show(sha1)}: set it to false (or leave it unset) and give CA certificates signed with SHA-256 or better"
                : null,
                "allowInsecureSha1")),
    ];

    private static Func<StackGraph, IEnumerable<PolicyViolation>> Each<TResource, TArgs>(Func<StackGraph, TArgs, string?> check, string property)
        where TResource : CustomResource
        where TArgs : ResourceArgs => PolicyChecks.Each<TResource, TArgs>(check, property);

    // ---- EI-EDGE-001 ----

    private static IEnumerable<PolicyViolation> HttpsRedirect(StackGraph graph)
    {
        foreach (var property in EdgePropertyView.All(graph))
        {
            if (property.Default is not { } root)
            {
                yield return new PolicyViolation(property.Resource, $"{property.Unreadable}, so nothing shows a rule that redirects HTTP to HTTPS: build the rules with EdgeProperty, or state them as JSON", "rules");
                continue;
            }

            // HSTS with its redirect option redirects every HTTP request of the rules it applies to.
            if (root.Unconditional().SelectMany(rule => rule.BehaviorsNamed("httpStrictTransportSecurity")).Any(b => b.Behavior.IsTrue("enable") && b.Behavior.IsTrue("redirect")))
            {
                continue;
            }

            var redirects = root.Unconditional().SelectMany(rule => rule.Children).Select(RedirectCoverage).Where(coverage => coverage is not null).ToList();
            if (redirects.Count == 0)
            {
                yield return new PolicyViolation(property.Resource, "no top-level rule redirects every plain-HTTP request to HTTPS (a redirect narrowed by criteria other than hostname covers only part of the traffic): add a rule matching requestProtocol HTTP, and at most hostnames, with a redirect behavior whose destinationProtocol is HTTPS (Behavior.RedirectToHttps)", "rules");
                continue;
            }

            if (redirects.Any(coverage => coverage!.Count == 0))
            {
                continue;
            }

            foreach (var hostname in property.ServedHostnames(graph))
            {
                if (!redirects.Any(coverage => coverage!.Any(value => HostnameMatches(value, hostname))))
                {
                    yield return new PolicyViolation(property.Resource, $"the served hostname {Show(hostname)} is not matched by any rule that redirects HTTP to HTTPS: add it to the redirect rule's hostname criterion, or drop that criterion", "hostnames");
                }
            }
        }
    }

    /// <summary>
    /// The hostnames a rule redirects from HTTP to HTTPS: empty for all of them, null when the rule is no such redirect.
    /// The rule must match requestProtocol HTTP (with all criteria required), may narrow by hostname, and must redirect
    /// to HTTPS; any other criterion makes it a partial redirect.
    /// </summary>
    private static List<object?>? RedirectCoverage(EdgeRuleView rule)
    {
        if (!rule.Criteria.Any(c => c.Name == "requestProtocol" && c.Text("value") == "HTTP")
            || (rule.MatchAny && rule.Criteria.Count > 1)
            || !rule.Behaviors.Any(b => b.Name == "redirect" && b.Text("destinationProtocol") == "HTTPS"))
        {
            return null;
        }

        var hostnames = new List<object?>();
        foreach (var criterion in rule.Criteria.Where(c => c.Name != "requestProtocol"))
        {
            if (criterion.Name != "hostname" || (criterion.Text("matchOperator") ?? "IS_ONE_OF") != "IS_ONE_OF")
            {
                return null;
            }

            hostnames.AddRange(criterion.Option("values") is IReadOnlyList<object?> values ? values : [criterion.Option("values")]);
        }

        return hostnames;
    }

    private static bool HostnameMatches(object? pattern, object? hostname) => (pattern, hostname) switch
    {
        (string glob, string name) => Regex.IsMatch(name, "^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + @"\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        (Expression a, Expression b) => Same(a, b),
        _ => false,
    };

    // ---- EI-EDGE-002, EI-EDGE-003, EI-EDGE-013 ----

    /// <summary>The customer origins of every readable rule tree (origins of other types take no certificate settings).</summary>
    private static IEnumerable<(EdgePropertyView Property, EdgeRuleItem Origin, string Path, string Label)> CustomerOrigins(StackGraph graph) =>
        from property in EdgePropertyView.All(graph)
        from rule in property.Rules()
        from origin in rule.BehaviorsNamed("origin")
        where (origin.Behavior.Text("originType") ?? "CUSTOMER") == "CUSTOMER"
        select (property, origin.Behavior, origin.Path, $"the origin of {rule.Label} ({Show(origin.Behavior.Option("hostname"))})");

    private static IEnumerable<PolicyViolation> OriginVerification(StackGraph graph)
    {
        foreach (var (property, origin, path, label) in CustomerOrigins(graph))
        {
            if (OriginVerificationProblem(origin) is { } problem)
            {
                yield return new PolicyViolation(property.Resource, $"{label}: {problem}", $"{path}.options");
            }
        }
    }

    private static string? OriginVerificationProblem(EdgeRuleItem origin)
    {
        var mode = origin.Option("verificationMode");
        var names = origin.List("customValidCnValues");
        switch (mode)
        {
            case null or "PLATFORM_SETTINGS":
                return $"verificationMode is {Show(mode)}{(mode is null ? " (PLATFORM_SETTINGS by default)" : "")}, Akamai's platform settings, which state neither the CAs trusted nor the names matched: set CUSTOM with originCertsToHonor, its CAs and customValidCnValues";
            case "THIRD_PARTY":
                if (origin.List("standardCertificateAuthorities").Count == 0)
                {
                    return "verificationMode is 'THIRD_PARTY' with no standardCertificateAuthorities: name the CA sets to trust";
                }

                return names.Count == 0 ? "verificationMode is 'THIRD_PARTY' with no customValidCnValues: name the CN/SAN values to match, e.g. '{{Origin Hostname}}'" : null;
            case "CUSTOM":
                var honor = origin.Option("originCertsToHonor");
                var anchors = honor switch
                {
                    "STANDARD_CERTIFICATE_AUTHORITIES" => origin.List("standardCertificateAuthorities").Count,
                    "CUSTOM_CERTIFICATE_AUTHORITIES" => origin.List("customCertificateAuthorities").Count,
                    "CUSTOM_CERTIFICATES" => origin.List("customCertificates").Count,
                    "COMBO" => origin.List("standardCertificateAuthorities").Count + origin.List("customCertificateAuthorities").Count + origin.List("customCertificates").Count,
                    _ => -1,
                };
                if (anchors < 0)
                {
                    return $"originCertsToHonor is {Show(honor)}: state STANDARD_CERTIFICATE_AUTHORITIES, CUSTOM_CERTIFICATE_AUTHORITIES, CUSTOM_CERTIFICATES or COMBO";
                }

                if (anchors == 0)
                {
                    return $"originCertsToHonor is {Show(honor)} but it lists no CA set, CA certificate or certificate: name what the origin's certificate must chain to";
                }

                // A pinned certificate is compared whole; its names are not checked (techdocs: origin-certificate).
                return names.Count == 0 && honor is not "CUSTOM_CERTIFICATES"
                    ? "customValidCnValues is empty: name the CN/SAN values the origin's certificate must carry, e.g. '{{Origin Hostname}}'"
                    : null;
            default:
                return $"verificationMode is {Show(mode)}: set CUSTOM (or THIRD_PARTY) with the CAs to trust and the names to match";
        }
    }

    private static IEnumerable<PolicyViolation> StackOriginsTrustOnlyTheStackCa(StackGraph graph)
    {
        foreach (var (property, origin, path, label) in CustomerOrigins(graph))
        {
            // The origin is the stack's own when its hostname is an output of one of the stack's resources.
            if (origin.Option("hostname") is not Expression hostname || !References(hostname).Any())
            {
                continue;
            }

            var mode = origin.Option("verificationMode");
            var honor = origin.Option("originCertsToHonor");
            var standard = origin.List("standardCertificateAuthorities");
            if (mode is not "CUSTOM")
            {
                yield return new PolicyViolation(property.Resource, $"{label} is created by this stack, yet verificationMode is {Show(mode)}: set CUSTOM trusting only the stack's CA (OriginOptions.TrustingOnly with OriginCertificateAuthority.TrustedCertificatePems)", $"{path}.options.verificationMode");
            }
            else if (honor is not ("CUSTOM_CERTIFICATE_AUTHORITIES" or "CUSTOM_CERTIFICATES"))
            {
                yield return new PolicyViolation(property.Resource, $"{label} is created by this stack, yet originCertsToHonor is {Show(honor)}{(standard.Count > 0 ? $" with the public CA sets {Show(standard)}" : "")}: trust only the stack's CA (CUSTOM_CERTIFICATE_AUTHORITIES; OriginOptions.TrustingOnly)", $"{path}.options.originCertsToHonor");
            }
            else if (standard.Count > 0)
            {
                yield return new PolicyViolation(property.Resource, $"{label} is created by this stack, yet standardCertificateAuthorities is {Show(standard)}: leave it empty so that only the stack's CA is trusted", $"{path}.options.standardCertificateAuthorities");
            }
        }
    }

    private static IEnumerable<PolicyViolation> OriginTls(StackGraph graph)
    {
        foreach (var (property, origin, path, label) in CustomerOrigins(graph))
        {
            var sni = origin.Option("originSni");
            if (sni is not true and not Expression)
            {
                yield return new PolicyViolation(property.Resource, $"{label}: originSni is {Show(sni)}: set it to true (the origin picks its certificate by name, and TLS 1.3 needs it)", $"{path}.options.originSni");
            }

            foreach (var option in new[] { "minTlsVersion", "maxTlsVersion" })
            {
                if (origin.Option(option) is "TLSV1_1")
                {
                    yield return new PolicyViolation(property.Resource, $"{label}: {option} is 'TLSV1_1': use TLSV1_2, TLSV1_3 or DYNAMIC", $"{path}.options.{option}");
                }
            }
        }
    }

    // ---- EI-EDGE-004 ----

    private static IEnumerable<PolicyViolation> OriginProtection(StackGraph graph)
    {
        var restricted = EdgeRestrictedSecurityGroups(graph).Distinct().ToList();
        if (restricted.Count == 0)
        {
            yield break;
        }

        var groups = string.Join(", ", restricted.Select(resource => resource.LogicalName));
        foreach (var property in EdgePropertyView.All(graph))
        {
            if (property.Default is not { } root)
            {
                yield return new PolicyViolation(property.Resource, $"{property.Unreadable}, so nothing shows Site Shield or Origin IP ACL, which the security groups {groups} (HTTPS from fixed public ranges only) rely on: build the rules with EdgeProperty, or state them as JSON", "rules");
                continue;
            }

            var unconditional = root.Unconditional().ToList();
            var siteShield = unconditional.SelectMany(rule => rule.BehaviorsNamed("siteShield")).Any(b => b.Behavior.Text("ssmap.value") is { Length: > 0 });
            var originIpAcl = unconditional.SelectMany(rule => rule.BehaviorsNamed("originIpAcl")).Any(b => b.Behavior.IsTrue("enable"));
            if (!siteShield && !originIpAcl)
            {
                yield return new PolicyViolation(property.Resource, $"the default rule has neither siteShield (ssmap.value) nor originIpAcl (enable true), but the security groups {groups} admit HTTPS only from fixed public ranges: turn on Origin IP ACL (Behavior.OriginIpAcl) or Site Shield (Behavior.SiteShield) and admit exactly its ranges", "rules.behaviors");
            }

            foreach (var rule in property.Rules())
            {
                foreach (var (_, path) in rule.BehaviorsNamed("originIpAcl").Where(b => b.Behavior.Option("enable") is false))
                {
                    if (!siteShield)
                    {
                        yield return new PolicyViolation(property.Resource, $"{rule.Label} turns originIpAcl off, so its requests leave the edge from addresses the security groups {groups} refuse (or must be opened to): remove it", $"{path}.options.enable");
                    }
                }
            }
        }
    }

    /// <summary>Security groups with an inbound allow rule on 443 whose sources are all fixed public IPv4 ranges.</summary>
    private static IEnumerable<Resource> EdgeRestrictedSecurityGroups(StackGraph graph)
    {
        foreach (var group in graph.ResourcesOf<NetworkSecurityGroup>())
        {
            var args = graph.InputsOf<NetworkSecurityGroupArgs>(group);
            if (PolicyChecks.Items(args.SecurityRules).Any(rule => AdmitsOnlyFixedRangesOnHttps(graph, rule.Direction, rule.Access, rule.DestinationPortRange, rule.DestinationPortRanges, rule.SourceAddressPrefix, rule.SourceAddressPrefixes)))
            {
                yield return group;
            }
        }

        foreach (var rule in graph.ResourcesOf<SecurityRule>())
        {
            var args = graph.InputsOf<SecurityRuleArgs>(rule);
            if (AdmitsOnlyFixedRangesOnHttps(graph, args.Direction, args.Access, args.DestinationPortRange, args.DestinationPortRanges, args.SourceAddressPrefix, args.SourceAddressPrefixes))
            {
                yield return rule;
            }
        }
    }

    private static bool AdmitsOnlyFixedRangesOnHttps(StackGraph graph, Input<string> direction, Input<string> access, Input<string>? port, InputList<string>? ports, Input<string>? source, InputList<string>? sources)
    {
        if (!graph.ValueOf(direction).Is("Inbound") || !graph.ValueOf(access).Is("Allow"))
        {
            return false;
        }

        var portValues = (graph.ValueOf(port) is { IsKnown: true } single ? new[] { single.Value } : []).Concat(PolicyChecks.Items(ports)).ToList();
        if (!portValues.Any(CoversHttps))
        {
            return false;
        }

        var sourceValues = (graph.ValueOf(source) is { IsKnown: true } one ? new[] { one.Value } : []).Concat(PolicyChecks.Items(sources)).ToList();
        return sourceValues.Count > 0 && sourceValues.All(IsFixedPublicRange);
    }

    private static bool CoversHttps(string range)
    {
        if (range == "*" || range == "443")
        {
            return true;
        }

        var bounds = range.Split('-');
        return bounds.Length == 2
            && int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            && low <= 443 && 443 <= high;
    }

    private static bool IsFixedPublicRange(string prefix) =>
        Ipv4Cidr.TryParse(prefix.Contains('/', StringComparison.Ordinal) ? prefix : prefix + "/32", out var cidr, out _) && !cidr.IsPrivate && cidr.PrefixLength > 0;

    // ---- EI-EDGE-005, EI-EDGE-014 ----

    private static IEnumerable<PolicyViolation> PropertyLogsToDataStream(StackGraph graph)
    {
        var streams = graph.ResourcesOf<Datastream>().ToList();
        foreach (var property in EdgePropertyView.All(graph))
        {
            if (property.Default is not { } root)
            {
                yield return new PolicyViolation(property.Resource, $"{property.Unreadable}, so nothing shows a datastream behavior sending the property's logs to a stream: build the rules with EdgeProperty, or state them as JSON", "rules");
                continue;
            }

            var logging = root.Unconditional().SelectMany(rule => rule.BehaviorsNamed("datastream"))
                .Where(b => b.Behavior.IsTrue("logEnabled") && b.Behavior.Text("streamType") is "LOG" or "BEACON_AND_LOG")
                .ToList();
            if (logging.Count == 0)
            {
                yield return new PolicyViolation(property.Resource, "the default rule has no datastream behavior with streamType LOG and logEnabled true: add EdgeLogStream.PropertyBehavior (Behavior.DataStream with the stream's id)", "rules.behaviors");
            }

            foreach (var (behavior, path) in logging)
            {
                var names = behavior.List("logStreamName");
                if (names.Count == 0)
                {
                    yield return new PolicyViolation(property.Resource, "the datastream behavior's logStreamName is empty: name the stream this stack creates (EdgeLogStream.StreamId)", $"{path}.options.logStreamName");
                }

                foreach (var name in names)
                {
                    var stream = name is Expression expression ? streams.FirstOrDefault(s => References(expression).Any(r => ReferenceEquals(r, s))) : null;
                    if (stream is null)
                    {
                        yield return new PolicyViolation(property.Resource, $"the datastream behavior names the stream {Show(name)}, which this stack does not create: name the id of a Datastream of the stack (EdgeLogStream.StreamId)", $"{path}.options.logStreamName");
                        continue;
                    }

                    var streamArgs = graph.InputsOf<DatastreamArgs>(stream);
                    if (graph.ValueOf(streamArgs.Active) is var active && !active.Is(true))
                    {
                        yield return new PolicyViolation(property.Resource, $"the stream {stream.LogicalName} has active {PolicyChecks.Show(active)}: set active to true, or no log is delivered", $"{path}.options.logStreamName");
                    }

                    if (!MonitorsProperty(streamArgs, property))
                    {
                        yield return new PolicyViolation(property.Resource, $"the stream {stream.LogicalName} does not list this property in its properties: add the property's id (its PropertyBootstrap's id when the rules name the stream)", $"{path}.options.logStreamName");
                    }
                }
            }

            foreach (var rule in property.Rules())
            {
                foreach (var (_, path) in rule.BehaviorsNamed("datastream").Where(b => b.Behavior.Option("logEnabled") is false))
                {
                    yield return new PolicyViolation(property.Resource, $"{rule.Label} turns DataStream log collection off (logEnabled false), so its requests leave no edge log: remove it", $"{path}.options.logEnabled");
                }
            }
        }
    }

    /// <summary>Whether the stream's <c>properties</c> name the property: its id, or the id it adopts (<c>propertyId</c>).</summary>
    private static bool MonitorsProperty(DatastreamArgs stream, EdgePropertyView property)
    {
        var own = new ResourceReferenceExpression(property.Resource, PropertyPath.Of("id"));
        var adopted = property.Args.PropertyId?.ToExpression();
        return stream.Properties is { } listed && listed.Any(item => item is not null
            && item.ToExpression() is var expression
            && (Same(expression, own) || (adopted is not null && Same(expression, adopted))));
    }

    private static string? DataStreamFields(StackGraph graph, DatastreamArgs stream)
    {
        if (stream.DatasetFields is null)
        {
            return $"datasetFields is unset: log at least {string.Join(", ", AuditFields.Select(Field))} (DataStreamField.AuditTrail)";
        }

        var fields = PolicyChecks.Items(stream.DatasetFields);
        var missing = AuditFields.Where(field => !fields.Contains(field.Id)).ToList();
        return missing.Count == 0
            ? null
            : $"datasetFields is [{string.Join(", ", fields.Select(id => id.ToString(CultureInfo.InvariantCulture)))}], without {string.Join(", ", missing.Select(Field))}: add them (DataStreamField.AuditTrail has them all)";
    }

    private static string Field(DataStreamField field) => $"{field.Id.ToString(CultureInfo.InvariantCulture)} {field.Name}";

    // ---- EI-EDGE-006 ----

    private sealed record Activation(CustomResource Resource, string Kind, object? Network, Expression? Target, Expression? Version);

    private static IEnumerable<PolicyViolation> StagingBeforeProduction(StackGraph graph)
    {
        var activations = new List<Activation>();
        foreach (var resource in graph.ResourcesOf<PropertyActivation>())
        {
            // The provider activates on STAGING when network is unset (akamai_property_activation).
            var args = graph.InputsOf<PropertyActivationArgs>(resource);
            activations.Add(new Activation(resource, "property", args.Network is null ? "STAGING" : Of(graph, args.Network), args.PropertyId?.ToExpression(), args.Version?.ToExpression()));
        }

        foreach (var resource in graph.ResourcesOf<EdgeWorkersActivation>())
        {
            var args = graph.InputsOf<EdgeWorkersActivationArgs>(resource);
            activations.Add(new Activation(resource, "EdgeWorker", Of(graph, args.Network), args.EdgeworkerId?.ToExpression(), args.Version?.ToExpression()));
        }

        foreach (var resource in graph.ResourcesOf<MtlstruststoreCaSetActivation>())
        {
            var args = graph.InputsOf<MtlstruststoreCaSetActivationArgs>(resource);
            activations.Add(new Activation(resource, "CA set", Of(graph, args.Network), args.CaSetId?.ToExpression(), args.Version?.ToExpression()));
        }

        foreach (var activation in activations)
        {
            if (activation.Network is Expression)
            {
                yield return new PolicyViolation(activation.Resource, "network is a deploy-time value: state STAGING or PRODUCTION, so that the order of the activations shows in the program", "network");
                continue;
            }

            if (activation.Network is not "PRODUCTION")
            {
                continue;
            }

            var stagings = activations.Where(other => other.Kind == activation.Kind
                && other.Network is "STAGING"
                && other.Target is not null && activation.Target is not null && Same(other.Target, activation.Target)
                && other.Version is not null && activation.Version is not null && Same(other.Version, activation.Version)).ToList();
            if (stagings.Count == 0)
            {
                yield return new PolicyViolation(activation.Resource, $"activates on PRODUCTION, but no STAGING activation of the same {activation.Kind} and version exists: activate it on STAGING first and make this activation depend on it", "network");
                continue;
            }

            var dependencies = DependencyClosure(graph, activation.Resource);
            if (!stagings.Any(staging => dependencies.Contains(staging.Resource)))
            {
                yield return new PolicyViolation(activation.Resource, $"activates on PRODUCTION without depending on the STAGING activation {string.Join(" or ", stagings.Select(s => s.Resource.LogicalName))}: add it to dependsOn, so PRODUCTION waits for STAGING to succeed", "dependsOn");
            }
        }
    }

    private static HashSet<CustomResource> DependencyClosure(StackGraph graph, CustomResource resource)
    {
        var seen = new HashSet<CustomResource>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<CustomResource>([resource]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!graph.Options.TryGetValue(current, out var options))
            {
                continue;
            }

            foreach (var dependency in options.DependsOn.Where(seen.Add))
            {
                pending.Push(dependency);
            }
        }

        return seen;
    }

    // ---- EI-EDGE-007 ----

    private static IEnumerable<PolicyViolation> JwtAlgorithms(StackGraph graph)
    {
        // Bundles built by an EdgeWorkerDeployment: the config.json Akamai receives. A raw EdgeWorker's .tgz is not read
        // (EI-EDGE-009 asks for a deployment); a bundle without a jwt section verifies no tokens.
        foreach (var deployment in graph.Resources.OfType<EdgeWorkerDeployment>())
        {
            if (deployment.Bundle.PackedText(EdgeGatewayConfig.ConfigFileName) is not { } text)
            {
                continue;
            }

            if (JwtSection(text, out var problem) is not { } jwt)
            {
                if (problem is not null)
                {
                    yield return new PolicyViolation(deployment.EdgeWorker, $"the bundle's {EdgeGatewayConfig.ConfigFileName} is not valid JSON ({problem}): the gate's algorithms cannot be read", "config.json");
                }

                continue;
            }

            // The gateway's lib/config.js allows RS256 only when jwt.algorithms is absent.
            if (jwt.ValueKind != JsonValueKind.Object || !jwt.TryGetProperty("algorithms", out var algorithms))
            {
                continue;
            }

            var values = algorithms.ValueKind == JsonValueKind.Array ? algorithms.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : a.GetRawText()).ToList() : null;
            var shown = algorithms.GetRawText();
            if (values is null || values.Count == 0)
            {
                yield return new PolicyViolation(deployment.EdgeWorker, $"jwt.algorithms is {shown}: give a non-empty list of signature algorithms, e.g. [\"RS256\"]", "config.json jwt.algorithms");
            }
            else if (values.Any(value => string.Equals(value, "none", StringComparison.OrdinalIgnoreCase)))
            {
                yield return new PolicyViolation(deployment.EdgeWorker, $"jwt.algorithms is {shown}, which accepts unsigned tokens (alg none): remove 'none'", "config.json jwt.algorithms");
            }
            else if (values.FirstOrDefault(value => value is null || !SignatureAlgorithms.Contains(value)) is { } unknown)
            {
                yield return new PolicyViolation(deployment.EdgeWorker, $"jwt.algorithms is {shown}, and '{unknown}' is no JWS signature algorithm: list only algorithms such as RS256, ES256, PS256 or HS256", "config.json jwt.algorithms");
            }
        }
    }

    /// <summary>The <c>jwt</c> section of a bundle's <c>config.json</c>; null without one, or with <paramref name="problem"/> when the text is no JSON.</summary>
    private static JsonElement? JwtSection(string text, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("jwt", out var section) ? section.Clone() : null;
        }
        catch (JsonException exception)
        {
            problem = exception.Message;
            return null;
        }
    }

    // ---- EI-EDGE-008 ----

    private static IEnumerable<PolicyViolation> SecretVariables(StackGraph graph)
    {
        foreach (var property in EdgePropertyView.All(graph))
        {
            for (var i = 0; i < property.Variables.Count; i++)
            {
                var variable = property.Variables[i];
                var fromSecret = variable.ValueExpression is { } expression && IsSecret(graph, expression);
                if ((fromSecret || SecretName().IsMatch(variable.Name)) && !(variable.Hidden && variable.Sensitive))
                {
                    var why = fromSecret ? "its value comes from a secret" : "its name says it holds a secret";
                    yield return new PolicyViolation(property.Resource, $"the variable {variable.Name} has hidden {Show(variable.Hidden)} and sensitive {Show(variable.Sensitive)}, but {why}: set both to true (RuleVariable.Secret)", $"rules.variables[{i.ToString(CultureInfo.InvariantCulture)}]");
                }
            }
        }
    }

    // ---- EI-EDGE-009 ----

    private static IEnumerable<PolicyViolation> EdgeWorkerVersions(StackGraph graph)
    {
        var deployments = graph.Resources.OfType<EdgeWorkerDeployment>().ToList();
        EdgeWorkerDeployment? DeploymentOf(Resource edgeWorker) => deployments.FirstOrDefault(d => ReferenceEquals(d.EdgeWorker, edgeWorker));

        // A bundle of an EdgeWorkerDeployment is locked: reading it fails synthesis when bundle.lock.json is missing or
        // differs from the files, so a graph this rule sees has only locked bundles.
        foreach (var edgeWorker in graph.ResourcesOf<EdgeWorker>())
        {
            if (DeploymentOf(edgeWorker) is null)
            {
                yield return new PolicyViolation(edgeWorker, $"localBundle is {PolicyChecks.Show(graph.ValueOf(graph.InputsOf<EdgeWorkerArgs>(edgeWorker).LocalBundle))}, not a bundle built from a locked directory: deploy it with EdgeWorkerDeployment, whose bundle.lock.json records the edgeworker-version and content hash", "localBundle");
            }
        }

        foreach (var activation in graph.ResourcesOf<EdgeWorkersActivation>())
        {
            var args = graph.InputsOf<EdgeWorkersActivationArgs>(activation);
            var version = graph.ValueOf(args.Version);
            if (!version.IsKnown || string.IsNullOrWhiteSpace(version.Value) || string.Equals(version.Value, "latest", StringComparison.OrdinalIgnoreCase))
            {
                yield return new PolicyViolation(activation, $"version is {PolicyChecks.Show(version)}: name the exact edgeworker-version of the locked bundle (EdgeWorkerDeployment pins it)", "version");
                continue;
            }

            var bundleVersion = args.EdgeworkerId is null ? null : References(args.EdgeworkerId.ToExpression()).Select(DeploymentOf).FirstOrDefault(d => d is not null)?.Bundle.Version;
            if (bundleVersion is not null && bundleVersion != version.Value)
            {
                yield return new PolicyViolation(activation, $"version is '{version.Value}', but the EdgeWorker's bundle is '{bundleVersion}': activate the bundle's version", "version");
            }
        }
    }

    // ---- EI-EDGE-011 ----

    private static IEnumerable<PolicyViolation> CertificateLifetimes(StackGraph graph)
    {
        foreach (var certificate in graph.ResourcesOf<LocallySignedCert>())
        {
            var args = graph.InputsOf<LocallySignedCertArgs>(certificate);
            if (LifetimeProblem(graph, args.IsCaCertificate, args.ValidityPeriodHours, args.EarlyRenewalHours) is { } problem)
            {
                yield return new PolicyViolation(certificate, problem.Message, problem.Property);
            }
        }

        foreach (var certificate in graph.ResourcesOf<SelfSignedCert>())
        {
            var args = graph.InputsOf<SelfSignedCertArgs>(certificate);
            if (LifetimeProblem(graph, args.IsCaCertificate, args.ValidityPeriodHours, args.EarlyRenewalHours) is { } problem)
            {
                yield return new PolicyViolation(certificate, problem.Message, problem.Property);
            }
        }
    }

    private static (string Message, string Property)? LifetimeProblem(StackGraph graph, Input<bool>? isCa, Input<int> validity, Input<int>? earlyRenewal)
    {
        if (graph.ValueOf(isCa).Is(true))
        {
            return null;
        }

        var hours = graph.ValueOf(validity);
        if (!hours.IsKnown || hours.Value > MaxCertificateHours)
        {
            return ($"validityPeriodHours is {PolicyChecks.Show(hours)}: a certificate the stack issues lives at most {MaxCertificateHours.ToString(CultureInfo.InvariantCulture)} hours (30 days)", "validityPeriodHours");
        }

        var renewal = graph.ValueOf(earlyRenewal);
        return renewal.IsKnown && renewal.Value >= MinEarlyRenewalHours && renewal.Value < hours.Value
            ? null
            : ($"earlyRenewalHours is {PolicyChecks.Show(renewal)}: set it to {MinEarlyRenewalHours.ToString(CultureInfo.InvariantCulture)} or more and less than validityPeriodHours ({hours.Value.ToString(CultureInfo.InvariantCulture)}), so that a deployment replaces the certificate before it expires", "earlyRenewalHours");
    }

    // ---- EI-EDGE-012 ----

    private static IEnumerable<PolicyViolation> StrictTransportSecurity(StackGraph graph)
    {
        foreach (var property in EdgePropertyView.All(graph))
        {
            if (property.Default is not { } root)
            {
                yield return new PolicyViolation(property.Resource, $"{property.Unreadable}, so nothing shows the httpStrictTransportSecurity behavior: build the rules with EdgeProperty, or state them as JSON", "rules");
                continue;
            }

            var hsts = root.Unconditional().SelectMany(rule => rule.BehaviorsNamed("httpStrictTransportSecurity")).Where(b => b.Behavior.IsTrue("enable")).ToList();
            if (hsts.Count == 0)
            {
                yield return new PolicyViolation(property.Resource, "the default rule has no httpStrictTransportSecurity behavior with enable true: add Behavior.StrictTransportSecurity()", "rules.behaviors");
            }

            foreach (var (behavior, path) in hsts)
            {
                if (behavior.Option("maxAge") is var maxAge && maxAge is null or "ZERO_MINS")
                {
                    yield return new PolicyViolation(property.Resource, $"httpStrictTransportSecurity has maxAge {Show(maxAge)}: state a duration such as ONE_YEAR (ZERO_MINS disables HSTS)", $"{path}.options.maxAge");
                }
            }

            foreach (var rule in property.Rules())
            {
                foreach (var (_, path) in rule.BehaviorsNamed("httpStrictTransportSecurity").Where(b => b.Behavior.Option("enable") is false))
                {
                    yield return new PolicyViolation(property.Resource, $"{rule.Label} turns httpStrictTransportSecurity off: remove it", $"{path}.options.enable");
                }
            }
        }
    }

    [GeneratedRegex(@"^v[0-9]{4}-[0-9]{2}-[0-9]{2}\z")]
    private static partial Regex DatedRuleFormat();

    [GeneratedRegex(@"^[A-Za-z0-9_]*(SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API_?KEY|HMAC)[A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();
}
