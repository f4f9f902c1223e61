using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Network;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Components.Tests.Azure.Compute;
using EdgeInfra.Components.Tests.Azure.Network;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>The small resources the compute and network fixtures are made of, each valid on its own and changed by a callback.</summary>
internal static class ComputeNetworkFixtureResources
{
    public const string GroupName = "rg-fixture";
    public const string Location = "westeurope";

    /// <summary>A VM with only the required inputs, then <paramref name="configure"/>.</summary>
    public static VirtualMachine Vm(string name = "vm", Action<VirtualMachineArgs>? configure = null)
    {
        var args = new VirtualMachineArgs { ResourceGroupName = GroupName, Location = Location, VmName = $"{name}-fixture" };
        configure?.Invoke(args);
        return new VirtualMachine(name, args);
    }

    /// <summary>A VM extension on <paramref name="vm"/> of the given publisher and type, then <paramref name="configure"/>.</summary>
    public static VirtualMachineExtension Extension(string name, VirtualMachine vm, string publisher, string type, Action<VirtualMachineExtensionArgs>? configure = null)
    {
        var args = new VirtualMachineExtensionArgs
        {
            ResourceGroupName = GroupName,
            Location = Location,
            VmName = vm.Name,
            Publisher = publisher,
            Type = type,
            TypeHandlerVersion = "1.0",
        };
        configure?.Invoke(args);
        return new VirtualMachineExtension(name, args);
    }

    /// <summary>A network interface with one IP configuration in <paramref name="subnetId"/> (a literal id when null), then <paramref name="configure"/>.</summary>
    public static NetworkInterface Nic(string name = "nic", Input<string>? subnetId = null, Action<NetworkInterfaceArgs>? configure = null, Action<NetworkInputs.NetworkInterfaceIPConfigurationArgs>? configureIp = null)
    {
        var ip = new NetworkInputs.NetworkInterfaceIPConfigurationArgs
        {
            Name = "ipconfig",
            PrivateIPAllocationMethod = "Dynamic",
            Subnet = new NetworkInputs.SubnetArgs { Id = subnetId ?? "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/web" },
        };
        configureIp?.Invoke(ip);
        var args = new NetworkInterfaceArgs { ResourceGroupName = GroupName, Location = Location, IpConfigurations = [ip] };
        configure?.Invoke(args);
        return new NetworkInterface(name, args);
    }

    /// <summary>A network security group with <paramref name="rules"/>.</summary>
    public static NetworkSecurityGroup Nsg(string name = "nsg", params NetworkInputs.SecurityRuleArgs[] rules) =>
        new(name, new NetworkSecurityGroupArgs { ResourceGroupName = GroupName, Location = Location, SecurityRules = rules });

    /// <summary>A security rule stated inline; <paramref name="ports"/> is the destination port range.</summary>
    public static NetworkInputs.SecurityRuleArgs Rule(string name, int priority, string access, string direction, string protocol, string source, string ports) => new()
    {
        Name = name,
        Priority = priority,
        Access = access,
        Direction = direction,
        Protocol = protocol,
        SourceAddressPrefix = source,
        SourcePortRange = "*",
        DestinationAddressPrefix = "*",
        DestinationPortRange = ports,
    };

    /// <summary>An inbound allow rule over TCP.</summary>
    public static NetworkInputs.SecurityRuleArgs Allow(string name, int priority, string source, string ports, string protocol = "Tcp") =>
        Rule(name, priority, "Allow", "Inbound", protocol, source, ports);

    /// <summary>A virtual network 10.0.0.0/16 with the inline <paramref name="subnets"/>.</summary>
    public static VirtualNetwork Vnet(string name = "vnet", params NetworkInputs.SubnetArgs[] subnets) =>
        new(name, new VirtualNetworkArgs
        {
            ResourceGroupName = GroupName,
            Location = Location,
            AddressSpace = new NetworkInputs.AddressSpaceArgs { AddressPrefixes = ["10.0.0.0/16"] },
            Subnets = subnets,
        });

    /// <summary>An inline subnet of 10.0.<paramref name="third"/>.0/24, with the security group <paramref name="nsg"/> when given.</summary>
    public static NetworkInputs.SubnetArgs SubnetArgs(string name, int third, NetworkSecurityGroup? nsg = null, bool? defaultOutboundAccess = false) => new()
    {
        Name = name,
        AddressPrefix = $"10.0.{third}.0/24",
        NetworkSecurityGroup = nsg is null ? null : (Input<NetworkInputs.NetworkSecurityGroupArgs>)new NetworkInputs.NetworkSecurityGroupArgs { Id = nsg.Id },
        DefaultOutboundAccess = defaultOutboundAccess is { } access ? (Input<bool>)access : null,
    };

    /// <summary>The origin network of the component tests (one subnet, 'web').</summary>
    public static OriginNetwork OriginNetwork(string name = "net") => new(name, OriginNetworkFixtures.Defaults());

    /// <summary>An origin cluster of <paramref name="flavor"/> with the component tests' required inputs, in <paramref name="subnetId"/> when given.</summary>
    public static OriginVmCluster OriginCluster(OriginFlavor flavor = OriginFlavor.Nginx, Input<string>? subnetId = null, IReadOnlyList<string>? zones = null)
    {
        var defaults = OriginVmClusterFixtures.Defaults(flavor);
        return new OriginVmCluster("origin", new OriginVmClusterArgs
        {
            ResourceGroupName = defaults.ResourceGroupName,
            Location = defaults.Location,
            Flavor = flavor,
            SubnetId = subnetId ?? defaults.SubnetId,
            DomainNameLabel = defaults.DomainNameLabel,
            KeyVaultId = defaults.KeyVaultId,
            KeyVaultUri = defaults.KeyVaultUri,
            OriginSecretName = defaults.OriginSecretName,
            AdminSshPublicKey = defaults.AdminSshPublicKey,
            KeyVaultName = defaults.KeyVaultName,
            TlsCertificateSecretName = defaults.TlsCertificateSecretName,
            Zones = zones ?? ["1", "2", "3"],
        });
    }
}
