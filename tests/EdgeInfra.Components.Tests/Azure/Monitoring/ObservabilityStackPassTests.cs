using System.Collections.Immutable;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;
using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Expressions;
using static EdgeInfra.Components.Tests.Azure.Monitoring.MonitoringFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

public sealed class ObservabilityStackPassTests
{
    private static StackGraph Graph(Action build) => StackBuilder.Build(() => new LambdaStack(build), Settings());

    /// <summary>The diagnostic settings of <paramref name="graph"/> whose resourceUri references <paramref name="resource"/>.</summary>
    private static List<CustomResource> SettingsOf(StackGraph graph, Resource resource) =>
        [.. graph.CustomResources.Where(s => s.GetResourceType() == DiagnosticSetting.TypeToken
            && graph.Properties[s].Properties["resourceUri"].DescendantsAndSelf().OfType<ResourceReferenceExpression>().Any(r => r.Resource == resource))];

    private static List<CustomResource> ReferencingOf(StackGraph graph, string type, string property, Resource resource) =>
        [.. graph.CustomResources.Where(s => s.GetResourceType() == type
            && graph.Properties[s].Properties.TryGetValue(property, out var value)
            && value.DescendantsAndSelf().OfType<ResourceReferenceExpression>().Any(r => r.Resource == resource))];

    [Fact]
    public void A_stack_with_a_key_vault_an_nsg_vms_and_an_own_diagnostic_setting_conforms()
    {
        var program = SynthConforming(EdgeLikeStack);
        Assert.Contains("  obs-kv-diag:\n", program);
        Assert.Contains("  obs-nsg-diag:\n", program);
        Assert.Contains("  obs-web-vm-nic-diag:\n", program);
        Assert.Contains("  obs-workspace-diag:\n", program);
        Assert.Contains("  obs-web-vm-ama:\n", program);
        Assert.Contains("  obs-web-vm-dcra:\n", program);
        Assert.Contains("  obs-iis-vm-ama:\n", program);
        Assert.Contains("  obs-iis-vm-dcra:\n", program);
        Assert.DoesNotContain("obs-own-kv-diag", program);
    }

    [Fact]
    public void Every_supported_resource_gets_exactly_one_diagnostic_setting_and_unsupported_ones_none()
    {
        var graph = Graph(EdgeLikeStack);
        var supported = graph.CustomResources.Where(r => DiagnosticSupport.Of(r.GetResourceType()) is not null).ToList();
        Assert.Equal(["iis-vm-nic", "kv", "nsg", "obs-workspace", "own-kv", "web-vm-nic"], supported.Select(r => r.LogicalName));
        Assert.All(supported, r => Assert.Single(SettingsOf(graph, r)));
        Assert.Equal("own-kv-own-diag", Assert.Single(SettingsOf(graph, supported.Single(r => r.LogicalName == "own-kv"))).LogicalName);

        var unsupported = graph.CustomResources.Where(r => DiagnosticSupport.Of(r.GetResourceType()) is null && r.GetResourceType() != DiagnosticSetting.TypeToken).ToList();
        Assert.Contains(unsupported, r => r.LogicalName == "rg");
        Assert.Contains(unsupported, r => r.LogicalName == "web-vm");
        Assert.Contains(unsupported, r => r.LogicalName == "obs-dcr");
        Assert.All(unsupported, r => Assert.Empty(SettingsOf(graph, r)));
        Assert.Empty(DiagnosticCoverage.MissingIn(graph));
    }

    [Fact]
    public async Task Each_setting_sends_what_its_type_has_to_the_workspace()
    {
        var result = await RunAsync(EdgeLikeStack);
        var workspaceId = result.Resource("obs-workspace").Id;
        var nsg = result.Resource("obs-nsg-diag");
        Assert.Equal(DiagnosticSetting.TypeToken, nsg.Type);
        AssertTree(
            Obj(
                ("logs", new[] { Obj(("categoryGroup", "allLogs"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", result.Resource("nsg").Id),
                ("workspaceId", workspaceId)),
            nsg.Inputs);
        var nic = result.Resource("obs-web-vm-nic-diag");
        Assert.Equal(DiagnosticSetting.TypeToken, nic.Type);
        AssertTree(
            Obj(
                ("metrics", new[] { Obj(("category", "AllMetrics"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", result.Resource("web-vm-nic").Id),
                ("workspaceId", workspaceId)),
            nic.Inputs);
        var vault = result.Resource("obs-kv-diag");
        Assert.Equal(DiagnosticSetting.TypeToken, vault.Type);
        Assert.Equal(["logs", "metrics", "name", "resourceUri", "workspaceId"], PropertyNames(vault.Inputs));
        AssertTree(new[] { Obj(("categoryGroup", "allLogs"), ("enabled", true)) }, vault.Inputs["logs"]);
        AssertTree(new[] { Obj(("category", "AllMetrics"), ("enabled", true)) }, vault.Inputs["metrics"]);
        Assert.Equal("edge-infra-diagnostics", vault.Inputs["name"]);
        Assert.Equal(result.Resource("kv").Id, vault.Inputs["resourceUri"]);
    }

    [Fact]
    public void Every_vm_gets_the_agent_for_its_os_and_one_association_with_the_rule()
    {
        var graph = Graph(EdgeLikeStack);
        var vms = graph.CustomResources.Where(r => r.GetResourceType() == VirtualMachine.TypeToken).ToList();
        Assert.Equal(["iis-vm", "web-vm"], vms.Select(v => v.LogicalName));
        foreach (var vm in vms)
        {
            var agent = Assert.Single(ReferencingOf(graph, VirtualMachineExtension.TypeToken, "vmName", vm));
            var expected = vm.LogicalName == "web-vm" ? "AzureMonitorLinuxAgent" : "AzureMonitorWindowsAgent";
            var properties = graph.Properties[agent].Properties;
            Assert.Equal(expected, ((LiteralExpression)properties["type"]).Value);
            Assert.Equal("Microsoft.Azure.Monitor", ((LiteralExpression)properties["publisher"]).Value);
            Assert.Equal(true, ((LiteralExpression)properties["autoUpgradeMinorVersion"]).Value);
            Assert.Equal(true, ((LiteralExpression)properties["enableAutomaticUpgrade"]).Value);
            Assert.Single(ReferencingOf(graph, DataCollectionRuleAssociation.TypeToken, "resourceUri", vm));
        }

        Assert.Equal(2, graph.CustomResources.Count(r => r.GetResourceType() == VirtualMachineExtension.TypeToken));
        Assert.Equal(2, graph.CustomResources.Count(r => r.GetResourceType() == DataCollectionRuleAssociation.TypeToken));
    }

    [Fact]
    public void The_agent_of_a_vm_with_only_user_assigned_identities_names_the_first_of_them()
    {
        CustomResource? identity = null;
        var graph = Graph(() =>
        {
            new Observability("obs", DefaultArgs());
            identity = new AzureNative.ManagedIdentity.UserAssignedIdentity("uai", new AzureNative.ManagedIdentity.UserAssignedIdentityArgs { ResourceGroupName = ResourceGroup, Location = Location });
            LinuxVm("user-only", new VirtualMachineIdentityArgs { Type = ResourceIdentityType.UserAssigned, UserAssignedIdentities = [identity.Id] });
            LinuxVm("both", new VirtualMachineIdentityArgs { Type = ResourceIdentityType.SystemAssigned_UserAssigned, UserAssignedIdentities = [identity.Id] });
            LinuxVm("none");
        });

        CustomResource Agent(string vm) => Assert.Single(ReferencingOf(graph, VirtualMachineExtension.TypeToken, "vmName", graph.CustomResources.Single(r => r.LogicalName == vm)));
        var settings = Assert.IsType<ObjectExpression>(graph.Properties[Agent("user-only")].Properties["settings"]);
        var managedIdentity = (ObjectExpression)((ObjectExpression)settings.Properties["authentication"]).Properties["managedIdentity"];
        Assert.Equal("mi_res_id", ((LiteralExpression)managedIdentity.Properties["identifier-name"]).Value);
        Assert.Same(identity, Assert.IsType<ResourceReferenceExpression>(managedIdentity.Properties["identifier-value"]).Resource);
        Assert.DoesNotContain("settings", graph.Properties[Agent("both")].Properties.Keys);
        Assert.DoesNotContain("settings", graph.Properties[Agent("none")].Properties.Keys);
    }

    [Fact]
    public async Task A_run_resolves_the_agent_and_the_association_to_the_vm_and_the_rule()
    {
        var result = await RunAsync(EdgeLikeStack);
        var agent = result.Resource("obs-web-vm-ama").Inputs;
        Assert.Equal("web-vm", agent["vmName"]);
        Assert.Equal("rg-edge", agent["resourceGroupName"]);
        Assert.Equal("westeurope", agent["location"]);
        Assert.Equal("AzureMonitorLinuxAgent", agent["vmExtensionName"]);
        var association = result.Resource("obs-web-vm-dcra").Inputs;
        Assert.Equal("web-vm_id", association["resourceUri"]);
        Assert.Equal("obs-dcr_id", association["dataCollectionRuleId"]);
        Assert.Equal("obs-dcr", association["associationName"]);
        Assert.Equal("obs-workspace_id", result.Resource("obs-kv-diag").Inputs["workspaceId"]);
        Assert.Equal("kv_id", result.Resource("obs-kv-diag").Inputs["resourceUri"]);
    }

    [Fact]
    public void Resources_created_after_the_component_are_covered_too()
    {
        var graph = Graph(() =>
        {
            new Observability("obs", DefaultArgs());
            KeyVault("late-kv");
            LinuxVm("late-vm");
        });
        Assert.Empty(DiagnosticCoverage.MissingIn(graph));
        Assert.Contains(graph.CustomResources, r => r.LogicalName == "obs-late-vm-ama");
        Assert.Contains(graph.CustomResources, r => r.LogicalName == "obs-late-vm-dcra");
    }

    [Fact]
    public void A_vm_that_has_the_agent_already_gets_only_the_association()
    {
        var graph = Graph(() =>
        {
            var vm = LinuxVm();
            new VirtualMachineExtension("own-agent", new VirtualMachineExtensionArgs
            {
                ResourceGroupName = ResourceGroup,
                VmName = vm.Name,
                Publisher = "Microsoft.Azure.Monitor",
                Type = "AzureMonitorLinuxAgent",
                TypeHandlerVersion = "1.0",
            });
            new Observability("obs", DefaultArgs());
        });
        Assert.DoesNotContain(graph.CustomResources, r => r.LogicalName == "obs-web-vm-ama");
        Assert.Contains(graph.CustomResources, r => r.LogicalName == "obs-web-vm-dcra");
    }

    [Fact]
    public void A_vm_whose_os_cannot_be_told_fails_synthesis_naming_it()
    {
        var error = Assert.Single(Errors(() =>
        {
            UnknownOsVm();
            new Observability("obs", DefaultArgs());
        }));
        Assert.Equal(new EdgeInfra.SynthesisError(
            "resource 'mystery-vm' (azure-native:compute:VirtualMachine)",
            "osProfile",
            "the Observability component 'obs' cannot tell whether the VM runs Linux or Windows: set osProfile.linuxConfiguration or windowsConfiguration, storageProfile.osDisk.osType, or an image of a known publisher"), error);
    }

    [Fact]
    public void Missing_in_lists_the_supported_resources_no_setting_covers()
    {
        var graph = Graph(() =>
        {
            new AzureNative.Resources.ResourceGroup("rg", new AzureNative.Resources.ResourceGroupArgs { Location = Location });
            KeyVault();
            KeyVaultWithOwnDiagnostics();
            Nsg();
            LinuxVm();
        });
        Assert.Equal(["kv", "nsg", "web-vm-nic"], DiagnosticCoverage.MissingIn(graph).Select(r => r.LogicalName));
    }

    [Fact]
    public void The_support_table_covers_the_stack_types_and_leaves_vms_to_the_agent()
    {
        Assert.Equal(new DiagnosticSupport(Logs: true, Metrics: true), DiagnosticSupport.Of("azure-native:keyvault:Vault"));
        Assert.Equal(new DiagnosticSupport(Logs: true, Metrics: false), DiagnosticSupport.Of("azure-native:network:NetworkSecurityGroup"));
        Assert.Equal(new DiagnosticSupport(Logs: true, Metrics: true), DiagnosticSupport.Of("azure-native:network:PublicIPAddress"));
        Assert.Equal(new DiagnosticSupport(Logs: true, Metrics: true), DiagnosticSupport.Of("azure-native:network:LoadBalancer"));
        Assert.Equal(new DiagnosticSupport(Logs: true, Metrics: true), DiagnosticSupport.Of("azure-native:network:VirtualNetwork"));
        // Its metrics are the category Health (not AllMetrics): see DiagnosticCategories.
        Assert.Equal(new DiagnosticSupport(Logs: true, Metrics: true), DiagnosticSupport.Of("azure-native:recoveryservices:Vault"));
        Assert.Equal(new DiagnosticSupport(Logs: true, Metrics: true), DiagnosticSupport.Of("azure-native:operationalinsights:Workspace"));
        Assert.Equal(new DiagnosticSupport(Logs: false, Metrics: true), DiagnosticSupport.Of("azure-native:storage:StorageAccount"));
        Assert.Equal(new DiagnosticSupport(Logs: false, Metrics: true), DiagnosticSupport.Of("azure-native:network:NetworkInterface"));
        Assert.Null(DiagnosticSupport.Of("azure-native:compute:VirtualMachine"));
        Assert.Null(DiagnosticSupport.Of("azure-native:resources:ResourceGroup"));
    }

    [Fact]
    public void The_os_is_told_from_the_os_profile_the_os_disk_or_the_image_publisher_of_a_vm()
    {
        VirtualMachineOs?[] detected = [];
        Synth(() =>
        {
            var byOsDisk = new VirtualMachine("by-disk", new VirtualMachineArgs
            {
                ResourceGroupName = ResourceGroup,
                StorageProfile = new StorageProfileArgs { OsDisk = new OSDiskArgs { CreateOption = "Attach", OsType = OperatingSystemTypes.Windows } },
            });
            var byProfile = new VirtualMachine("by-profile", new VirtualMachineArgs
            {
                ResourceGroupName = ResourceGroup,
                OsProfile = new OSProfileArgs { WindowsConfiguration = new WindowsConfigurationArgs() },
            });
            // Azure reads the os type ignoring case.
            var byLowerCaseOsDisk = new VirtualMachine("by-lower-case-disk", new VirtualMachineArgs
            {
                ResourceGroupName = ResourceGroup,
                StorageProfile = new StorageProfileArgs { OsDisk = new OSDiskArgs { CreateOption = "Attach", OsType = new OperatingSystemTypes("linux") } },
            });
            detected = [VirtualMachineOsDetection.Detect(byOsDisk), VirtualMachineOsDetection.Detect(byProfile), VirtualMachineOsDetection.Detect(LinuxVm()), VirtualMachineOsDetection.Detect(WindowsVmByImage()), VirtualMachineOsDetection.Detect(UnknownOsVm()), VirtualMachineOsDetection.Detect(byLowerCaseOsDisk)];
        });
        Assert.Equal([VirtualMachineOs.Windows, VirtualMachineOs.Windows, VirtualMachineOs.Linux, VirtualMachineOs.Windows, null, VirtualMachineOs.Linux], detected);
    }
}
