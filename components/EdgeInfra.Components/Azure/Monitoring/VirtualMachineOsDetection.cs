using EdgeInfra.Expressions;

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
    /// The operating system family of the <c>azure-native:compute:VirtualMachine</c> <paramref name="vm"/>, from the
    /// first of: <c>osProfile.linuxConfiguration</c> / <c>osProfile.windowsConfiguration</c>,
    /// <c>storageProfile.osDisk.osType</c>, and the publisher of <c>storageProfile.imageReference</c> (see
    /// <see cref="WindowsPublishers"/> and <see cref="LinuxPublishers"/>); null when none of them tells. Reads
    /// <see cref="CustomResource.Args"/> as the program will state them, so it works for the generated
    /// <c>VirtualMachineArgs</c> and for a <see cref="PropertyMap"/> alike; values known only at deploy time tell nothing.
    /// </summary>
    public static VirtualMachineOs? Detect(CustomResource vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var properties = vm.Args.ToExpression() as ObjectExpression;
        if (Child(properties, "osProfile") is ObjectExpression osProfile)
        {
            if (osProfile.Properties.ContainsKey("linuxConfiguration"))
            {
                return VirtualMachineOs.Linux;
            }

            if (osProfile.Properties.ContainsKey("windowsConfiguration"))
            {
                return VirtualMachineOs.Windows;
            }
        }

        var storageProfile = Child(properties, "storageProfile") as ObjectExpression;
        if (Child(Child(storageProfile, "osDisk") as ObjectExpression, "osType") is LiteralExpression { Value: string osType })
        {
            if (string.Equals(osType, "Linux", StringComparison.OrdinalIgnoreCase))
            {
                return VirtualMachineOs.Linux;
            }

            if (string.Equals(osType, "Windows", StringComparison.OrdinalIgnoreCase))
            {
                return VirtualMachineOs.Windows;
            }
        }

        if (Child(Child(storageProfile, "imageReference") as ObjectExpression, "publisher") is LiteralExpression { Value: string publisher })
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

    private static Expression? Child(ObjectExpression? parent, string key) =>
        parent is not null && parent.Properties.TryGetValue(key, out var child) ? child : null;
}
