using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Network;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.NetworkLinks;
using static EdgeInfra.Components.Policy.PolicyChecks;
using NetworkInterface = EdgeInfra.AzureNative.Network.NetworkInterface;
using NetworkInterfaceArgs = EdgeInfra.AzureNative.Network.NetworkInterfaceArgs;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on network security rules, wherever the program states them: inline in a network security group
/// (<c>azure-native:network:NetworkSecurityGroup</c>) or as <c>azure-native:network:SecurityRule</c> resources.
/// The Internet tests are <see cref="InternetExposure"/>'s. Deploy-time values: an access, direction or protocol known
/// only at deployment is read as allow, inbound, any protocol; a deploy-time source counts as an Internet source for
/// the management-port rule (as <see cref="InternetExposure"/> reads it, so the rule fails) but not as "every address"
/// for the other exposure rules (they skip it); a deploy-time port range includes every port.
/// The origin's own rule admitting 443 from the edge's ranges passes every rule here: its sources are named public
/// ranges, not every address, and its port is neither 22, 3389, 80 nor a sensitive service port.
/// </summary>
internal static class NetworkSecurityGroupRules
{
    private const string Area = "Network security groups";

    /// <summary>Service ports that must not be open to every address: file transfer, telnet, mail, DNS, RPC/NetBIOS, SNMP, LDAP, IMAP/POP3 over TLS, databases and caches (Trivy AZU-0074).</summary>
    private static readonly int[] SensitivePorts = [20, 21, 23, 25, 53, 110, 135, 139, 143, 161, 389, 636, 993, 995, 1433, 1521, 3306, 5432, 6379];

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-NSG-001", Area, PolicySeverity.Critical,
            "SSH and RDP are never open to the Internet",
            "Ports 22 and 3389 reachable from any public address are brute-forced within minutes; admit them only from private ranges or VirtualNetwork (e.g. Azure Bastion).",
            ["CKV_AZURE_10", "CKV_AZURE_9", "AZU-0050", "AZU-0048"],
            graph => SecurityRules(graph).SelectMany(rule => InternetExposure.ManagementPorts
                .Where(port => InternetExposure.AdmitsInternetTo(port, rule.Access, rule.Direction, rule.Protocol, rule.Sources, rule.PortRanges))
                .Select(port => new PolicyViolation(
                    rule.Resource,
                    $"{rule.Label} allows port {port} from {Quoted(rule.Sources.Where(InternetExposure.IsInternetSource))}: admit {port} only from private ranges or VirtualNetwork (e.g. through Azure Bastion), never from a public source",
                    rule.Property(rule.SourceProperty))))),
        new(
            "EI-NSG-002", Area, PolicySeverity.Critical,
            "No inbound rule allows every source",
            "An allow rule from *, Any, Internet or a /0 opens its ports to the whole Internet; name the sources that need them (the origin admits only the edge's ranges).",
            ["Azure.NSG.AnyInboundSource", "AZU-0047", "nsg-disallow-public-internet-ingress"],
            graph => SecurityRules(graph)
                .Where(rule => rule.Allows && rule.IsInbound && rule.Sources.Any(InternetExposure.IsAnySource))
                .Select(rule => new PolicyViolation(
                    rule.Resource,
                    $"{rule.Label} allows inbound traffic to ports {Quoted(rule.PortRanges)} from {Quoted(rule.Sources.Where(InternetExposure.IsAnySource))}, i.e. from every address: state the sources that need it (e.g. the edge's ranges)",
                    rule.Property(rule.SourceProperty)))),
        new(
            "EI-NSG-003", Area, PolicySeverity.High,
            "No UDP service is open to every source",
            "UDP services open to every address (DNS, NTP, SNMP, game or VPN ports) are used for amplification attacks and scanning; restrict their sources.",
            ["CKV_AZURE_77"],
            graph => SecurityRules(graph)
                .Where(rule => rule.Allows && rule.IsInbound && string.Equals(rule.Protocol, "Udp", StringComparison.OrdinalIgnoreCase) && rule.Sources.Any(InternetExposure.IsAnySource))
                .Select(rule => new PolicyViolation(
                    rule.Resource,
                    $"{rule.Label} allows UDP to ports {Quoted(rule.PortRanges)} from {Quoted(rule.Sources.Where(InternetExposure.IsAnySource))}: restrict the sources to those that need the service",
                    rule.Property(rule.SourceProperty)))),
        new(
            "EI-NSG-004", Area, PolicySeverity.High,
            "Sensitive service ports are not open to every source",
            "File transfer, telnet, mail, DNS, RPC, SNMP, LDAP and database ports open to every address invite exploitation of services never meant for the Internet.",
            ["AZU-0074"],
            graph => SecurityRules(graph)
                .Select(rule => (Rule: rule, Ports: SensitivePorts.Where(port => AdmitsFromEverywhere(rule, port)).ToList()))
                .Where(found => found.Ports.Count > 0)
                .Select(found => new PolicyViolation(
                    found.Rule.Resource,
                    $"{found.Rule.Label} allows port{(found.Ports.Count == 1 ? string.Empty : "s")} {string.Join(", ", found.Ports)} from {Quoted(found.Rule.Sources.Where(InternetExposure.IsAnySource))}: admit these services only from the sources that use them",
                    found.Rule.Property(found.Rule.SourceProperty)))),
        new(
            "EI-NSG-005", Area, PolicySeverity.Medium,
            "Plain HTTP is not open to every source",
            "Port 80 open to every address serves clear-text HTTP to the Internet; the origin is reached over 443 from the edge only.",
            ["CKV_AZURE_160"],
            graph => SecurityRules(graph)
                .Where(rule => AdmitsFromEverywhere(rule, 80))
                .Select(rule => new PolicyViolation(
                    rule.Resource,
                    $"{rule.Label} allows port 80 from {Quoted(rule.Sources.Where(InternetExposure.IsAnySource))}: serve HTTPS, and admit 80 (if at all) only from named sources",
                    rule.Property(rule.SourceProperty)))),
        new(
            "EI-NSG-006", Area, PolicySeverity.Low,
            "The first inbound rule does not deny everything",
            "A deny-all from * ahead of every other inbound rule also blocks the load balancer's health probe and makes the rules below it dead; put the allows first and the deny-all last.",
            ["Azure.NSG.DenyAllInbound"],
            FirstInboundDeniesAll),
        new(
            "EI-NSG-007", Area, PolicySeverity.Low,
            "Every network security group is attached",
            "A security group that no subnet or network interface uses filters nothing and suggests the traffic it was meant to filter is unprotected.",
            ["Azure.NSG.Associated"],
            Unattached),
    ];

    /// <summary>Whether <paramref name="rule"/> allows <paramref name="port"/> from a source that stands for every address.</summary>
    private static bool AdmitsFromEverywhere(SecurityRuleView rule, int port) =>
        InternetExposure.AdmitsInternetTo(port, rule.Access, rule.Direction, rule.Protocol, rule.Sources.Where(InternetExposure.IsAnySource), rule.PortRanges);

    private static IEnumerable<PolicyViolation> FirstInboundDeniesAll(StackGraph graph)
    {
        var rulesByGroup = SecurityRules(graph).Where(rule => rule.Group is not null && rule.IsInbound).ToLookup(rule => rule.Group!, ReferenceEqualityComparer.Instance);
        foreach (var inbound in rulesByGroup.Select(group => group.ToList()))
        {
            // The order is only known when every inbound rule's priority is.
            if (inbound.Any(rule => !rule.Priority.IsKnown))
            {
                continue;
            }

            var first = inbound.OrderBy(rule => rule.Priority.Value).First();
            if (!first.Allows && first.Sources.Any(source => source is "*" or "0.0.0.0/0" || string.Equals(source, "Any", StringComparison.OrdinalIgnoreCase)))
            {
                yield return new PolicyViolation(
                    first.Resource,
                    $"{first.Label} (priority {first.Priority.Value}) is the first inbound rule and denies everything from {Quoted(first.Sources)}: no rule below it, nor the load balancer's health probe, gets through; give the deny-all the last priority (e.g. 4096)",
                    first.Property("priority"));
            }
        }
    }

    private static IEnumerable<PolicyViolation> Unattached(StackGraph graph)
    {
        var used = new HashSet<CustomResource>(ReferenceEqualityComparer.Instance);
        foreach (var subnet in Subnets(graph))
        {
            Add(Plain(subnet.SecurityGroup)?.Id);
        }

        foreach (var nic in graph.ResourcesOf<NetworkInterface>())
        {
            Add(Plain(graph.InputsOf<NetworkInterfaceArgs>(nic).NetworkSecurityGroup)?.Id);
        }

        foreach (var vm in graph.ResourcesOf<VirtualMachine>())
        {
            foreach (var (configuration, _) in CreatedInterfaces(graph.InputsOf<VirtualMachineArgs>(vm)))
            {
                Add(Plain(configuration.NetworkSecurityGroup)?.Id);
            }
        }

        return graph.ResourcesOf<NetworkSecurityGroup>()
            .Where(group => !used.Contains(group))
            .Select(group => new PolicyViolation(
                group,
                "no subnet or network interface in the program names this security group in its networkSecurityGroup: attach it to the subnet (or network interface) it protects, or remove it"));

        void Add(Input<string>? id)
        {
            if (Target(id) is { } target)
            {
                used.Add(target);
            }
        }
    }
}
