using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;
using NetworkInterface = EdgeInfra.AzureNative.Network.NetworkInterface;
using NetworkInterfaceArgs = EdgeInfra.AzureNative.Network.NetworkInterfaceArgs;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on network interfaces: <c>azure-native:network:NetworkInterface</c> resources, and the interfaces a VM
/// creates itself (<c>networkProfile.networkInterfaceConfigurations</c> of <c>azure-native:compute:VirtualMachine</c>).
/// </summary>
internal static class NetworkInterfaceRules
{
    private const string Area = "Network interfaces";

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-NIC-001", Area, PolicySeverity.High,
            "Network interfaces have no public IP",
            "A public IP on a VM's interface makes the VM itself an Internet endpoint, one security group away from exposure; VMs are reached through a load balancer or the edge.",
            ["Azure.VM.PublicIPAttached", "CKV_AZURE_119", "AZU-0076", "network-interface-no-public-ip"],
            PublicIps),
        new(
            "EI-NIC-002", Area, PolicySeverity.Medium,
            "Network interfaces do not forward IP traffic",
            "IP forwarding lets a VM route traffic not addressed to it, around the network's security groups; only network virtual appliances need it (unset is off).",
            ["CKV_AZURE_118", "AZU-0075"],
            IpForwarding),
    ];

    private static IEnumerable<PolicyViolation> PublicIps(StackGraph graph)
    {
        foreach (var nic in graph.ResourcesOf<NetworkInterface>())
        {
            var index = 0;
            foreach (var configuration in graph.InputsOf<NetworkInterfaceArgs>(nic).IpConfigurations ?? [])
            {
                if (configuration is not null && configuration.TryGetValue(out var ip) && ip.PublicIPAddress is not null)
                {
                    yield return new PolicyViolation(
                        nic,
                        $"ipConfigurations[{index}].publicIPAddress is set: remove it and reach the VM through a load balancer (or Azure Bastion for administration)",
                        $"ipConfigurations[{index}].publicIPAddress");
                }

                index++;
            }
        }

        foreach (var vm in graph.ResourcesOf<VirtualMachine>())
        {
            foreach (var (configuration, path) in NetworkLinks.CreatedInterfaces(graph.InputsOf<VirtualMachineArgs>(vm)))
            {
                var index = 0;
                foreach (var ip in configuration.IpConfigurations ?? [])
                {
                    if (ip is not null && ip.TryGetValue(out var value) && value.PublicIPAddressConfiguration is not null)
                    {
                        yield return new PolicyViolation(
                            vm,
                            $"{path}.ipConfigurations[{index}].publicIPAddressConfiguration is set: remove it and reach the VM through a load balancer (or Azure Bastion for administration)",
                            $"{path}.ipConfigurations[{index}].publicIPAddressConfiguration");
                    }

                    index++;
                }
            }
        }
    }

    private static IEnumerable<PolicyViolation> IpForwarding(StackGraph graph)
    {
        foreach (var nic in graph.ResourcesOf<NetworkInterface>())
        {
            if (graph.ValueOf(graph.InputsOf<NetworkInterfaceArgs>(nic).EnableIPForwarding).Is(true))
            {
                yield return new PolicyViolation(nic, "enableIPForwarding is true: set it to false (or leave it unset) unless the VM is a network virtual appliance", "enableIPForwarding");
            }
        }

        foreach (var vm in graph.ResourcesOf<VirtualMachine>())
        {
            foreach (var (configuration, path) in NetworkLinks.CreatedInterfaces(graph.InputsOf<VirtualMachineArgs>(vm)))
            {
                if (graph.ValueOf(configuration.EnableIPForwarding).Is(true))
                {
                    yield return new PolicyViolation(vm, $"{path}.enableIPForwarding is true: set it to false (or leave it unset) unless the VM is a network virtual appliance", $"{path}.enableIPForwarding");
                }
            }
        }
    }
}
