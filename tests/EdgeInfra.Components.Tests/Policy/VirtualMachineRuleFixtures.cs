using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.AzureNative.Network;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Random;
using static EdgeInfra.Components.Tests.Policy.ComputeNetworkFixtureResources;
using NetworkInputs = EdgeInfra.AzureNative.Network.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>VirtualMachineRules</c>.</summary>
internal static class VirtualMachineRuleFixtures
{
    private const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9yaWdpbi1hZG1pbi1rZXktZm9yLXRlc3Rz ops@example.com";

    /// <summary>A made-up RSA key: only its shape matters to the check (the header is split so that no scanner takes the source for a key).</summary>
    private static readonly string PrivateKeyPem = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEowIBAAKCAQEAq1d8tUq4Ea9sCIlVnV0vXq3Q5jR1mYkQ0n8n7T2yJtq8cZ2xW3Vb\n-----END RSA " + "PRIVATE KEY-----\n";

    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-VM-001", "a Linux VM with password authentication off", true, () => LinuxVm(linux: new LinuxConfigurationArgs { DisablePasswordAuthentication = true })),
        new("EI-VM-001", "a Linux VM that allows passwords", false, () => LinuxVm(linux: new LinuxConfigurationArgs { DisablePasswordAuthentication = false })),
        new("EI-VM-001", "a Linux VM that leaves the flag unset", false, () => LinuxVm(linux: new LinuxConfigurationArgs())),
        new("EI-VM-002", "a VM that encrypts at host", true, () => LinuxVm(encryptionAtHost: true)),
        new("EI-VM-002", "a VM that leaves encryption at host unset", false, () => LinuxVm()),

        new("EI-VM-003", "a Linux VM with an SSH key", true, () => LinuxVm(linux: new LinuxConfigurationArgs
        {
            DisablePasswordAuthentication = true,
            Ssh = new SshConfigurationArgs { PublicKeys = [new SshPublicKeyArgs { Path = "/home/fixture/.ssh/authorized_keys", KeyData = SshKey }] },
        })),
        new("EI-VM-003", "the Nginx origin cluster", true, () => OriginCluster(OriginFlavor.Nginx)),
        new("EI-VM-003", "a Windows VM (no Linux configuration)", true, () => Vm("win", args => args.OsProfile = new OSProfileArgs { ComputerName = "win", AdminUsername = "fixture", WindowsConfiguration = new WindowsConfigurationArgs() })),
        new("EI-VM-003", "a Linux VM without SSH configuration", false, () => LinuxVm(linux: new LinuxConfigurationArgs { DisablePasswordAuthentication = true })),
        new("EI-VM-003", "a Linux VM whose only key has no keyData", false, () => LinuxVm(linux: new LinuxConfigurationArgs
        {
            DisablePasswordAuthentication = true,
            Ssh = new SshConfigurationArgs { PublicKeys = [new SshPublicKeyArgs { Path = "/home/fixture/.ssh/authorized_keys" }] },
        })),

        new("EI-VM-004", "a VM on a managed OS disk", true, () => Vm(configure: args => args.StorageProfile = new StorageProfileArgs
        {
            OsDisk = new OSDiskArgs { CreateOption = "FromImage", ManagedDisk = new ManagedDiskParametersArgs { StorageAccountType = "Premium_LRS" } },
        })),
        new("EI-VM-004", "a VM whose OS disk is a VHD blob", false, () => Vm(configure: args => args.StorageProfile = new StorageProfileArgs
        {
            OsDisk = new OSDiskArgs { CreateOption = "FromImage", Name = "os", Vhd = new VirtualHardDiskArgs { Uri = "https://stfixture.blob.core.windows.net/vhds/os.vhd" } },
        })),
        new("EI-VM-004", "a VM with a data disk that is a VHD blob", false, () => Vm(configure: args => args.StorageProfile = new StorageProfileArgs
        {
            OsDisk = new OSDiskArgs { CreateOption = "FromImage", ManagedDisk = new ManagedDiskParametersArgs { StorageAccountType = "Premium_LRS" } },
            DataDisks = [new DataDiskArgs { Lun = 0, CreateOption = "Empty", DiskSizeGB = 32, Name = "data", Vhd = new VirtualHardDiskArgs { Uri = "https://stfixture.blob.core.windows.net/vhds/data.vhd" } }],
        })),

        new("EI-VM-005", "a Linux VM that provisions the agent", true, () => LinuxVm(linux: new LinuxConfigurationArgs { ProvisionVMAgent = true })),
        new("EI-VM-005", "a VM that leaves the agent to the default", true, () => LinuxVm(linux: new LinuxConfigurationArgs())),
        new("EI-VM-005", "a Linux VM without the agent", false, () => LinuxVm(linux: new LinuxConfigurationArgs { ProvisionVMAgent = false })),
        new("EI-VM-005", "a Windows VM without the agent", false, () => Windows(new WindowsConfigurationArgs { ProvisionVMAgent = false })),

        new("EI-VM-006", "a Windows VM with automatic updates", true, () => Windows(new WindowsConfigurationArgs { EnableAutomaticUpdates = true })),
        new("EI-VM-006", "the Iis origin cluster", true, () => OriginCluster(OriginFlavor.Iis)),
        new("EI-VM-006", "a Windows VM with automatic updates off", false, () => Windows(new WindowsConfigurationArgs { EnableAutomaticUpdates = false })),

        new("EI-VM-007", "a VM whose custom data is a plain script", true, () => CustomData(Output.ToBase64("#!/bin/bash\napt-get install -y nginx\n"))),
        new("EI-VM-007", "the Nginx origin cluster", true, () => OriginCluster(OriginFlavor.Nginx)),
        new("EI-VM-007", "the Kong origin cluster", true, () => OriginCluster(OriginFlavor.Kong)),
        new("EI-VM-007", "the Iis origin cluster", true, () => OriginCluster(OriginFlavor.Iis)),
        new("EI-VM-007", "custom data with a connection string password", false, () => CustomData(Output.ToBase64("#!/bin/bash\necho 'Server=db;User Id=app;Password=Sup3rS3cret!2024;' > /etc/app/db\n"))),
        new("EI-VM-007", "custom data that interpolates a generated password", false, () =>
        {
            var password = new RandomPassword("db-password", new RandomPasswordArgs { Length = 24 });
            CustomData(Output.ToBase64(Output.Format($"#!/bin/bash\necho {password.Result} > /etc/app/db\n")));
        }),
        new("EI-VM-007", "user data holding a private key", false, () => Vm(configure: args => args.UserData = Output.ToBase64(PrivateKeyPem))),

        new("EI-VM-008", "a custom script whose command is protected", true, () =>
        {
            var password = new RandomPassword("db-password", new RandomPasswordArgs { Length = 24 });
            Extension("setup", Vm(), "Microsoft.Azure.Extensions", "CustomScript", args =>
            {
                args.Settings = new Dictionary<string, object?> { ["fileUris"] = new[] { "https://example.com/setup.sh" } };
                args.ProtectedSettings = Input<object>.FromExpression(ExpressionFactory.FromValue(new Dictionary<string, object?>
                {
                    ["commandToExecute"] = Output.Format($"bash setup.sh {password.Result}"),
                }));
            });
        }),
        new("EI-VM-008", "the Iis origin cluster's setup extension", true, () => OriginCluster(OriginFlavor.Iis)),
        new("EI-VM-008", "a custom script whose public command holds a generated password", false, () =>
        {
            var password = new RandomPassword("db-password", new RandomPasswordArgs { Length = 24 });
            Extension("setup", Vm(), "Microsoft.Azure.Extensions", "CustomScript", args =>
                args.Settings = Input<object>.FromExpression(ExpressionFactory.FromValue(new Dictionary<string, object?>
                {
                    ["commandToExecute"] = Output.Format($"bash setup.sh {password.Result}"),
                })));
        }),
        new("EI-VM-008", "a custom script whose public file URI carries a SAS token", false, () =>
            Extension("setup", Vm(), "Microsoft.Compute", "CustomScriptExtension", args => args.Settings = new Dictionary<string, object?>
            {
                ["fileUris"] = new[] { "https://stfixture.blob.core.windows.net/scripts/setup.ps1?sv=2022-11-02&sr=b&sp=r&sig=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6%3D" },
                ["commandToExecute"] = "powershell -File setup.ps1",
            })),

        new("EI-VM-009", "a VM with the Azure Monitor Agent", true, () => Extension("ama", Vm(), "Microsoft.Azure.Monitor", "AzureMonitorLinuxAgent")),
        new("EI-VM-009", "a VM whose agent names it literally", true, () =>
        {
            _ = Vm();
            _ = new VirtualMachineExtension("ama", new VirtualMachineExtensionArgs
            {
                ResourceGroupName = GroupName,
                VmName = "vm-fixture",
                Publisher = "Microsoft.Azure.Monitor",
                Type = "AzureMonitorLinuxAgent",
                TypeHandlerVersion = "1.0",
            });
        }),
        new("EI-VM-009", "a VM without extensions", false, () => Vm()),
        new("EI-VM-009", "a VM with only a custom script", false, () => Extension("setup", Vm(), "Microsoft.Azure.Extensions", "CustomScript")),
        new("EI-VM-009", "a second VM without the agent", false, () =>
        {
            Extension("ama", Vm(), "Microsoft.Azure.Monitor", "AzureMonitorLinuxAgent");
            _ = Vm("other");
        }),

        new("EI-VM-010", "a VM with the Azure Monitor Agent", true, () => Extension("ama", Vm(), "Microsoft.Azure.Monitor", "AzureMonitorLinuxAgent")),
        new("EI-VM-010", "a VM with the OMS agent", false, () => Extension("oms", Vm(), "Microsoft.EnterpriseCloud.Monitoring", "OmsAgentForLinux")),
        new("EI-VM-010", "a VM with the Microsoft Monitoring Agent", false, () => Extension("mma", Vm(), "Microsoft.EnterpriseCloud.Monitoring", "MicrosoftMonitoringAgent")),

        new("EI-VM-011", "a zonal VM", true, () => Vm(configure: args => args.Zones = ["1"])),
        new("EI-VM-011", "a VM in an availability set", true, () => Vm(configure: args => args.AvailabilitySet = new SubResourceArgs { Id = "/subscriptions/s/resourceGroups/rg-fixture/providers/Microsoft.Compute/availabilitySets/web" })),
        new("EI-VM-011", "a VM on premium disks only", true, () => Vm(configure: args => args.StorageProfile = new StorageProfileArgs
        {
            OsDisk = new OSDiskArgs { CreateOption = "FromImage", ManagedDisk = new ManagedDiskParametersArgs { StorageAccountType = "Premium_LRS" } },
            DataDisks = [new DataDiskArgs { Lun = 0, CreateOption = "Empty", DiskSizeGB = 32, ManagedDisk = new ManagedDiskParametersArgs { StorageAccountType = "Premium_ZRS" } }],
        })),
        new("EI-VM-011", "a VM on a standard disk, in no zone or set", false, () => Vm(configure: args => args.StorageProfile = new StorageProfileArgs
        {
            OsDisk = new OSDiskArgs { CreateOption = "FromImage", ManagedDisk = new ManagedDiskParametersArgs { StorageAccountType = "StandardSSD_LRS" } },
        })),
        new("EI-VM-011", "a VM that states nothing", false, () => Vm()),

        new("EI-VM-012", "a VM with boot diagnostics and no public IP", true, () => VmOnNic(Nic(), bootDiagnostics: true)),
        new("EI-VM-012", "a VM with a public IP and no boot diagnostics", true, () => VmOnNic(Nic(configureIp: ip => ip.PublicIPAddress = new NetworkInputs.PublicIPAddressArgs { Id = Pip().Id }), bootDiagnostics: false)),
        new("EI-VM-012", "a VM with boot diagnostics and a public IP on its interface", false, () =>
            VmOnNic(Nic(configureIp: ip => ip.PublicIPAddress = new NetworkInputs.PublicIPAddressArgs { Id = Pip().Id }), bootDiagnostics: true)),
        new("EI-VM-012", "a VM with boot diagnostics that creates an interface with a public IP", false, () => Vm(configure: args =>
        {
            args.DiagnosticsProfile = new DiagnosticsProfileArgs { BootDiagnostics = new BootDiagnosticsArgs { Enabled = true } };
            args.NetworkProfile = new NetworkProfileArgs
            {
                NetworkApiVersion = "2020-11-01",
                NetworkInterfaceConfigurations =
                [
                    new VirtualMachineNetworkInterfaceConfigurationArgs
                    {
                        Name = "nic",
                        IpConfigurations = [new VirtualMachineNetworkInterfaceIPConfigurationArgs { Name = "ipconfig", PublicIPAddressConfiguration = new VirtualMachinePublicIPAddressConfigurationArgs { Name = "pip" } }],
                    },
                ],
            };
        })),

        new("EI-VM-013", "the origin cluster in the origin network", true, () => OriginCluster(subnetId: OriginNetwork().SubnetId("web"))),
        new("EI-VM-013", "a VM whose interface has its own security group", true, () =>
        {
            var vnet = Vnet("vnet", SubnetArgs("web", 1));
            var nsg = Nsg();
            VmOnNic(Nic(subnetId: vnet.Subnets[0].Id, configure: args => args.NetworkSecurityGroup = new NetworkInputs.NetworkSecurityGroupArgs { Id = nsg.Id }));
        }),
        new("EI-VM-013", "a VM in a subnet the program does not state", true, () => VmOnNic(Nic())),
        new("EI-VM-013", "a VM in an inline subnet without a security group", false, () => VmOnNic(Nic(subnetId: Vnet("vnet", SubnetArgs("web", 1)).Subnets[0].Id))),
        new("EI-VM-013", "a VM in a subnet resource without a security group", false, () =>
        {
            var vnet = Vnet();
            var subnet = new Subnet("web", new AzureNative.Network.SubnetArgs { ResourceGroupName = GroupName, VirtualNetworkName = vnet.Name, AddressPrefix = "10.0.1.0/24" });
            VmOnNic(Nic(subnetId: subnet.Id));
        }),
    ];

    /// <summary>A VM with the given Linux configuration and encryption at host.</summary>
    private static void LinuxVm(LinuxConfigurationArgs? linux = null, bool? encryptionAtHost = null) =>
        _ = new VirtualMachine("vm", new VirtualMachineArgs
        {
            ResourceGroupName = "rg-fixture",
            Location = "westeurope",
            VmName = "vm-fixture",
            OsProfile = new OSProfileArgs { ComputerName = "vm-fixture", AdminUsername = "fixture", LinuxConfiguration = linux is null ? null : (Input<LinuxConfigurationArgs>)linux },
            SecurityProfile = encryptionAtHost is { } atHost ? (Input<SecurityProfileArgs>)new SecurityProfileArgs { EncryptionAtHost = atHost } : null,
        });

    private static void Windows(WindowsConfigurationArgs windows) =>
        _ = Vm("win", args => args.OsProfile = new OSProfileArgs { ComputerName = "win", AdminUsername = "fixture", WindowsConfiguration = windows });

    private static void CustomData(Input<string> customData) =>
        _ = Vm(configure: args => args.OsProfile = new OSProfileArgs { ComputerName = "vm-fixture", AdminUsername = "fixture", CustomData = customData });

    private static void VmOnNic(AzureNative.Network.NetworkInterface nic, bool bootDiagnostics = false) =>
        _ = Vm(configure: args =>
        {
            args.NetworkProfile = new NetworkProfileArgs { NetworkInterfaces = [new NetworkInterfaceReferenceArgs { Id = nic.Id, Primary = true }] };
            if (bootDiagnostics)
            {
                args.DiagnosticsProfile = new DiagnosticsProfileArgs { BootDiagnostics = new BootDiagnosticsArgs { Enabled = true } };
            }
        });

    private static PublicIPAddress Pip() =>
        new("pip", new PublicIPAddressArgs { ResourceGroupName = GroupName, Location = Location, Sku = new NetworkInputs.PublicIPAddressSkuArgs { Name = "Standard" }, PublicIPAllocationMethod = "Static" });
}
