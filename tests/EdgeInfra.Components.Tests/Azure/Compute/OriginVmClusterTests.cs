using System.Collections.Immutable;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Testing;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Azure.Compute;

public sealed class OriginVmClusterTests
{
    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    [InlineData(OriginFlavor.Iis)]
    public async Task Defaults_conform_to_the_schemas_with_two_zonal_vms_behind_a_standard_load_balancer(OriginFlavor flavor)
    {
        void Build() => _ = new OriginVmCluster("origin", Defaults(flavor));

        SynthConforming(Build);
        var result = await RunAsync(Build, new OriginVmClusterMocks());

        var pip = result.Resource("origin-pip");
        Assert.Equal("azure-native:network:PublicIPAddress", pip.Type);
        AssertTree(
            Obj(
                ("dnsSettings", Obj(("domainNameLabel", "origin-label"), ("domainNameLabelScope", "TenantReuse"))),
                ("location", "westeurope"),
                ("publicIPAddressVersion", "IPv4"),
                ("publicIPAllocationMethod", "Static"),
                ("resourceGroupName", "rg-origin"),
                ("sku", Obj(("name", "Standard"), ("tier", "Regional"))),
                ("tags", Obj(("managedBy", "edge-infra"))),
                ("zones", new[] { "1", "2", "3" })),
            pip.Inputs);

        var loadBalancer = result.Resource("origin-lb").Inputs;
        AssertTree(new[] { Obj(("intervalInSeconds", 5L), ("name", "https"), ("port", 443L), ("probeThreshold", 2L), ("protocol", "Tcp")) }, loadBalancer["probes"]);
        Assert.Empty(AsList(loadBalancer["inboundNatRules"]));
        Assert.Equal("origin-lb", loadBalancer["loadBalancerName"]);
        var rule = Assert.Single(AsObjects(loadBalancer["loadBalancingRules"]));
        Assert.Equal(443L, rule["backendPort"]);
        Assert.Equal(true, rule["disableOutboundSnat"]);
        Assert.Equal(false, rule["enableFloatingIP"]);
        Assert.Equal(true, rule["enableTcpReset"]);
        var outbound = Assert.Single(AsObjects(loadBalancer["outboundRules"]));
        Assert.Equal("outbound", outbound["name"]);
        Assert.Equal("All", outbound["protocol"]);

        var vms = result.OfType<VirtualMachine>().ToList();
        Assert.Equal(["origin-vm-1", "origin-vm-2"], vms.Select(vm => vm.LogicalName));
        var grant = result.Resource("origin-identity-secrets-user").Resource;
        for (var index = 0; index < vms.Count; index++)
        {
            var inputs = vms[index].Inputs;
            AssertTree(
                Obj(("encryptionAtHost", true), ("securityType", "TrustedLaunch"), ("uefiSettings", Obj(("secureBootEnabled", true), ("vTpmEnabled", true)))),
                inputs["securityProfile"]);
            AssertTree(
                Obj(("caching", "ReadWrite"), ("createOption", "FromImage"), ("deleteOption", "Delete"), ("managedDisk", Obj(("storageAccountType", "Premium_LRS")))),
                Map(inputs["storageProfile"])["osDisk"]);
            AssertTree(Obj(("bootDiagnostics", Obj(("enabled", true)))), inputs["diagnosticsProfile"]);
            Assert.Equal("Standard_D2s_v5", Map(inputs["hardwareProfile"])["vmSize"]);
            Assert.Equal([$"{index + 1}"], AsList(inputs["zones"]));
            Assert.Same(grant, Assert.Single(vms[index].Options.DependsOn));
            Assert.Equal($"origin-{index + 1}", Map(inputs["osProfile"])["computerName"]);
            Assert.Equal("originadmin", Map(inputs["osProfile"])["adminUsername"]);
        }

        Assert.Empty(result.OfType("azure-native:monitor:DiagnosticSetting"));
        Assert.DoesNotContain(result.Resources, r => r.Options.Protect);
    }

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    public async Task Linux_flavors_run_ubuntu_with_an_ssh_key_only_and_no_extension(OriginFlavor flavor)
    {
        void Build() => _ = new OriginVmCluster("origin", Defaults(flavor));

        SynthConforming(Build);
        var result = await RunAsync(Build, new OriginVmClusterMocks());

        var vms = result.OfType<VirtualMachine>().ToList();
        Assert.NotEmpty(vms);
        foreach (var vm in vms)
        {
            AssertTree(
                Obj(
                    ("disablePasswordAuthentication", true),
                    ("patchSettings", Obj(("assessmentMode", "AutomaticByPlatform"), ("patchMode", "AutomaticByPlatform"))),
                    ("provisionVMAgent", true),
                    ("ssh", Obj(("publicKeys", new[] { Obj(("keyData", SshKey), ("path", "/home/originadmin/.ssh/authorized_keys")) })))),
                Map(vm.Inputs["osProfile"])["linuxConfiguration"]);
            AssertTree(
                Obj(("offer", "0001-com-ubuntu-server-jammy"), ("publisher", "Canonical"), ("sku", "22_04-lts-gen2"), ("version", "latest")),
                Map(vm.Inputs["storageProfile"])["imageReference"]);
        }

        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "windowsConfiguration"));
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "adminPassword"));
        Assert.DoesNotContain(result.Resources, r => r.Type.StartsWith("random:index/randomPassword", StringComparison.Ordinal));
        Assert.Empty(result.OfType<VirtualMachineExtension>());
        Assert.Empty(result.OfType("azure-native:keyvault:Secret"));
    }

    [Fact]
    public async Task Iis_runs_windows_server_2022_with_a_generated_password_kept_in_key_vault_and_a_setup_extension()
    {
        static void Build() => _ = new OriginVmCluster("origin", Defaults(OriginFlavor.Iis));

        var program = SynthConforming(Build);
        var result = await RunAsync(Build, new OriginVmClusterMocks());

        var password = result.Resource("origin-admin-password");
        Assert.Equal("random:index/randomPassword:RandomPassword", password.Type);
        AssertTree(
            Obj(("length", 32L), ("minLower", 2L), ("minNumeric", 2L), ("minSpecial", 2L), ("minUpper", 2L), ("overrideSpecial", "!#%*-_=+?"), ("special", true)),
            password.Inputs);
        var passwordResult = Plain(password.Outputs["result"]);

        var secret = result.Resource("origin-admin-password-secret");
        Assert.Equal("azure-native:keyvault:Secret", secret.Type);
        Assert.Equal(["properties", "resourceGroupName", "secretName", "tags", "vaultName"], PropertyNames(secret.Inputs));
        var secretProperties = Map(secret.Inputs["properties"]);
        Assert.Equal(["attributes", "contentType", "value"], PropertyNames(secretProperties));
        AssertTree(Obj(("enabled", true)), secretProperties["attributes"]);
        Assert.Equal("text/plain", secretProperties["contentType"]);
        Assert.IsType<SecretValue>(secretProperties["value"]);
        Assert.Equal(passwordResult, Plain(secretProperties["value"]));
        Assert.Equal("rg-origin", secret.Inputs["resourceGroupName"]);
        Assert.Equal("origin-admin-password", secret.Inputs["secretName"]);

        var vms = result.OfType<VirtualMachine>().ToList();
        Assert.NotEmpty(vms);
        foreach (var vm in vms)
        {
            var adminPassword = Map(vm.Inputs["osProfile"])["adminPassword"];
            Assert.IsType<SecretValue>(adminPassword);
            Assert.Equal(passwordResult, Plain(adminPassword));
            AssertTree(
                Obj(("offer", "WindowsServer"), ("publisher", "MicrosoftWindowsServer"), ("sku", "2022-datacenter-g2"), ("version", "latest")),
                Map(vm.Inputs["storageProfile"])["imageReference"]);
        }

        var setup = result.Resource("origin-vm-1-setup");
        Assert.Equal("azure-native:compute:VirtualMachineExtension", setup.Type);
        Assert.Equal(true, setup.Inputs["autoUpgradeMinorVersion"]);
        Assert.Equal("westeurope", setup.Inputs["location"]);
        AssertTree(
            Obj(("commandToExecute", @"powershell.exe -NoProfile -ExecutionPolicy Bypass -Command ""Copy-Item -Path C:\AzureData\CustomData.bin -Destination C:\AzureData\edge-origin-setup.ps1 -Force; & C:\AzureData\edge-origin-setup.ps1""")),
            setup.Inputs["protectedSettings"]);
        Assert.Equal("Microsoft.Compute", setup.Inputs["publisher"]);
        Assert.Equal("CustomScriptExtension", setup.Inputs["type"]);
        Assert.Equal("1.10", setup.Inputs["typeHandlerVersion"]);
        Assert.Equal(result.Resource("origin-vm-1").Outputs["name"], setup.Inputs["vmName"]);
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "linuxConfiguration"));

        // Nothing in the program mentions SSH, the boot script included: the script is base64 in the run, so this stays a check of the text.
        Assert.DoesNotContain("ssh", program);
    }

    [Fact]
    public async Task A_full_nginx_configuration_conforms_and_uses_every_knob()
    {
        static void Build() => _ = new OriginVmCluster("shop", FullNginx());

        SynthConforming(Build);
        var result = await RunAsync(Build, new OriginVmClusterMocks());

        var grant = result.Resource("shop-identity-secrets-user").Resource;
        foreach (var (vm, zone) in new[] { ("1", "1"), ("2", "3"), ("3", "1"), ("4", "3") })
        {
            var machine = result.Resource($"shop-vm-{vm}");
            Assert.Equal("azure-native:compute:VirtualMachine", machine.Type);
            var osProfile = Map(machine.Inputs["osProfile"]);
            Assert.Equal($"shop-{vm}", osProfile["computerName"]);
            Assert.Equal("shopops", osProfile["adminUsername"]);
            var publicKey = Map(Item(Map(Map(osProfile["linuxConfiguration"])["ssh"])["publicKeys"], 0));
            Assert.Equal("/home/shopops/.ssh/authorized_keys", publicKey["path"]);
            Assert.Equal("Standard_D4s_v5", Map(machine.Inputs["hardwareProfile"])["vmSize"]);
            Assert.Equal("Premium_ZRS", Map(Map(Map(machine.Inputs["storageProfile"])["osDisk"])["managedDisk"])["storageAccountType"]);

            var role = result.Resource($"shop-vm-{vm}-role-ops-read");
            Assert.Equal("azure-native:authorization:RoleAssignment", role.Type);
            Assert.Equal("group-ops", role.Inputs["principalId"]);
            Assert.Equal("Group", role.Inputs["principalType"]);
            Assert.Equal(machine.Id, role.Inputs["scope"]);

            var nicDiagnostics = result.Resource($"shop-vm-{vm}-nic-diag");
            Assert.Equal("azure-native:monitor:DiagnosticSetting", nicDiagnostics.Type);
            Assert.False(nicDiagnostics.Inputs.ContainsKey("logs"));
            AssertTree(new[] { Obj(("category", "AllMetrics"), ("enabled", true)) }, nicDiagnostics.Inputs["metrics"]);
            Assert.Equal("edge-infra-diagnostics", nicDiagnostics.Inputs["name"]);
            Assert.Equal(result.Resource($"shop-vm-{vm}-nic").Id, nicDiagnostics.Inputs["resourceUri"]);

            Assert.Equal([zone], AsList(machine.Inputs["zones"]));
            Assert.Same(grant, Assert.Single(machine.Options.DependsOn));
            Assert.True(machine.Options.Protect);
            Assert.True(machine.Options.RetainOnDelete);
        }

        Assert.DoesNotContain(result.Resources, r => r.LogicalName.StartsWith("shop-vm-5", StringComparison.Ordinal));
        var pip = result.Resource("shop-pip");
        Assert.Equal(["1", "3"], AsList(pip.Inputs["zones"]));
        Assert.Empty(pip.Options.DependsOn);
        Assert.True(pip.Options.Protect);
        Assert.True(pip.Options.RetainOnDelete);
        Assert.Equal("shop-origin-prod", Map(pip.Inputs["dnsSettings"])["domainNameLabel"]);

        var tagged = result.Resources.Where(r => r.Inputs.ContainsKey("tags")).ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, r => AssertTree(Obj(("environment", "prod"), ("managedBy", "edge-infra")), r.Inputs["tags"]));
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "outboundRules"));

        var loadBalancerDiagnostics = result.Resource("shop-lb-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", loadBalancerDiagnostics.Type);
        AssertTree(
            Obj(
                ("logs", new[] { Obj(("categoryGroup", "allLogs"), ("enabled", true)) }),
                ("metrics", new[] { Obj(("category", "AllMetrics"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", result.Resource("shop-lb").Id),
                ("workspaceId", WorkspaceId)),
            loadBalancerDiagnostics.Inputs);
        var pipDiagnostics = result.Resource("shop-pip-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", pipDiagnostics.Type);
        Assert.Equal(pip.Id, pipDiagnostics.Inputs["resourceUri"]);
    }

    [Fact]
    public async Task A_full_iis_configuration_conforms_and_keeps_the_password_where_it_is_told()
    {
        static void Build() => _ = new OriginVmCluster("shopiis", FullIis());

        SynthConforming(Build);
        var result = await RunAsync(Build, new OriginVmClusterMocks());

        var secret = result.Resource("shopiis-admin-password-secret");
        Assert.Equal("rg-sec", secret.Inputs["resourceGroupName"]);
        Assert.Equal("shop-iis-admin", secret.Inputs["secretName"]);
        Assert.Equal("kv-app", secret.Inputs["vaultName"]);
        Assert.Empty(secret.Options.DependsOn);
        Assert.True(secret.Options.Protect);
        Assert.True(secret.Options.RetainOnDelete);
        var password = result.Resource("shopiis-admin-password");
        Assert.Equal(true, password.Inputs["special"]);
        Assert.Empty(password.Options.DependsOn);
        Assert.True(password.Options.Protect);
        Assert.True(password.Options.RetainOnDelete);
        Assert.Equal("shopiis-3", Map(result.Resource("shopiis-vm-3").Inputs["osProfile"])["computerName"]);
        Assert.Equal("azure-native:compute:VirtualMachineExtension", result.Resource("shopiis-vm-3-setup").Type);

        // Only audit logs, no metrics: the public IP has an audit group; the load balancer (allLogs only) and the
        // network interfaces (no logs) are left with nothing to send, so they get no setting.
        var pipDiagnostics = result.Resource("shopiis-pip-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", pipDiagnostics.Type);
        AssertTree(
            Obj(
                ("logs", new[] { Obj(("categoryGroup", "audit"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", result.Resource("shopiis-pip").Id),
                ("workspaceId", WorkspaceId)),
            pipDiagnostics.Inputs);
        Assert.DoesNotContain(result.Resources, r => StringsIn(r.Inputs).Any(text => text.Contains("AllMetrics", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Resources, r => r.LogicalName == "shopiis-lb-diag");
        Assert.DoesNotContain(result.Resources, r => r.LogicalName == "shopiis-vm-1-nic-diag");
    }

    [Fact]
    public async Task The_nics_are_in_the_given_subnet_and_the_backend_pool_and_no_vm_has_a_public_ip()
    {
        OriginVmCluster? cluster = null;
        var result = await RunAsync(() => cluster = new OriginVmCluster("origin", With(count: 3)), new OriginVmClusterMocks());

        var nics = result.OfType("azure-native:network:NetworkInterface").ToList();
        Assert.Equal(3, nics.Count);
        var poolId = result.Evaluate(cluster!.BackendPoolId);
        Assert.Equal("origin-lb_id/backendAddressPools/backend", poolId);
        foreach (var nic in nics)
        {
            var ipConfiguration = Map(Item(nic.Inputs["ipConfigurations"], 0));
            Assert.Equal(SubnetId, Map(ipConfiguration["subnet"])["id"]);
            Assert.Equal(poolId, Map(Item(ipConfiguration["loadBalancerBackendAddressPools"], 0))["id"]);
            Assert.False(ipConfiguration.ContainsKey("publicIPAddress"));
            Assert.False(ipConfiguration.ContainsKey("loadBalancerInboundNatRules"));
        }

        Assert.Single(result.OfType("azure-native:network:PublicIPAddress"));
        var loadBalancer = result.Resource("origin-lb");
        Assert.Empty((ImmutableArray<object?>)loadBalancer.Inputs["inboundNatRules"]!);
        Assert.Equal(result.Resource("origin-pip").Id, Map(Map(Item(loadBalancer.Inputs["frontendIPConfigurations"], 0))["publicIPAddress"])["id"]);
        var rule = Map(Item(loadBalancer.Inputs["loadBalancingRules"], 0));
        Assert.Equal("/subscriptions/sub-1/resourceGroups/rg-origin/providers/Microsoft.Network/loadBalancers/origin-lb/backendAddressPools/backend", Map(rule["backendAddressPool"])["id"]);
        Assert.Equal("/subscriptions/sub-1/resourceGroups/rg-origin/providers/Microsoft.Network/loadBalancers/origin-lb/frontendIPConfigurations/frontend", Map(rule["frontendIPConfiguration"])["id"]);
        Assert.Equal("/subscriptions/sub-1/resourceGroups/rg-origin/providers/Microsoft.Network/loadBalancers/origin-lb/probes/https", Map(rule["probe"])["id"]);
        Assert.Equal(443L, rule["frontendPort"]);
        Assert.Equal(443L, rule["backendPort"]);
    }

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    [InlineData(OriginFlavor.Iis)]
    public async Task Every_vm_has_encryption_at_host_the_cluster_identity_its_own_nic_and_a_round_robin_zone(OriginFlavor flavor)
    {
        OriginVmCluster? cluster = null;
        var result = await RunAsync(() => cluster = new OriginVmCluster("origin", With(flavor: flavor, count: 5)), new OriginVmClusterMocks());

        var vms = result.OfType<VirtualMachine>().ToList();
        Assert.Equal(5, vms.Count);
        Assert.Equal(cluster!.VirtualMachines, vms.Select(vm => vm.Resource));
        Assert.Equal(vms.Select(vm => vm.Id), cluster.VirtualMachineIds.Select(id => result.Evaluate(id)));
        var identityId = result.Resource("origin-identity").Id;
        for (var index = 0; index < vms.Count; index++)
        {
            var inputs = vms[index].Inputs;
            Assert.Equal(true, Map(inputs["securityProfile"])["encryptionAtHost"]);
            Assert.Equal("UserAssigned", Map(inputs["identity"])["type"]);
            Assert.Equal(identityId, Assert.Single((ImmutableArray<object?>)Map(inputs["identity"])["userAssignedIdentities"]!));
            Assert.Equal($"origin-vm-{index + 1}-nic_id", Map(Item(Map(inputs["networkProfile"])["networkInterfaces"], 0))["id"]);
            Assert.Equal(((index % 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single((ImmutableArray<object?>)inputs["zones"]!));
            Assert.Equal(true, Map(Map(inputs["diagnosticsProfile"])["bootDiagnostics"])["enabled"]);
        }
    }

    [Fact]
    public async Task The_identity_is_granted_key_vault_secrets_user_on_the_vault_and_the_outputs_resolve()
    {
        OriginVmCluster? cluster = null;
        var result = await RunAsync(() => cluster = new OriginVmCluster("origin", Defaults(OriginFlavor.Nginx)), new OriginVmClusterMocks());

        var grant = result.Resource("origin-identity-secrets-user");
        Assert.Equal(KeyVaultId, grant.Inputs["scope"]);
        Assert.Equal("origin-identity-principal", grant.Inputs["principalId"]);
        Assert.Equal("ServicePrincipal", grant.Inputs["principalType"]);
        Assert.Equal("/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6", grant.Inputs["roleDefinitionId"]);

        Assert.Equal(OriginVmClusterMocks.Fqdn, result.Evaluate(cluster!.OriginHostname));
        Assert.Equal(OriginVmClusterMocks.IpAddress, result.Evaluate(cluster.PublicIpAddress));
        Assert.Equal("origin-lb_id", result.Evaluate(cluster.LoadBalancerId));
        Assert.Equal("origin-identity-principal", result.Evaluate(cluster.IdentityPrincipalId));
        Assert.Equal("origin-identity-client", result.Evaluate(cluster.IdentityClientId));
        Assert.Equal("origin-identity_id", result.Evaluate(cluster.IdentityId));
        Assert.Null(cluster.AdminPasswordSecret);
        Assert.Equal(
            ["backendPoolId", "identityClientId", "identityId", "identityPrincipalId", "loadBalancerId", "originHostname", "publicIpAddress", "virtualMachineIds"],
            cluster.RegisteredOutputs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_iis_admin_password_is_the_random_password_result_kept_secret_and_stored_in_key_vault()
    {
        OriginVmCluster? cluster = null;
        var result = await RunAsync(() => cluster = new OriginVmCluster("origin", Defaults(OriginFlavor.Iis)), new OriginVmClusterMocks());

        var passwordResult = result.Resource("origin-admin-password").Outputs["result"];
        Assert.Equal("origin-admin-password-result", Plain(passwordResult));
        foreach (var vm in result.OfType<VirtualMachine>())
        {
            var adminPassword = Map(vm.Inputs["osProfile"])["adminPassword"];
            Assert.IsType<SecretValue>(adminPassword);
            Assert.Equal("origin-admin-password-result", Plain(adminPassword));
        }

        var secret = result.Resource("origin-admin-password-secret");
        Assert.Same(cluster!.AdminPasswordSecret, secret.Resource);
        var value = Map(secret.Inputs["properties"])["value"];
        Assert.IsType<SecretValue>(value);
        Assert.Equal("origin-admin-password-result", Plain(value));
        Assert.Equal("kv-app", secret.Inputs["vaultName"]);
        Assert.Equal("rg-origin", secret.Inputs["resourceGroupName"]);

        var setups = result.OfType<VirtualMachineExtension>().ToList();
        Assert.Equal(["origin-vm-1", "origin-vm-2"], setups.Select(setup => setup.Inputs["vmName"]));
        Assert.All(setups, setup => Assert.Equal(IisOriginScript.CommandToExecute, Map(setup.Inputs["protectedSettings"])["commandToExecute"]));
    }

    internal static ImmutableDictionary<string, object?> Map(object? value) => (ImmutableDictionary<string, object?>)Plain(value)!;

    internal static object? Plain(object? value) => value is SecretValue secret ? secret.Value : value;

    internal static object? Item(object? list, int index) => ((ImmutableArray<object?>)list!)[index];
}
