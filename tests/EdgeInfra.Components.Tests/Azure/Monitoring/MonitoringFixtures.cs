using EdgeInfra.AzureNative.Authorization;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.AzureNative.KeyVault.Inputs;
using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.AzureNative.Monitor.Inputs;
using EdgeInfra.AzureNative.Network;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Monitoring;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

/// <summary>Small stacks for the Observability tests: the resources a real stack has, built with the generated bindings.</summary>
internal static class MonitoringFixtures
{
    public const string ResourceGroup = "rg-edge";

    public const string Location = "westeurope";

    public static ObservabilityArgs DefaultArgs() => new() { ResourceGroupName = ResourceGroup, Location = Location };

    public static ObservabilityArgs FullArgs() => new()
    {
        ResourceGroupName = ResourceGroup,
        Location = Location,
        Tags = new Dictionary<string, Input<string>> { ["env"] = "prod" },
        Lock = LockSpec.CanNotDelete,
        RoleAssignments = [new RoleAssignmentSpec { Name = "readers", Role = BuiltInRole.MonitoringReader, PrincipalId = "00000000-0000-0000-0000-0000000000bb", PrincipalType = "Group" }],
        DiagnosticSettings = new DiagnosticSettingsSpec { WorkspaceId = "/subscriptions/sub-1/resourceGroups/central/providers/Microsoft.OperationalInsights/workspaces/central" },
        RetentionInDays = 90,
        PublicNetworkAccessForIngestion = false,
        PublicNetworkAccessForQuery = false,
        OriginAuthFailureThreshold = 25,
        OriginAuthFailureWindowMinutes = 60,
        AlertEmails = ["oncall@example.com", "edge-team@example.org"],
    };

    public static Vault KeyVault(string name = "kv") => new(name, new VaultArgs
    {
        ResourceGroupName = ResourceGroup,
        Location = Location,
        Properties = new VaultPropertiesArgs
        {
            TenantId = GetClientConfig.Invoke().TenantId,
            Sku = new EdgeInfra.AzureNative.KeyVault.Inputs.SkuArgs { Family = "A", Name = SkuName.Standard },
            EnableRbacAuthorization = true,
        },
    });

    public static NetworkSecurityGroup Nsg(string name = "nsg") =>
        new(name, new NetworkSecurityGroupArgs { ResourceGroupName = ResourceGroup, Location = Location });

    public static NetworkInterface Nic(string name) =>
        new(name, new NetworkInterfaceArgs { ResourceGroupName = ResourceGroup, Location = Location });

    /// <summary>A minimal valid Linux VM: Ubuntu image, SSH key only, one NIC.</summary>
    public static VirtualMachine LinuxVm(string name = "web-vm", VirtualMachineIdentityArgs? identity = null) => new(name, new VirtualMachineArgs
    {
        ResourceGroupName = ResourceGroup,
        Location = Location,
        Identity = identity is null ? null : (Input<VirtualMachineIdentityArgs>)identity,
        HardwareProfile = new HardwareProfileArgs { VmSize = "Standard_B2s" },
        StorageProfile = new StorageProfileArgs
        {
            ImageReference = new ImageReferenceArgs { Publisher = "Canonical", Offer = "ubuntu-24_04-lts", Sku = "server", Version = "latest" },
            OsDisk = new OSDiskArgs { CreateOption = "FromImage" },
        },
        OsProfile = new OSProfileArgs
        {
            ComputerName = name,
            AdminUsername = "azureuser",
            LinuxConfiguration = new LinuxConfigurationArgs
            {
                DisablePasswordAuthentication = true,
                Ssh = new SshConfigurationArgs
                {
                    PublicKeys = [new SshPublicKeyArgs { Path = "/home/azureuser/.ssh/authorized_keys", KeyData = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample" }],
                },
            },
        },
        NetworkProfile = new NetworkProfileArgs { NetworkInterfaces = [new NetworkInterfaceReferenceArgs { Id = Nic($"{name}-nic").Id, Primary = true }] },
    });

    /// <summary>A minimal valid Windows VM, told apart by its image only (no osProfile).</summary>
    public static VirtualMachine WindowsVmByImage(string name = "iis-vm") => new(name, new VirtualMachineArgs
    {
        ResourceGroupName = ResourceGroup,
        Location = Location,
        HardwareProfile = new HardwareProfileArgs { VmSize = "Standard_B2s" },
        StorageProfile = new StorageProfileArgs
        {
            ImageReference = new ImageReferenceArgs { Publisher = "MicrosoftWindowsServer", Offer = "WindowsServer", Sku = "2022-datacenter-azure-edition", Version = "latest" },
            OsDisk = new OSDiskArgs { CreateOption = "FromImage" },
        },
        NetworkProfile = new NetworkProfileArgs { NetworkInterfaces = [new NetworkInterfaceReferenceArgs { Id = Nic($"{name}-nic").Id, Primary = true }] },
    });

    /// <summary>A VM attached from a disk, with nothing that tells its operating system.</summary>
    public static VirtualMachine UnknownOsVm(string name = "mystery-vm") => new(name, new VirtualMachineArgs
    {
        ResourceGroupName = ResourceGroup,
        Location = Location,
        StorageProfile = new StorageProfileArgs { OsDisk = new OSDiskArgs { CreateOption = "Attach" } },
    });

    /// <summary>A Key Vault that a component already gave its own diagnostic setting.</summary>
    public static Vault KeyVaultWithOwnDiagnostics(string name = "own-kv")
    {
        var vault = KeyVault(name);
        new DiagnosticSetting($"{name}-own-diag", new DiagnosticSettingArgs
        {
            ResourceUri = vault.Id,
            WorkspaceId = "/subscriptions/sub-1/resourceGroups/central/providers/Microsoft.OperationalInsights/workspaces/central",
            Logs = [new DiagnosticsLogSettingsArgs { CategoryGroup = "audit", Enabled = true }],
        });
        return vault;
    }

    /// <summary>A stack with resources of every kind the pass handles, and an Observability component.</summary>
    public static void EdgeLikeStack()
    {
        new ResourceGroup("rg", new ResourceGroupArgs { ResourceGroupName = ResourceGroup, Location = Location });
        KeyVault();
        KeyVaultWithOwnDiagnostics();
        Nsg();
        LinuxVm();
        WindowsVmByImage();
        new Observability("obs", DefaultArgs());
    }
}
