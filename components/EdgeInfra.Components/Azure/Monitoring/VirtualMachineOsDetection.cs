using EdgeInfra.AzureNative.Compute;
using static EdgeInfra.Components.TypedInputs;

namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>Tells a virtual machine's operating system family from the inputs the program states for it.</summary>
public static class VirtualMachineOsDetection
{
    /// <summary>Marketplace image publishers whose images run Windows.</summary>
    public static IReadOnlySet<string> WindowsPublishers { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "MicrosoftWindowsServer", "MicrosoftWindowsDesktop", "MicrosoftSQLServer", "MicrosoftVisualStudio",
    };

    /// <summary>Marketplace image publishers whose images run Linux.</summary>
    public static IReadOnlySet<string> LinuxPublishers { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Canonical", "RedHat", "SUSE", "Debian", "OpenLogic", "Oracle", "almalinux", "resf", "kinvolk", "MicrosoftCBLMariner",
    };

    /// <summary>
    /// The operating system family of <paramref name="vm"/>, from the first of its typed inputs that tells:
    /// <c>osProfile.linuxConfiguration</c> / <c>osProfile.windowsConfiguration</c>, <c>storageProfile.osDisk.osType</c>,
    /// and the publisher of <c>storageProfile.imageReference</c> (see <see cref="WindowsPublishers"/> and
    /// <see cref="LinuxPublishers"/>); null when none of them tells. Values known only at deploy time tell nothing.
    /// </summary>
    public static VirtualMachineOs? Detect(VirtualMachine vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var args = (VirtualMachineArgs)vm.Args;
        var osProfile = Plain(args.OsProfile);
        if (osProfile?.LinuxConfiguration is not null)
        {
            return VirtualMachineOs.Linux;
        }

        if (osProfile?.WindowsConfiguration is not null)
        {
            return VirtualMachineOs.Windows;
        }

        var storageProfile = Plain(args.StorageProfile);
        if (Value(Plain(storageProfile?.OsDisk)?.OsType) is { } osType)
        {
            // Azure reads the enum ignoring case; so does this.
            if (string.Equals(osType.Value, OperatingSystemTypes.Linux.Value, StringComparison.OrdinalIgnoreCase))
            {
                return VirtualMachineOs.Linux;
            }

            if (string.Equals(osType.Value, OperatingSystemTypes.Windows.Value, StringComparison.OrdinalIgnoreCase))
            {
                return VirtualMachineOs.Windows;
            }
        }

        if (Plain(storageProfile?.ImageReference)?.Publisher is { } publisherInput && publisherInput.TryGetValue(out var publisher))
        {
            if (WindowsPublishers.Contains(publisher))
            {
                return VirtualMachineOs.Windows;
            }

            if (LinuxPublishers.Contains(publisher))
            {
                return VirtualMachineOs.Linux;
            }
        }

        return null;
    }
}
