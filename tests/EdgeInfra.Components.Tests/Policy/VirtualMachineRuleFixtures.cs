using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>VirtualMachineRules</c>.</summary>
internal static class VirtualMachineRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-VM-001", "a Linux VM with password authentication off", true, () => Vm(linux: new LinuxConfigurationArgs { DisablePasswordAuthentication = true })),
        new("EI-VM-001", "a Linux VM that allows passwords", false, () => Vm(linux: new LinuxConfigurationArgs { DisablePasswordAuthentication = false })),
        new("EI-VM-001", "a Linux VM that leaves the flag unset", false, () => Vm(linux: new LinuxConfigurationArgs())),
        new("EI-VM-002", "a VM that encrypts at host", true, () => Vm(encryptionAtHost: true)),
        new("EI-VM-002", "a VM that leaves encryption at host unset", false, () => Vm()),
    ];

    /// <summary>A VM with the given Linux configuration and encryption at host.</summary>
    private static void Vm(LinuxConfigurationArgs? linux = null, bool? encryptionAtHost = null) =>
        _ = new VirtualMachine("vm", new VirtualMachineArgs
        {
            ResourceGroupName = "rg-fixture",
            Location = "westeurope",
            VmName = "vm-fixture",
            OsProfile = new OSProfileArgs { ComputerName = "vm-fixture", AdminUsername = "fixture", LinuxConfiguration = linux is null ? null : (Input<LinuxConfigurationArgs>)linux },
            SecurityProfile = encryptionAtHost is { } atHost ? (Input<SecurityProfileArgs>)new SecurityProfileArgs { EncryptionAtHost = atHost } : null,
        });
}
