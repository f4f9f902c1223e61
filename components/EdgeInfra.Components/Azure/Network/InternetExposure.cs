using System.Globalization;
using EdgeInfra.AzureNative.Network;
using EdgeInfra.Review;
using EdgeInfra.Yaml;
using RuleArgs = EdgeInfra.AzureNative.Network.Inputs.SecurityRuleArgs;

namespace EdgeInfra.Components.Azure.Network;

/// <summary>
/// Whether network security rules admit a port from the Internet, for one rule (as <see cref="OriginNetwork"/>
/// validates its extra rules) or for every rule of a synthesized program (for a stack-wide test such as "no security
/// rule admits 22 or 3389 from the Internet"). The check is conservative: any source other than the
/// <c>VirtualNetwork</c> and <c>AzureLoadBalancer</c> service tags or a private CIDR counts as the Internet, and a
/// value only known at deploy time (a reference, a config value, an unreadable port range) counts as admitting.
/// </summary>
public static class InternetExposure
{
    /// <summary>The remote management ports that must never be reachable from the Internet: SSH (22) and RDP (3389).</summary>
    public static IReadOnlyList<int> ManagementPorts { get; } = [22, 3389];

    private const string SecurityRuleType = "azure-native:network:SecurityRule";

    private const string Unknown = "\0unknown";

    /// <summary>
    /// True when a rule with these values admits <paramref name="port"/> from the Internet: it allows, it is inbound,
    /// its protocol carries ports (<c>Tcp</c>, <c>Udp</c> or <c>*</c>), one of <paramref name="sourcePrefixes"/> is an
    /// Internet source (see <see cref="IsInternetSource"/>) and one of <paramref name="destinationPortRanges"/> includes the port.
    /// </summary>
    public static bool AdmitsInternetTo(int port, string access, string direction, string protocol, IEnumerable<string> sourcePrefixes, IEnumerable<string> destinationPortRanges)
    {
        ArgumentNullException.ThrowIfNull(sourcePrefixes);
        ArgumentNullException.ThrowIfNull(destinationPortRanges);
        return Is(access, "Allow")
            && Is(direction, "Inbound")
            && (Is(protocol, "Tcp") || Is(protocol, "Udp") || Is(protocol, "*"))
            && sourcePrefixes.Any(IsInternetSource)
            && destinationPortRanges.Any(range => PortRangeIncludes(range, port));
    }

    /// <summary>
    /// True unless <paramref name="source"/> is surely not the Internet: the <c>VirtualNetwork</c> or
    /// <c>AzureLoadBalancer</c> service tag, or an IPv4 CIDR or address inside private address space
    /// (see <see cref="Ipv4Cidr.IsPrivate"/>). <c>*</c>, <c>Internet</c>, <c>0.0.0.0/0</c>, public CIDRs, other service
    /// tags and anything unreadable are Internet sources.
    /// </summary>
    public static bool IsInternetSource(string source)
    {
        if (source is null || source == Unknown)
        {
            return true;
        }

        if (Is(source, "VirtualNetwork") || Is(source, "AzureLoadBalancer"))
        {
            return false;
        }

        var cidrText = source.Contains('/', StringComparison.Ordinal) ? source : source + "/32";
        return !(Ipv4Cidr.TryParse(cidrText, out var cidr, out _) && cidr.IsPrivate);
    }

    /// <summary>
    /// True when <paramref name="source"/> stands for every address, as the scanners' "from anywhere" rules read a
    /// source: <c>*</c>, <c>Any</c>, the <c>Internet</c> service tag, <c>0.0.0.0</c> or any <c>/0</c> prefix (case-insensitive).
    /// A narrower test than <see cref="IsInternetSource"/>, which also counts every public CIDR; a value only known at
    /// deploy time is not counted here.
    /// </summary>
    internal static bool IsAnySource(string source) =>
        source is not null
        && (source == "*"
            || string.Equals(source, "Any", StringComparison.OrdinalIgnoreCase)
            || string.Equals(source, "Internet", StringComparison.OrdinalIgnoreCase)
            || source == "0.0.0.0"
            || source.EndsWith("/0", StringComparison.Ordinal));

    /// <summary>
    /// True when the destination port range <paramref name="range"/> (<c>*</c>, <c>22</c> or <c>20-30</c>) includes
    /// <paramref name="port"/>; an unreadable range is taken to include it.
    /// </summary>
    public static bool PortRangeIncludes(string range, int port)
    {
        if (range is null || range == Unknown || range == "*")
        {
            return true;
        }

        var bounds = range.Split('-');
        if (bounds.Length is 1 or 2
            && int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var high))
        {
            return low <= port && port <= high;
        }

        return true;
    }

    /// <summary>
    /// Every security rule of the synthesized <paramref name="program"/> (YAML text, as <c>synth</c> prints it) that admits
    /// one of <paramref name="ports"/> (default: <see cref="ManagementPorts"/>) from the Internet: rules inline in any
    /// resource's <c>securityRules</c> (network security groups, at any depth) and <c>SecurityRule</c> resources.
    /// </summary>
    /// <exception cref="FormatException">The text is not a program.</exception>
    public static IReadOnlyList<InternetExposureFinding> Find(string program, params int[] ports)
    {
        var document = ProgramDocument.Parse(program);
        var portsToCheck = ports is { Length: > 0 } ? ports : [.. ManagementPorts];
        var findings = new List<InternetExposureFinding>();
        foreach (var (name, resource) in document.Resources)
        {
            if (string.Equals(resource.Type, SecurityRuleType, StringComparison.Ordinal))
            {
                findings.AddRange(Check(name, string.Empty, resource.Properties, portsToCheck));
            }

            foreach (var (path, rule) in InlineRules(string.Empty, resource.Properties))
            {
                findings.AddRange(Check(name, path, rule, portsToCheck));
            }
        }

        return findings;
    }

    /// <summary>
    /// The findings of <see cref="Find(string, int[])"/> for the stack <paramref name="graph"/>, read from the typed
    /// inputs of its network security groups (<c>securityRules</c>) and <c>SecurityRule</c> resources.
    /// </summary>
    public static IReadOnlyList<InternetExposureFinding> Find(StackGraph graph, params int[] ports)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var portsToCheck = ports is { Length: > 0 } ? ports : [.. ManagementPorts];
        var findings = new List<InternetExposureFinding>();
        foreach (var resource in graph.CustomResources)
        {
            switch (resource)
            {
                case NetworkSecurityGroup nsg:
                    var rules = graph.InputsOf<NetworkSecurityGroupArgs>(nsg).SecurityRules?.ToList() ?? [];
                    for (var i = 0; i < rules.Count; i++)
                    {
                        if (rules[i] is { } input && input.TryGetValue(out var rule))
                        {
                            findings.AddRange(Check(nsg.LogicalName, $"securityRules[{i}]", Fields(rule), portsToCheck));
                        }
                    }

                    break;
                case SecurityRule securityRule:
                    findings.AddRange(Check(securityRule.LogicalName, string.Empty, Fields(graph.InputsOf<SecurityRuleArgs>(securityRule)), portsToCheck));
                    break;
            }
        }

        return findings;
    }

    private static RuleFields Fields(RuleArgs rule) => new(
        Text(rule.Access), Text(rule.Direction), Text(rule.Protocol), Name(rule.Name),
        [.. Texts(rule.SourceAddressPrefix, rule.SourceAddressPrefixes)], [.. Texts(rule.DestinationPortRange, rule.DestinationPortRanges)]);

    private static RuleFields Fields(SecurityRuleArgs rule) => new(
        Text(rule.Access), Text(rule.Direction), Text(rule.Protocol), Name(rule.Name),
        [.. Texts(rule.SourceAddressPrefix, rule.SourceAddressPrefixes)], [.. Texts(rule.DestinationPortRange, rule.DestinationPortRanges)]);

    private static string? Name(Input<string>? name) => name is not null && name.TryGetValue(out var text) ? text : null;

    private static string Text(Input<string>? input) => input is not null && input.TryGetValue(out var text) ? text : Unknown;

    /// <summary>The values of a string and a list of strings as stated; a list only known at deploy time is one unknown value.</summary>
    private static IEnumerable<string> Texts(Input<string>? single, InputList<string>? list)
    {
        if (single is not null)
        {
            yield return Text(single);
        }

        if (list is null)
        {
            yield break;
        }

        if (list.ToExpression() is not Expressions.ListExpression)
        {
            yield return Unknown;
            yield break;
        }

        foreach (var item in list)
        {
            yield return Text(item);
        }
    }

    /// <summary>What a security rule states, each value as its literal text or <see cref="Unknown"/>.</summary>
    private sealed record RuleFields(string Access, string Direction, string Protocol, string? Name, IReadOnlyList<string> Sources, IReadOnlyList<string> PortRanges);

    private static IEnumerable<InternetExposureFinding> Check(string resource, string path, RuleFields rule, IReadOnlyList<int> ports)
    {
        foreach (var port in ports)
        {
            if (!AdmitsInternetTo(port, rule.Access, rule.Direction, rule.Protocol, rule.Sources, rule.PortRanges))
            {
                continue;
            }

            foreach (var source in rule.Sources.Where(IsInternetSource))
            {
                yield return new InternetExposureFinding(resource, path, rule.Name, port, source == Unknown ? "(known at deploy time)" : source);
            }
        }
    }

    private static IEnumerable<InternetExposureFinding> Check(string resource, string path, YamlMapping rule, IReadOnlyList<int> ports) =>
        Check(resource, path, new RuleFields(
            Single(rule, "access"), Single(rule, "direction"), Single(rule, "protocol"), Single(rule, "name") is var name && name != Unknown ? name : null,
            [.. Strings(rule, "sourceAddressPrefix").Concat(Strings(rule, "sourceAddressPrefixes"))],
            [.. Strings(rule, "destinationPortRange").Concat(Strings(rule, "destinationPortRanges"))]), ports);

    private static IEnumerable<(string Path, YamlMapping Rule)> InlineRules(string path, YamlValue value)
    {
        switch (value)
        {
            case YamlMapping mapping:
                foreach (var (key, child) in mapping.Entries)
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (key == "securityRules" && child is YamlSequence rules)
                    {
                        for (var i = 0; i < rules.Items.Length; i++)
                        {
                            if (rules.Items[i] is YamlMapping rule)
                            {
                                yield return ($"{childPath}[{i}]", rule);
                            }
                        }
                    }
                    else
                    {
                        foreach (var found in InlineRules(childPath, child))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    foreach (var found in InlineRules($"{path}[{i}]", sequence.Items[i]))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    private static YamlValue? Get(YamlMapping mapping, string key) =>
        mapping.Entries.Where(e => e.Key == key).Select(e => e.Value).FirstOrDefault();

    /// <summary>The literal text of a scalar, or <see cref="Unknown"/> for an expression or a missing value.</summary>
    private static string Single(YamlMapping rule, string key) => Literal(Get(rule, key));

    /// <summary>The values of a string or a list of strings; a list only known at deploy time is one unknown value.</summary>
    private static IEnumerable<string> Strings(YamlMapping rule, string key) => Get(rule, key) switch
    {
        null => [],
        YamlSequence sequence => sequence.Items.Select(Literal),
        var value => [Literal(value)],
    };

    private static string Literal(YamlValue? value) => value switch
    {
        YamlString { Text: var text } when !text.Replace("$${", string.Empty, StringComparison.Ordinal).Contains("${", StringComparison.Ordinal) =>
            text.Replace("$${", "${", StringComparison.Ordinal),
        YamlPlain { Text: var text } when text != "null" => text,
        _ => Unknown,
    };

    private static bool Is(string value, string expected) =>
        value == Unknown || string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
