using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Network;
using EdgeInfra.Expressions;
using ComputeInputs = EdgeInfra.AzureNative.Compute.Inputs;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// How the compute and network rules read what a program states about networks: the references between resources
/// (a VM's network interface, a network interface's subnet, a subnet's security group), every subnet (inline in a
/// virtual network or a <c>Subnet</c> resource) and every security rule (inline in a network security group or a
/// <c>SecurityRule</c> resource). A reference the program does not resolve (a literal resource id, a value known only at
/// deploy time) resolves to nothing, and the rules that follow references then skip it.
/// </summary>
internal static class NetworkLinks
{
    /// <summary>How a value known only at deploy time is shown in a security rule's sources and ports (and read by <c>InternetExposure</c>: as an Internet source, and a port range that includes any port).</summary>
    public const string DeployTime = "(known at deploy time)";

    /// <summary>The resource <paramref name="input"/> refers to (<c>${nic.id}</c>), with the output path it reads; null when it is not a reference.</summary>
    public static CustomResource? Target(IInput? input, out PropertyPath path)
    {
        if (input?.ToExpression() is ResourceReferenceExpression { Resource: CustomResource resource } reference)
        {
            path = reference.Path;
            return resource;
        }

        path = PropertyPath.Empty;
        return null;
    }

    /// <summary>The resource <paramref name="input"/> refers to, whatever output it reads; null when it is not a reference.</summary>
    public static CustomResource? Target(IInput? input) => Target(input, out _);

    /// <summary>Whether <paramref name="list"/> is stated as one value known only at deploy time (so its items are unknown).</summary>
    public static bool IsDeployTime<T>(InputList<T>? list) => list is not null && list.ToExpression() is not ListExpression;

    /// <summary>The network interfaces a VM creates itself, with their paths (<c>networkProfile.networkInterfaceConfigurations[i]</c>).</summary>
    public static IEnumerable<(ComputeInputs.VirtualMachineNetworkInterfaceConfigurationArgs Configuration, string Path)> CreatedInterfaces(VirtualMachineArgs vm)
    {
        var index = 0;
        foreach (var item in PolicyChecks.Plain(vm.NetworkProfile)?.NetworkInterfaceConfigurations ?? [])
        {
            if (item is not null && item.TryGetValue(out var configuration))
            {
                yield return (configuration, $"networkProfile.networkInterfaceConfigurations[{index}]");
            }

            index++;
        }
    }

    /// <summary>Every subnet the program states: the inline subnets of each virtual network, then each <c>Subnet</c> resource.</summary>
    public static IEnumerable<SubnetView> Subnets(StackGraph graph)
    {
        foreach (var network in graph.ResourcesOf<VirtualNetwork>())
        {
            var subnets = graph.InputsOf<VirtualNetworkArgs>(network).Subnets;
            if (subnets is null || IsDeployTime(subnets))
            {
                continue;
            }

            var index = 0;
            foreach (var item in subnets)
            {
                if (Inline(graph, network, index, item) is { } subnet)
                {
                    yield return subnet;
                }

                index++;
            }
        }

        foreach (var resource in graph.ResourcesOf<Subnet>())
        {
            yield return Standalone(graph, resource);
        }
    }

    /// <summary>
    /// The subnet <paramref name="subnetId"/> refers to when the program states it: <c>${vnet.subnets[i].id}</c> (an inline
    /// subnet) or <c>${subnet.id}</c> (a <c>Subnet</c> resource); null otherwise.
    /// </summary>
    public static SubnetView? SubnetOf(StackGraph graph, Input<string>? subnetId)
    {
        var target = Target(subnetId, out var path);
        return target switch
        {
            VirtualNetwork network when path.Segments is [{ Name: "subnets" }, { Index: int index }, { Name: "id" }]
                && graph.InputsOf<VirtualNetworkArgs>(network).Subnets is { } subnets && !IsDeployTime(subnets) =>
                Inline(graph, network, index, subnets.ElementAtOrDefault(index)),
            Subnet subnet when path.Segments is [{ Name: "id" }] => Standalone(graph, subnet),
            _ => null,
        };
    }

    private static SubnetView? Inline(StackGraph graph, VirtualNetwork network, int index, Input<NetworkInputs.SubnetArgs>? item) =>
        item is not null && item.TryGetValue(out var subnet)
            ? new SubnetView(network, $"subnets[{index}]", graph.ValueOf(subnet.Name), subnet.NetworkSecurityGroup, subnet.DefaultOutboundAccess, subnet.Delegations)
            : null;

    private static SubnetView Standalone(StackGraph graph, Subnet resource)
    {
        var subnet = graph.InputsOf<SubnetArgs>(resource);
        var name = subnet.SubnetName is not null ? graph.ValueOf(subnet.SubnetName) : graph.ValueOf(subnet.Name);
        return new SubnetView(resource, string.Empty, name, subnet.NetworkSecurityGroup, subnet.DefaultOutboundAccess, subnet.Delegations);
    }

    /// <summary>Every security rule the program states: those inline in each network security group, then each <c>SecurityRule</c> resource.</summary>
    public static IEnumerable<SecurityRuleView> SecurityRules(StackGraph graph)
    {
        foreach (var group in graph.ResourcesOf<NetworkSecurityGroup>())
        {
            var rules = graph.InputsOf<NetworkSecurityGroupArgs>(group).SecurityRules;
            if (rules is null || IsDeployTime(rules))
            {
                continue;
            }

            var index = 0;
            foreach (var item in rules)
            {
                if (item is not null && item.TryGetValue(out var rule))
                {
                    yield return View(graph, group, $"securityRules[{index}]", group, rule.Name, rule.Access, rule.Direction, rule.Protocol, rule.Priority,
                        rule.SourceAddressPrefix, rule.SourceAddressPrefixes, rule.DestinationPortRange, rule.DestinationPortRanges);
                }

                index++;
            }
        }

        foreach (var resource in graph.ResourcesOf<SecurityRule>())
        {
            var rule = graph.InputsOf<SecurityRuleArgs>(resource);
            yield return View(graph, resource, string.Empty, GroupOf(graph, rule.NetworkSecurityGroupName), rule.SecurityRuleName ?? rule.Name, rule.Access, rule.Direction, rule.Protocol, rule.Priority,
                rule.SourceAddressPrefix, rule.SourceAddressPrefixes, rule.DestinationPortRange, rule.DestinationPortRanges);
        }
    }

    /// <summary>Whether a security group reference (<c>networkSecurityGroup</c> of a subnet or network interface) is stated: an object with an id, or a deploy-time value.</summary>
    public static bool IsStated(StackGraph graph, Input<NetworkInputs.NetworkSecurityGroupArgs>? securityGroup) =>
        securityGroup is not null && (!securityGroup.TryGetValue(out var value) || !graph.ValueOf(value.Id).IsUnset);

    /// <summary>The values of a property stated as one value and as a list (e.g. <c>sourceAddressPrefix</c> and <c>sourceAddressPrefixes</c>); a deploy-time value is <see cref="DeployTime"/>.</summary>
    public static IReadOnlyList<string> Texts(StackGraph graph, Input<string>? single, InputList<string>? list)
    {
        var texts = new List<string>();
        if (single is not null)
        {
            texts.Add(Text(graph.ValueOf(single)));
        }

        if (IsDeployTime(list))
        {
            texts.Add(DeployTime);
        }
        else if (list is not null)
        {
            texts.AddRange(list.Select(item => Text(graph.ValueOf(item))));
        }

        return texts;
    }

    /// <summary>The value of a property of a nested input object (<c>sku.name</c>): unset when the object is, deploy-time when the object is.</summary>
    public static InputValue<T> ValueIn<TObject, T>(StackGraph graph, Input<TObject>? owner, Func<TObject, Input<T>?> property)
        where TObject : class =>
        owner is null ? InputValue<T>.Unset : owner.TryGetValue(out var value) ? graph.ValueOf(property(value)) : InputValue<T>.DeployTime;

    /// <summary>Values as a message lists them: <c>'a', 'b'</c>.</summary>
    public static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(value => $"'{value}'"));

    private static string Text(InputValue<string> value) => value.IsKnown && value.Value is not null ? value.Value : DeployTime;

    private static NetworkSecurityGroup? GroupOf(StackGraph graph, Input<string> groupName)
    {
        if (Target(groupName) is NetworkSecurityGroup referenced)
        {
            return referenced;
        }

        var name = graph.ValueOf(groupName);
        return name.IsKnown
            ? graph.ResourcesOf<NetworkSecurityGroup>().FirstOrDefault(g => graph.ValueOf(graph.InputsOf<NetworkSecurityGroupArgs>(g).NetworkSecurityGroupName).Is(name.Value))
            : null;
    }

    private static SecurityRuleView View(
        StackGraph graph, CustomResource resource, string path, NetworkSecurityGroup? group, Input<string>? name, Input<string> access, Input<string> direction, Input<string> protocol, Input<int>? priority,
        Input<string>? source, InputList<string>? sources, Input<string>? portRange, InputList<string>? portRanges)
    {
        // A deploy-time access, direction or protocol is read as the widest value: the rule may allow, inbound, any protocol.
        var accessValue = graph.ValueOf(access);
        var directionValue = graph.ValueOf(direction);
        var protocolValue = graph.ValueOf(protocol);
        var nameValue = graph.ValueOf(name);
        return new SecurityRuleView(
            resource,
            path,
            group,
            nameValue.IsKnown ? nameValue.Value : null,
            accessValue.IsKnown ? accessValue.Value : "Allow",
            directionValue.IsKnown ? directionValue.Value : "Inbound",
            protocolValue.IsKnown ? protocolValue.Value : "*",
            graph.ValueOf(priority),
            Texts(graph, source, sources),
            Texts(graph, portRange, portRanges),
            sources is not null && source is null ? "sourceAddressPrefixes" : "sourceAddressPrefix");
    }
}

/// <summary>A subnet as the program states it: inline in a virtual network (<see cref="Path"/> <c>subnets[i]</c>) or a <c>Subnet</c> resource (empty path).</summary>
/// <param name="Resource">The virtual network or the <c>Subnet</c> resource.</param>
/// <param name="Path">Where the subnet is in the resource's inputs; empty for a <c>Subnet</c> resource.</param>
/// <param name="Name">The subnet's name.</param>
/// <param name="SecurityGroup">Its <c>networkSecurityGroup</c>.</param>
/// <param name="DefaultOutboundAccess">Its <c>defaultOutboundAccess</c>.</param>
/// <param name="Delegations">Its <c>delegations</c>.</param>
internal sealed record SubnetView(
    CustomResource Resource,
    string Path,
    InputValue<string> Name,
    Input<NetworkInputs.NetworkSecurityGroupArgs>? SecurityGroup,
    Input<bool>? DefaultOutboundAccess,
    InputList<NetworkInputs.DelegationArgs>? Delegations)
{
    /// <summary>The path of the subnet's property <paramref name="property"/> in the resource's inputs.</summary>
    public string Property(string property) => Path.Length == 0 ? property : $"{Path}.{property}";

    /// <summary>The subnet as a message about its own resource names it: <c>subnets[0] 'web'</c>, or <c>the subnet 'web'</c> for a resource.</summary>
    public string Label => (Path.Length == 0 ? "the subnet" : Path) + (Name.IsKnown ? $" '{Name.Value}'" : string.Empty);

    /// <summary>The subnet as a message about another resource names it: <c>subnets[0] 'web' of 'vnet'</c>, or <c>subnet resource 'web'</c>.</summary>
    public string Description => Path.Length == 0 ? $"subnet resource '{Resource.LogicalName}'" : $"{Label} of '{Resource.LogicalName}'";
}

/// <summary>
/// A security rule as the program states it, with each value as text: a deploy-time access, direction or protocol is
/// read as <c>Allow</c>, <c>Inbound</c> and <c>*</c>, and a deploy-time source or port as <see cref="NetworkLinks.DeployTime"/>.
/// </summary>
/// <param name="Resource">The network security group that states it inline, or the <c>SecurityRule</c> resource.</param>
/// <param name="Path">Where the rule is in the group's inputs (<c>securityRules[i]</c>); empty for a <c>SecurityRule</c> resource.</param>
/// <param name="Group">The network security group it belongs to, when the program states it.</param>
/// <param name="Name">The rule's name, when known.</param>
/// <param name="Access">The access.</param>
/// <param name="Direction">The direction.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="Priority">The priority.</param>
/// <param name="Sources">The source address prefixes.</param>
/// <param name="PortRanges">The destination port ranges.</param>
/// <param name="SourceProperty">The source property the rule states: <c>sourceAddressPrefix</c> or <c>sourceAddressPrefixes</c>.</param>
internal sealed record SecurityRuleView(
    CustomResource Resource,
    string Path,
    NetworkSecurityGroup? Group,
    string? Name,
    string Access,
    string Direction,
    string Protocol,
    InputValue<int> Priority,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> PortRanges,
    string SourceProperty)
{
    /// <summary>The path of the rule's property <paramref name="property"/> in the resource's inputs.</summary>
    public string Property(string property) => Path.Length == 0 ? property : $"{Path}.{property}";

    /// <summary>The rule as a message names it: <c>securityRules[0] ('AllowSsh')</c>, or <c>the rule 'AllowSsh'</c> for a resource.</summary>
    public string Label => Path.Length == 0
        ? Name is null ? "the rule" : $"the rule '{Name}'"
        : Name is null ? Path : $"{Path} ('{Name}')";

    /// <summary>Whether the rule allows (case-insensitive).</summary>
    public bool Allows => string.Equals(Access, "Allow", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the rule is inbound (case-insensitive).</summary>
    public bool IsInbound => string.Equals(Direction, "Inbound", StringComparison.OrdinalIgnoreCase);
}
