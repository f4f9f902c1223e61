using System.Globalization;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Azure.Network;

/// <summary>The checks of <see cref="OriginNetworkArgs"/>: every problem is recorded, each naming the property, the bad value and the rule.</summary>
internal static partial class OriginNetworkValidation
{
    private const int SmallestEdgePrefixLength = 8;

    private static readonly string[] ReservedSubnetNames =
        ["GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "AzureBastionSubnet", "RouteServerSubnet"];

    private static readonly string[] Protocols = ["Tcp", "Udp", "Icmp", "Esp", "Ah", "*"];

    private static readonly string[] Accesses = ["Allow", "Deny"];

    /// <summary>Checks <paramref name="args"/>; returns the address plan, or throws with every problem.</summary>
    /// <exception cref="SynthesisException">Something is wrong.</exception>
    public static AddressPlan Validate(string name, OriginNetworkArgs args)
    {
        var errors = new ComponentErrors(OriginNetwork.TypeToken, name);
        CheckVirtualNetworkName(args.VirtualNetworkName, errors);
        CheckSubnetNames(args.Subnets ?? [], errors);
        var plan = AddressPlan.Check(args.AddressSpace, args.Subnets ?? [], errors);
        CheckEdgeCidrs(args.EdgeCidrs ?? [], errors);
        if (args.HealthProbePort is < 1 or > 65535)
        {
            errors.Add("healthProbePort", $"{args.HealthProbePort.ToString(CultureInfo.InvariantCulture)} is not a port: it must be from 1 to 65535");
        }

        CheckAdditionalRules(args.AdditionalInboundRules ?? [], errors);
        Monitoring.DiagnosticSettings.Check(args.DiagnosticSettings, errors);
        ManagementLocks.Check(args.Lock, errors);
        ManagedIdentityBlock.Reject(args.ManagedIdentities, "OriginNetwork", errors);
        errors.ThrowIfAny();
        return plan!;
    }

    private static void CheckVirtualNetworkName(string? name, ComponentErrors errors)
    {
        if (name is not null && !ValidationPatterns.VirtualNetworkName().IsMatch(name))
        {
            errors.Add("virtualNetworkName", $"'{name}' is not a virtual network name: 2 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'");
        }
    }

    private static void CheckSubnetNames(IReadOnlyList<SubnetSpec> subnets, ComponentErrors errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < subnets.Count; i++)
        {
            var subnetName = subnets[i]?.Name;
            if (subnetName is null)
            {
                continue;
            }

            if (!ValidationPatterns.SubnetName().IsMatch(subnetName))
            {
                errors.Add($"subnets[{i}].name", $"'{subnetName}' is not a subnet name: a letter, then letters, digits, '_' or '-', ending with a letter, digit or '_' (at most 80 characters)");
            }
            else if (ReservedSubnetNames.FirstOrDefault(r => string.Equals(r, subnetName, StringComparison.OrdinalIgnoreCase)) is { } reserved)
            {
                errors.Add($"subnets[{i}].name", $"'{subnetName}' is reserved for an Azure service ({reserved}) whose security rules this component does not state: name the subnet otherwise");
            }

            CheckServiceEndpoints(i, subnets[i].ServiceEndpoints ?? [], errors);
            if (seen.TryGetValue(subnetName, out var first))
            {
                errors.Add($"subnets[{i}].name", $"'{subnetName}' repeats subnets[{first}].name: subnet names must be unique (Azure compares them ignoring case)");
            }
            else
            {
                seen.Add(subnetName, i);
            }
        }
    }

    private static void CheckServiceEndpoints(int subnet, IReadOnlyList<string> serviceEndpoints, ComponentErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < serviceEndpoints.Count; i++)
        {
            var service = serviceEndpoints[i];
            var property = $"subnets[{subnet}].serviceEndpoints[{i}]";
            if (!SubnetSpec.KnownServiceEndpoints.Contains(service, StringComparer.Ordinal))
            {
                errors.Add(property, $"'{service}' is not a service endpoint: one of {string.Join(", ", SubnetSpec.KnownServiceEndpoints)}");
            }
            else if (!seen.Add(service))
            {
                errors.Add(property, $"'{service}' is listed twice: each service endpoint once");
            }
        }
    }

    private static void CheckEdgeCidrs(IReadOnlyList<string> edgeCidrs, ComponentErrors errors)
    {
        if (edgeCidrs.Count == 0)
        {
            errors.Add("edgeCidrs", "is empty: list the edge's egress ranges (Akamai Site Shield or origin IP ACL CIDRs), the only sources admitted on 443");
            return;
        }

        var seen = new Dictionary<Ipv4Cidr, int>();
        for (var i = 0; i < edgeCidrs.Count; i++)
        {
            if (!Ipv4Cidr.TryParse(edgeCidrs[i], out var cidr, out var error))
            {
                errors.Add($"edgeCidrs[{i}]", error);
                continue;
            }

            if (cidr.PrefixLength < SmallestEdgePrefixLength)
            {
                errors.Add($"edgeCidrs[{i}]", $"'{cidr}' is wider than /{SmallestEdgePrefixLength}: an edge CIDR is the edge's own egress range, never a large part of the Internet");
            }

            if (seen.TryGetValue(cidr, out var first))
            {
                errors.Add($"edgeCidrs[{i}]", $"'{cidr}' repeats edgeCidrs[{first}]: list each edge range once");
            }
            else
            {
                seen.Add(cidr, i);
            }
        }
    }

    private static void CheckAdditionalRules(IReadOnlyList<InboundRuleSpec> rules, ComponentErrors errors)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var priorities = new Dictionary<int, int>();
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"additionalInboundRules[{i}]";
            var rule = rules[i];
            if (rule is null)
            {
                errors.Add(at, "is null");
                continue;
            }

            CheckRuleName(rule.Name, at, names, i, errors);
            if (rule.Priority is < OriginNetwork.FirstAdditionalRulePriority or > OriginNetwork.LastAdditionalRulePriority)
            {
                errors.Add($"{at}.priority", $"{rule.Priority.ToString(CultureInfo.InvariantCulture)} is not from {OriginNetwork.FirstAdditionalRulePriority} to {OriginNetwork.LastAdditionalRulePriority}: 100 to 199 belong to the component's own rules and {OriginNetwork.DenyAllInboundPriority} to {OriginNetwork.DenyAllInboundRuleName}");
            }
            else if (priorities.TryGetValue(rule.Priority, out var first))
            {
                errors.Add($"{at}.priority", $"{rule.Priority.ToString(CultureInfo.InvariantCulture)} repeats additionalInboundRules[{first}].priority: priorities must be unique");
            }
            else
            {
                priorities.Add(rule.Priority, i);
            }

            if (!Accesses.Contains(rule.Access, StringComparer.Ordinal))
            {
                errors.Add($"{at}.access", $"'{rule.Access}' is not an access: Allow or Deny");
            }

            if (!Protocols.Contains(rule.Protocol, StringComparer.Ordinal))
            {
                errors.Add($"{at}.protocol", $"'{rule.Protocol}' is not a protocol: {string.Join(", ", Protocols)}");
            }

            var sourceValid = CheckSource(rule.SourceAddressPrefix, $"{at}.sourceAddressPrefix", errors);
            var portsValid = CheckPortRange(rule.DestinationPortRange, $"{at}.destinationPortRange", errors);
            if (sourceValid && portsValid)
            {
                CheckExposure(rule, at, errors);
            }
        }
    }

    private static void CheckRuleName(string? ruleName, string at, Dictionary<string, int> names, int index, ComponentErrors errors)
    {
        if (ruleName is null || !ValidationPatterns.SecurityRuleName().IsMatch(ruleName))
        {
            errors.Add($"{at}.name", $"'{ruleName}' is not a security rule name: a letter or digit, then letters, digits, '_', '.' or '-', ending with a letter, digit or '_' (at most 80 characters)");
        }
        else if (OriginNetwork.OwnRuleNames.FirstOrDefault(r => string.Equals(r, ruleName, StringComparison.OrdinalIgnoreCase)) is { } own)
        {
            errors.Add($"{at}.name", $"'{ruleName}' is the name of the component's own rule {own}: name the rule otherwise");
        }
        else if (names.TryGetValue(ruleName, out var first))
        {
            errors.Add($"{at}.name", $"'{ruleName}' repeats additionalInboundRules[{first}].name: rule names must be unique (Azure compares them ignoring case)");
        }
        else
        {
            names.Add(ruleName, index);
        }
    }

    private static bool CheckSource(string? source, string property, ComponentErrors errors)
    {
        if (source == "*" || (source is not null && ValidationPatterns.ServiceTag().IsMatch(source)))
        {
            return true;
        }

        if (!Ipv4Cidr.TryParse(source, out _, out var error))
        {
            errors.Add(property, $"{error}; a source is an IPv4 CIDR, a service tag such as VirtualNetwork, or *");
            return false;
        }

        return true;
    }

    private static bool CheckPortRange(string? range, string property, ComponentErrors errors)
    {
        if (range == "*")
        {
            return true;
        }

        var bounds = (range ?? string.Empty).Split('-');
        var ports = bounds.Select(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 && (b.Length == 1 || b[0] != '0') ? port : -1).ToList();
        if (bounds.Length is 1 or 2 && ports.All(p => p >= 0) && ports[0] <= ports[^1])
        {
            return true;
        }

        errors.Add(property, $"'{range}' is not a port range: a port from 0 to 65535 (443), a range low-high (8000-8100) or *");
        return false;
    }

    private static void CheckExposure(InboundRuleSpec rule, string at, ComponentErrors errors)
    {
        foreach (var port in InternetExposure.ManagementPorts)
        {
            if (InternetExposure.AdmitsInternetTo(port, rule.Access, "Inbound", rule.Protocol, [rule.SourceAddressPrefix], [rule.DestinationPortRange]))
            {
                errors.Add(at, $"rule '{rule.Name}' allows port {port.ToString(CultureInfo.InvariantCulture)} ({rule.DestinationPortRange}) from '{rule.SourceAddressPrefix}', which is the Internet: SSH (22) and RDP (3389) must never be reachable from the Internet; reach VMs through Azure Bastion or a private network");
            }
        }
    }
}
