namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>The operating system family of a virtual machine, which decides the Azure Monitor agent it gets.</summary>
public enum VirtualMachineOs
{
    /// <summary>Linux: the <c>AzureMonitorLinuxAgent</c> extension.</summary>
    Linux,

    /// <summary>Windows: the <c>AzureMonitorWindowsAgent</c> extension.</summary>
    Windows,
}
