using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.AzureNative.Network;
using static EdgeInfra.Components.Tests.Policy.ComputeNetworkFixtureResources;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>NetworkInterfaceRules</c>.</summary>
internal static class NetworkInterfaceRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-NIC-001", "an interface with a private address only", true, () => Nic()),
        new("EI-NIC-001", "the origin cluster (public IP on the load balancer only)", true, () => OriginCluster()),
        new("EI-NIC-001", "an interface with a public IP", false, () =>
        {
            var pip = new PublicIPAddress("pip", new PublicIPAddressArgs { ResourceGroupName = GroupName, Location = Location, Sku = new NetworkInputs.PublicIPAddressSkuArgs { Name = "Standard" } });
            Nic(configureIp: ip => ip.PublicIPAddress = new NetworkInputs.PublicIPAddressArgs { Id = pip.Id });
        }),
        new("EI-NIC-001", "a VM that creates an interface with a public IP", false, () => VmInterface(new VirtualMachineNetworkInterfaceConfigurationArgs
        {
            Name = "nic",
            IpConfigurations = [new VirtualMachineNetworkInterfaceIPConfigurationArgs { Name = "ipconfig", PublicIPAddressConfiguration = new VirtualMachinePublicIPAddressConfigurationArgs { Name = "pip" } }],
        })),

        new("EI-NIC-002", "an interface with IP forwarding off", true, () => Nic(configure: args => args.EnableIPForwarding = false)),
        new("EI-NIC-002", "an interface that leaves IP forwarding unset", true, () => Nic()),
        new("EI-NIC-002", "an interface that forwards IP traffic", false, () => Nic(configure: args => args.EnableIPForwarding = true)),
        new("EI-NIC-002", "a VM that creates an interface forwarding IP traffic", false, () => VmInterface(new VirtualMachineNetworkInterfaceConfigurationArgs
        {
            Name = "nic",
            EnableIPForwarding = true,
            IpConfigurations = [new VirtualMachineNetworkInterfaceIPConfigurationArgs { Name = "ipconfig" }],
        })),
    ];

    private static void VmInterface(VirtualMachineNetworkInterfaceConfigurationArgs configuration) =>
        _ = Vm(configure: args => args.NetworkProfile = new NetworkProfileArgs { NetworkApiVersion = "2020-11-01", NetworkInterfaceConfigurations = [configuration] });
}
