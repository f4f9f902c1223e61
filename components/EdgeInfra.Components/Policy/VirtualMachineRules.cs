using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;

namespace EdgeInfra.Components.Policy;

/// <summary>Rules on virtual machines (<c>azure-native:compute:VirtualMachine</c>).</summary>
internal static class VirtualMachineRules
{
    private const string Area = "Virtual machines";

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-VM-001", Area, PolicySeverity.High,
            "Linux VMs refuse password authentication",
            "A password can be guessed or sprayed; SSH keys cannot, so a Linux VM must set osProfile.linuxConfiguration.disablePasswordAuthentication.",
            ["CKV_AZURE_1", "CKV_AZURE_149", "Azure.VM.PublicKey", "AZU-0039"],
            Each<VirtualMachine, VirtualMachineArgs>((graph, vm) =>
                Plain(Plain(vm.OsProfile)?.LinuxConfiguration) is { } linux && graph.ValueOf(linux.DisablePasswordAuthentication) is var disabled && !disabled.Is(true)
                    ? $"osProfile.linuxConfiguration.disablePasswordAuthentication is {Show(disabled)}: set it to true and give an SSH key"
                    : null,
                "osProfile.linuxConfiguration.disablePasswordAuthentication")),
        new(
            "EI-VM-002", Area, PolicySeverity.Medium,
            "VMs encrypt at host",
            "Encryption at host encrypts the temporary disk and the disk caches too, which platform-managed disk encryption leaves in clear on the host.",
            ["CKV_AZURE_97", "CKV_AZURE_151"],
            Each<VirtualMachine, VirtualMachineArgs>((graph, vm) =>
                graph.ValueOf(Plain(vm.SecurityProfile)?.EncryptionAtHost) is var atHost && !atHost.Is(true)
                    ? $"securityProfile.encryptionAtHost is {Show(atHost)}: set it to true (the subscription needs the EncryptionAtHost feature)"
                    : null,
                "securityProfile.encryptionAtHost")),
    ];
}
