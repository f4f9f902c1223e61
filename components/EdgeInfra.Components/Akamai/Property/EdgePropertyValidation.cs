using System.Globalization;
using System.Text.RegularExpressions;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Akamai;

/// <summary>Checks an <see cref="EdgePropertyArgs"/>, recording every problem in a <see cref="ComponentErrors"/>.</summary>
internal static partial class EdgePropertyValidation
{
    /// <summary>The suffixes Akamai gives edge hostnames.</summary>
    public static readonly IReadOnlyList<string> EdgeHostnameSuffixes = [".edgesuite.net", ".edgekey.net", ".akamaized.net"];

    /// <summary>The suffix of Enhanced TLS edge hostnames, which need a certificate.</summary>
    public const string EnhancedTlsSuffix = ".edgekey.net";

    private static readonly TimeSpan ShortestActivationTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LongestActivationTimeout = TimeSpan.FromHours(24);

    /// <summary>Records every problem of <paramref name="args"/> and of <paramref name="rules"/> in <paramref name="errors"/>.</summary>
    public static void Check(EdgePropertyArgs args, RuleTree rules, ComponentErrors errors)
    {
        CheckId("contractId", args.ContractId, ValidationPatterns.ContractId(), "ctr_ followed by letters, digits and hyphens (e.g. ctr_1-ABC123)", errors);
        CheckId("groupId", args.GroupId, ValidationPatterns.GroupId(), "grp_ followed by digits (e.g. grp_12345)", errors);
        CheckId("productId", args.ProductId, ValidationPatterns.ProductId(), "prd_ followed by letters, digits and underscores (e.g. prd_Fresca)", errors);

        if (!ValidationPatterns.PropertyName().IsMatch(args.PropertyName?.Value ?? string.Empty))
        {
            errors.Add("propertyName", $"{Show(args.PropertyName?.Value)} is not a valid property name: 1 to 85 letters, digits, dots, hyphens and underscores");
        }

        if (args.CpCodeName?.Value is { } cpCodeName && (string.IsNullOrWhiteSpace(cpCodeName) || cpCodeName.Length > 125))
        {
            errors.Add("cpCodeName", $"{Show(cpCodeName)} is not a valid CP code name: 1 to 125 characters, not blank");
        }

        CheckHostnames(args.Hostnames?.Values ?? [], errors);
        CheckEdgeHostname(args, errors);

        if (args.CertProvisioningType is not ("DEFAULT" or "CPS_MANAGED"))
        {
            errors.Add("certProvisioningType", $"{Show(args.CertProvisioningType)} is not a certificate provisioning type: DEFAULT or CPS_MANAGED");
        }

        CheckActivation(args, errors);

        foreach (var error in rules.Validate())
        {
            errors.Add(error.Path, error.Message);
        }
    }

    private static void CheckId(string property, Input<string> value, Regex pattern, string rule, ComponentErrors errors)
    {
        if (value is null)
        {
            errors.Add(property, $"is null: give {rule}");
        }
        else if (RuleTreeValues.TryKnown(value, out var known) && !(known is string text && pattern.IsMatch(text)))
        {
            errors.Add(property, $"{RuleTreeValues.Show(known)} is not a valid {property}: {rule}");
        }
    }

    private static void CheckHostnames(IReadOnlyList<string> hostnames, ComponentErrors errors)
    {
        if (hostnames.Count == 0)
        {
            errors.Add("hostnames", "is empty: a property serves at least one hostname");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < hostnames.Count; i++)
        {
            var property = $"hostnames[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (!PropertyHostnameSyntax.IsValid(hostnames[i], allowWildcard: true))
            {
                errors.Add(property, $"{Show(hostnames[i])} is not a valid hostname: {PropertyHostnameSyntax.Rule}, a leading '*.' allowed");
            }
            else if (!seen.Add(hostnames[i]))
            {
                errors.Add(property, $"{Show(hostnames[i])} is given twice: hostnames are unique, ignoring case");
            }
        }
    }

    private static void CheckEdgeHostname(EdgePropertyArgs args, ComponentErrors errors)
    {
        var edgeHostname = args.EdgeHostname?.Value ?? string.Empty;
        var suffix = EdgeHostnameSuffixes.FirstOrDefault(s => edgeHostname.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        if (!PropertyHostnameSyntax.IsValid(edgeHostname) || suffix is null || edgeHostname.Length == suffix.Length)
        {
            errors.Add("edgeHostname", $"{Show(edgeHostname)} is not a valid edge hostname: a DNS name ending in {string.Join(", ", EdgeHostnameSuffixes)}");
        }

        var isEnhancedTls = edgeHostname.EndsWith(EnhancedTlsSuffix, StringComparison.OrdinalIgnoreCase);
        if (isEnhancedTls && args.CertificateEnrollmentId is null)
        {
            errors.Add("certificateEnrollmentId", $"is missing: the Enhanced TLS edge hostname {Show(edgeHostname)} needs the CPS enrollment id of its certificate");
        }
        else if (!isEnhancedTls && args.CertificateEnrollmentId is { } enrollment)
        {
            errors.Add("certificateEnrollmentId", $"{enrollment.ToString(CultureInfo.InvariantCulture)} is set for {Show(edgeHostname)}: only {EnhancedTlsSuffix} edge hostnames take a certificate");
        }
        else if (args.CertificateEnrollmentId is <= 0)
        {
            errors.Add("certificateEnrollmentId", $"{args.CertificateEnrollmentId.Value.ToString(CultureInfo.InvariantCulture)} is not a CPS enrollment id: a positive integer");
        }

        if (args.IpBehavior is not ("IPV4" or "IPV6_PERFORMANCE" or "IPV6_COMPLIANCE"))
        {
            errors.Add("ipBehavior", $"{Show(args.IpBehavior)} is not an IP behavior: IPV4, IPV6_PERFORMANCE or IPV6_COMPLIANCE");
        }
    }

    private static void CheckActivation(EdgePropertyArgs args, ComponentErrors errors)
    {
        var contacts = args.ActivationContacts?.Values ?? [];
        if (contacts.Count == 0)
        {
            errors.Add("activationContacts", "is empty: activations need at least one email address to notify");
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            if (!ValidationPatterns.Email().IsMatch(contacts[i] ?? string.Empty))
            {
                errors.Add($"activationContacts[{i.ToString(CultureInfo.InvariantCulture)}]", $"{Show(contacts[i])} is not an email address: local part, '@' and a domain with a dot, no spaces");
            }
        }

        if (string.IsNullOrWhiteSpace(args.ActivationNote?.Value))
        {
            errors.Add("activationNote", $"{Show(args.ActivationNote?.Value)} is blank: every activation carries a note saying what changed");
        }

        if (args.ActivationTimeout < ShortestActivationTimeout || args.ActivationTimeout > LongestActivationTimeout || args.ActivationTimeout.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            errors.Add("activationTimeout", $"{args.ActivationTimeout.ToString("c", CultureInfo.InvariantCulture)} is out of range: 10 minutes to 24 hours, in whole minutes (activations take minutes to hours)");
        }

        if (args.ActivateProduction && args.AcknowledgeProductionRuleWarnings is null)
        {
            errors.Add("acknowledgeProductionRuleWarnings", "is not stated but activateProduction is true: say whether the PRODUCTION activation acknowledges rule warnings (true) or stops on any warning (false)");
        }
    }

    private static string Show(string? text) => RuleTreeValues.Show(text);
}
