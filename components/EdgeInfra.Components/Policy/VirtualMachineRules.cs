using System.Text.RegularExpressions;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.Expressions;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;
using NetworkInterface = EdgeInfra.AzureNative.Network.NetworkInterface;
using NetworkInterfaceArgs = EdgeInfra.AzureNative.Network.NetworkInterfaceArgs;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on virtual machines (<c>azure-native:compute:VirtualMachine</c>) and their extensions
/// (<c>azure-native:compute:VirtualMachineExtension</c>). An extension belongs to the VM its <c>vmName</c> refers to
/// (<c>${vm.name}</c>) or names literally; a VM's network interfaces are those its <c>networkProfile</c> refers to.
/// </summary>
internal static partial class VirtualMachineRules
{
    private const string Area = "Virtual machines";

    private const string MonitorAgentPublisher = "Microsoft.Azure.Monitor";

    private const string LegacyAgentPublisher = "Microsoft.EnterpriseCloud.Monitoring";

    private static readonly string[] MonitorAgentTypes = ["AzureMonitorLinuxAgent", "AzureMonitorWindowsAgent"];

    private static readonly string[] LegacyAgentTypes = ["MicrosoftMonitoringAgent", "OmsAgentForLinux"];

    /// <summary>Disk types whose single-instance VM SLA Azure gives without zones or availability sets.</summary>
    private static readonly string[] PremiumDiskTypes = ["Premium_LRS", "Premium_ZRS", "PremiumV2_LRS", "UltraSSD_LRS"];

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
        new(
            "EI-VM-003", Area, PolicySeverity.Medium,
            "Linux VMs have an SSH public key",
            "With passwords refused, the administrator's SSH public key is the only way in; a Linux VM without one is either unreachable or relies on a password.",
            ["CKV_AZURE_178"],
            Each<VirtualMachine, VirtualMachineArgs>((graph, vm) =>
                Plain(Plain(vm.OsProfile)?.LinuxConfiguration) is { } linux && !HasSshKey(graph, linux)
                    ? "osProfile.linuxConfiguration.ssh.publicKeys has no key with keyData: add the administrator's SSH public key"
                    : null,
                "osProfile.linuxConfiguration.ssh.publicKeys")),
        new(
            "EI-VM-004", Area, PolicySeverity.Medium,
            "VMs use managed disks",
            "An unmanaged disk is a VHD blob in a storage account, outside the managed disks' encryption, RBAC and network controls.",
            ["CKV_AZURE_92", "CKV2_AZURE_9", "Azure.VM.UseManagedDisks", "vm-requires-managed-disks"],
            Each<VirtualMachine, VirtualMachineArgs>(UnmanagedDisks, "storageProfile")),
        new(
            "EI-VM-005", Area, PolicySeverity.Medium,
            "VMs have the VM agent",
            "Without the VM agent a VM runs no extensions: no Azure Monitor Agent, no application-consistent backup, no password reset; unset is provisioned.",
            ["CKV_AZURE_179", "Azure.VM.Agent"],
            Each<VirtualMachine, VirtualMachineArgs>((graph, vm) =>
            {
                var os = Plain(vm.OsProfile);
                return graph.ValueOf(Plain(os?.LinuxConfiguration)?.ProvisionVMAgent).Is(false)
                    ? "osProfile.linuxConfiguration.provisionVMAgent is false: set it to true (or leave it unset)"
                    : graph.ValueOf(Plain(os?.WindowsConfiguration)?.ProvisionVMAgent).Is(false)
                        ? "osProfile.windowsConfiguration.provisionVMAgent is false: set it to true (or leave it unset)"
                        : null;
            },
            "osProfile")),
        new(
            "EI-VM-006", Area, PolicySeverity.Medium,
            "Windows VMs install updates automatically",
            "A Windows VM that does not install updates keeps known vulnerabilities open; unset is enabled.",
            ["CKV_AZURE_177", "Azure.VM.Updates"],
            Each<VirtualMachine, VirtualMachineArgs>((graph, vm) =>
                graph.ValueOf(Plain(Plain(vm.OsProfile)?.WindowsConfiguration)?.EnableAutomaticUpdates).Is(false)
                    ? "osProfile.windowsConfiguration.enableAutomaticUpdates is false: set it to true (or leave it unset), with patchSettings.patchMode AutomaticByPlatform or AutomaticByOS"
                    : null,
                "osProfile.windowsConfiguration.enableAutomaticUpdates")),
        new(
            "EI-VM-007", Area, PolicySeverity.High,
            "Custom data and user data hold no secrets",
            "Custom and user data are stored with the VM, readable by anyone who can read it and by every process on it through the instance metadata; a VM reads secrets from Key Vault with its identity.",
            ["CKV_AZURE_45", "AZU-0037"],
            Each<VirtualMachine, VirtualMachineArgs>((graph, vm) =>
                SecretsIn(graph, Plain(vm.OsProfile)?.CustomData).Select(secret => $"osProfile.customData holds {secret}: read it at boot from Key Vault with the VM's managed identity instead")
                    .Concat(SecretsIn(graph, vm.UserData).Select(secret => $"userData holds {secret}: read it at boot from Key Vault with the VM's managed identity instead")))),
        new(
            "EI-VM-008", Area, PolicySeverity.High,
            "VM extensions keep secrets in protected settings",
            "An extension's public settings (such as a custom script's commandToExecute) are returned to anyone who can read the VM; secrets belong in protectedSettings, which are encrypted and never returned.",
            ["Azure.VM.ScriptExtensions"],
            Each<VirtualMachineExtension, VirtualMachineExtensionArgs>(SecretSettings, "settings")),
        new(
            "EI-VM-009", Area, PolicySeverity.Medium,
            "VMs run the Azure Monitor Agent",
            "Without the Azure Monitor Agent a VM's guest logs (sign-ins, the origin's refusals) reach no workspace, leaving no evidence of what happened on it.",
            ["Azure.VM.AMA"],
            WithoutMonitorAgent),
        new(
            "EI-VM-010", Area, PolicySeverity.Medium,
            "VMs do not use the legacy Log Analytics agent",
            "The Log Analytics agent (MMA/OMS) is retired and no longer supported; a VM relying on it collects nothing reliably; use the Azure Monitor Agent.",
            ["Azure.VM.MigrateAMA"],
            Each<VirtualMachineExtension, VirtualMachineExtensionArgs>((graph, extension) =>
                graph.ValueOf(extension.Publisher).Is(LegacyAgentPublisher) && graph.ValueOf(extension.Type) is { IsKnown: true } type && LegacyAgentTypes.Contains(type.Value, StringComparer.OrdinalIgnoreCase)
                    ? $"the extension is the retired Log Analytics agent ({LegacyAgentPublisher} {type.Value}): replace it with AzureMonitorLinuxAgent or AzureMonitorWindowsAgent and a data collection rule"
                    : null,
                "type")),
        new(
            "EI-VM-011", Area, PolicySeverity.Low,
            "VMs are zonal, in an availability set, or on premium disks",
            "A VM in no zone, no availability set and on standard disks has no SLA of its own and nothing to fail over to during host maintenance or failure.",
            ["Azure.VM.Standalone"],
            Each<VirtualMachine, VirtualMachineArgs>((graph, vm) =>
                IsStandalone(graph, vm)
                    ? "the VM states no zones, no availabilitySet and no virtualMachineScaleSet, and not every disk is premium: place it in a zone (or an availability set), or use premium disks"
                    : null,
                "zones")),
        new(
            "EI-VM-012", Area, PolicySeverity.Medium,
            "VMs with a public IP do not enable boot diagnostics",
            "Boot diagnostics enable the serial console, an interactive login path; on a VM that also has a public IP it widens an Internet-facing machine's attack surface.",
            ["CKV2_AZURE_39"],
            Each<VirtualMachine, VirtualMachineArgs>((graph, vm) =>
                graph.ValueOf(Plain(Plain(vm.DiagnosticsProfile)?.BootDiagnostics)?.Enabled).Is(true) && PublicIpInterface(graph, vm) is { } where
                    ? $"diagnosticsProfile.bootDiagnostics.enabled is true and {where} has a public IP: remove the public IP (reach the VM through a load balancer or Azure Bastion), or turn boot diagnostics off"
                    : null,
                "diagnosticsProfile.bootDiagnostics.enabled")),
        new(
            "EI-VM-013", Area, PolicySeverity.High,
            "Every VM network interface is behind a network security group",
            "A VM whose network interface and subnet both lack a security group accepts every port from whatever can reach its network.",
            ["AZU-0068"],
            Each<VirtualMachine, VirtualMachineArgs>(UnfilteredInterfaces, "networkProfile")),
    ];

    private static bool HasSshKey(StackGraph graph, LinuxConfigurationArgs linux)
    {
        var keys = Plain(linux.Ssh)?.PublicKeys;
        if (keys is null)
        {
            return linux.Ssh is not null && Plain(linux.Ssh) is null;
        }

        return NetworkLinks.IsDeployTime(keys) || keys.Any(key => key is not null && (!key.TryGetValue(out var value) || !graph.ValueOf(value.KeyData).IsUnset));
    }

    private static IEnumerable<string> UnmanagedDisks(StackGraph graph, VirtualMachineArgs vm)
    {
        var storage = Plain(vm.StorageProfile);
        if (NetworkLinks.ValueIn(graph, Plain(storage?.OsDisk)?.Vhd, vhd => vhd.Uri) is { IsUnset: false } osUri)
        {
            yield return $"storageProfile.osDisk.vhd.uri is {Show(osUri)}: remove vhd and give managedDisk (a storageAccountType) instead";
        }

        var index = 0;
        foreach (var item in storage?.DataDisks ?? [])
        {
            if (item is not null && item.TryGetValue(out var disk) && NetworkLinks.ValueIn(graph, disk.Vhd, vhd => vhd.Uri) is { IsUnset: false } uri)
            {
                yield return $"storageProfile.dataDisks[{index}].vhd.uri is {Show(uri)}: remove vhd and give managedDisk instead";
            }

            index++;
        }
    }

    private static IEnumerable<string> SecretSettings(StackGraph graph, VirtualMachineExtensionArgs extension)
    {
        if (extension.Settings is null)
        {
            yield break;
        }

        if (extension.Settings.ToExpression() is ObjectExpression settings)
        {
            foreach (var (key, value) in settings.Properties)
            {
                foreach (var secret in SecretsIn(graph, value))
                {
                    yield return $"settings.{key} holds {secret}: move it to protectedSettings";
                }
            }
        }
        else
        {
            foreach (var secret in SecretsIn(graph, extension.Settings))
            {
                yield return $"settings holds {secret}: move it to protectedSettings";
            }
        }
    }

    private static IEnumerable<PolicyViolation> WithoutMonitorAgent(StackGraph graph)
    {
        var agents = graph.ResourcesOf<VirtualMachineExtension>()
            .Select(graph.InputsOf<VirtualMachineExtensionArgs>)
            .Where(extension => graph.ValueOf(extension.Publisher).Is(MonitorAgentPublisher)
                || (graph.ValueOf(extension.Type) is { IsKnown: true } type && MonitorAgentTypes.Contains(type.Value, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        foreach (var vm in graph.ResourcesOf<VirtualMachine>())
        {
            var vmName = graph.ValueOf(graph.InputsOf<VirtualMachineArgs>(vm).VmName);
            var hasAgent = agents.Any(extension =>
                ReferenceEquals(NetworkLinks.Target(extension.VmName), vm)
                || (vmName.IsKnown && graph.ValueOf(extension.VmName).Is(vmName.Value)));
            if (!hasAgent)
            {
                yield return new PolicyViolation(vm, "no Azure Monitor Agent extension names this VM in its vmName: add the AzureMonitorLinuxAgent (or AzureMonitorWindowsAgent) extension with a data collection rule, e.g. through the Observability component");
            }
        }
    }

    private static bool IsStandalone(StackGraph graph, VirtualMachineArgs vm)
    {
        if (vm.Zones is not null && (NetworkLinks.IsDeployTime(vm.Zones) || vm.Zones.Any()))
        {
            return false;
        }

        if (!NetworkLinks.ValueIn(graph, vm.AvailabilitySet, set => set.Id).IsUnset || !NetworkLinks.ValueIn(graph, vm.VirtualMachineScaleSet, set => set.Id).IsUnset)
        {
            return false;
        }

        var storage = Plain(vm.StorageProfile);
        var diskTypes = new List<InputValue<string>> { NetworkLinks.ValueIn(graph, Plain(storage?.OsDisk)?.ManagedDisk, disk => disk.StorageAccountType) };
        diskTypes.AddRange(Items(storage?.DataDisks).Select(disk => NetworkLinks.ValueIn(graph, disk.ManagedDisk, managed => managed.StorageAccountType)));

        // A disk type known only at deployment may be premium: the VM is not flagged.
        return !diskTypes.All(type => type.Kind == InputValueKind.DeployTime || (type.IsKnown && PremiumDiskTypes.Contains(type.Value, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>Where the VM has a public IP (a network interface it refers to, or one it creates), or null.</summary>
    private static string? PublicIpInterface(StackGraph graph, VirtualMachineArgs vm)
    {
        foreach (var nic in Interfaces(vm))
        {
            if (Items(graph.InputsOf<NetworkInterfaceArgs>(nic).IpConfigurations).Any(ip => ip.PublicIPAddress is not null))
            {
                return $"network interface '{nic.LogicalName}'";
            }
        }

        return NetworkLinks.CreatedInterfaces(vm)
            .Where(created => Items(created.Configuration.IpConfigurations).Any(ip => ip.PublicIPAddressConfiguration is not null))
            .Select(created => created.Path)
            .FirstOrDefault();
    }

    // A VM is flagged only when the program shows both sides: the interface without a security group, and its subnet
    // (inline in a virtual network, or a Subnet resource) without one. A subnet the program does not state is skipped.
    private static IEnumerable<string> UnfilteredInterfaces(StackGraph graph, VirtualMachineArgs vm)
    {
        foreach (var nic in Interfaces(vm))
        {
            var args = graph.InputsOf<NetworkInterfaceArgs>(nic);
            if (NetworkLinks.IsStated(graph, args.NetworkSecurityGroup))
            {
                continue;
            }

            foreach (var ip in Items(args.IpConfigurations))
            {
                if (NetworkLinks.SubnetOf(graph, Plain(ip.Subnet)?.Id) is { } subnet && !NetworkLinks.IsStated(graph, subnet.SecurityGroup))
                {
                    yield return $"network interface '{nic.LogicalName}' has no networkSecurityGroup and neither has its {subnet.Description}: give the subnet (or the interface) a security group";
                }
            }
        }

        foreach (var (configuration, path) in NetworkLinks.CreatedInterfaces(vm))
        {
            if (NetworkLinks.ValueIn(graph, configuration.NetworkSecurityGroup, group => group.Id).IsUnset)
            {
                foreach (var ip in Items(configuration.IpConfigurations))
                {
                    if (NetworkLinks.SubnetOf(graph, Plain(ip.Subnet)?.Id) is { } subnet && !NetworkLinks.IsStated(graph, subnet.SecurityGroup))
                    {
                        yield return $"{path} has no networkSecurityGroup and neither has its {subnet.Description}: give the subnet (or the interface) a security group";
                    }
                }
            }
        }
    }

    /// <summary>The network interface resources the VM's <c>networkProfile.networkInterfaces</c> refer to.</summary>
    private static IEnumerable<NetworkInterface> Interfaces(VirtualMachineArgs vm) =>
        Items(Plain(vm.NetworkProfile)?.NetworkInterfaces)
            .Select(reference => NetworkLinks.Target(reference.Id))
            .OfType<NetworkInterface>();

    /// <summary>
    /// What in a value is or looks like a secret: a reference to a secret config value, a value stated secret
    /// (<c>fn::secret</c>), a secret output of a resource (as its provider schema or <c>additionalSecretOutputs</c> says),
    /// or literal text shaped like a credential. Each finding once, in the order found.
    /// </summary>
    private static IEnumerable<string> SecretsIn(StackGraph graph, IInput? value) =>
        value is null ? [] : SecretsIn(graph, value.ToExpression());

    private static IEnumerable<string> SecretsIn(StackGraph graph, Expression expression) =>
        expression.DescendantsAndSelf().Select(node => node switch
        {
            ConfigReferenceExpression config when IsSecretConfig(graph, config) => $"the secret config value '{config.Key}'",
            BuiltinCallExpression { Function: BuiltinFunction.Secret } => "a value stated secret (fn::secret)",
            ResourceReferenceExpression { Resource: CustomResource resource } reference when IsSecretOutput(resource, reference.Path) =>
                $"the secret output {resource.LogicalName}{reference.Path.Render()}",
            LiteralExpression { Value: string text } => CredentialIn(text) is { } kind ? $"text that looks like {kind}" : null,
            _ => null,
        })
        .OfType<string>()
        .Distinct(StringComparer.Ordinal);

    private static bool IsSecretConfig(StackGraph graph, ConfigReferenceExpression config)
    {
        var fullKey = config.Key.Contains(':', StringComparison.Ordinal) ? config.Key : $"{graph.Settings.ProjectName}:{config.Key}";
        return config.IsSecret
            || graph.Config.Any(declaration => declaration.IsSecret && (declaration.Key == config.Key || declaration.Key == fullKey))
            || graph.Settings.Config.Find(fullKey) is { IsSecret: true };
    }

    private static bool IsSecretOutput(CustomResource resource, PropertyPath path) =>
        path.Segments is [{ Name: { } output }, ..]
        && ((resource.GetResourceMetadata()?.SecretOutputs.Contains(output) ?? false) || resource.Options.AdditionalSecretOutputs.Contains(output));

    /// <summary>What kind of credential <paramref name="text"/> contains, or null.</summary>
    private static string? CredentialIn(string text)
    {
        var match = Credential().Match(text);
        return !match.Success ? null
            : match.Groups["privateKey"].Success ? "a private key"
            : match.Groups["storageKey"].Success ? "a storage account key"
            : match.Groups["sas"].Success ? "a shared access signature"
            : match.Groups["aws"].Success ? "an AWS access key"
            : match.Groups["github"].Success ? "a GitHub token"
            : "a password or key assigned in clear";
    }

    /// <summary>
    /// Text holding a credential anywhere (the pattern spans the whole text, anchored like every generated pattern of the libraries): a PEM
    /// private key with its body, a storage account key, a SAS signature, an AWS access key id, a GitHub token, or a
    /// password, client secret or API key assigned a literal value (not a variable, substitution or placeholder).
    /// </summary>
    [GeneratedRegex(@"^(?s:.*?)(?:"
        + @"(?<privateKey>-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----\s*(?:[A-Za-z-]+:[^\n]*\n\s*)*[A-Za-z0-9+/=]{40,})"
        + @"|(?<storageKey>AccountKey=[A-Za-z0-9+/]{86}==)"
        + @"|(?<sas>[?&]sig=[A-Za-z0-9%+/=]{40,})"
        + @"|(?<aws>\b(?:AKIA|ASIA)[0-9A-Z]{16}\b)"
        + @"|(?<github>\bgh[pousr]_[A-Za-z0-9]{36,}\b)"
        + @"|(?<password>\b(?i:password|passwd|client_secret|secret_key|api_key|apikey|access_key)\b\s*[:=]\s*[""']?(?![$%{(<\[])[^\s""'$;&|]{8,})"
        + @")(?s:.*)\z")]
    private static partial Regex Credential();
}
