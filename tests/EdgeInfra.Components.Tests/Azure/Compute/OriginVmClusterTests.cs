using System.Collections.Immutable;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Testing;
using static EdgeInfra.Components.Tests.Azure.Compute.OriginVmClusterFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Compute;

public sealed class OriginVmClusterTests
{
    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    [InlineData(OriginFlavor.Iis)]
    public void Defaults_conform_to_the_schemas_with_two_zonal_vms_behind_a_standard_load_balancer(OriginFlavor flavor)
    {
        var program = SynthConforming(() => new OriginVmCluster("origin", Defaults(flavor)));

        Assert.Contains("""
              origin-pip:
                type: "azure-native:network:PublicIPAddress"
                properties:
                  dnsSettings:
                    domainNameLabel: "origin-label"
                    domainNameLabelScope: "TenantReuse"
                  location: "westeurope"
                  publicIPAddressVersion: "IPv4"
                  publicIPAllocationMethod: "Static"
                  resourceGroupName: "rg-origin"
                  sku:
                    name: "Standard"
                    tier: "Regional"
                  tags:
                    managedBy: "edge-infra"
                  zones:
                    - "1"
                    - "2"
                    - "3"
            """, program);
        Assert.Contains("""
                  probes:
                    - intervalInSeconds: 5
                      name: "https"
                      port: 443
                      probeThreshold: 2
                      protocol: "Tcp"
            """, program);
        Assert.Contains("      inboundNatRules: []\n", program);
        Assert.Contains("      loadBalancerName: \"origin-lb\"\n", program);
        Assert.Contains("          backendPort: 443\n          disableOutboundSnat: true\n          enableFloatingIP: false\n          enableTcpReset: true\n", program);
        Assert.Contains("          name: \"outbound\"\n          protocol: \"All\"\n", program);
        Assert.Contains("""
                  securityProfile:
                    encryptionAtHost: true
                    securityType: "TrustedLaunch"
                    uefiSettings:
                      secureBootEnabled: true
                      vTpmEnabled: true
            """, program);
        Assert.Contains("""
                    osDisk:
                      caching: "ReadWrite"
                      createOption: "FromImage"
                      deleteOption: "Delete"
                      managedDisk:
                        storageAccountType: "Premium_LRS"
            """, program);
        Assert.Contains("      diagnosticsProfile:\n        bootDiagnostics:\n          enabled: true\n", program);
        Assert.Contains("        vmSize: \"Standard_D2s_v5\"\n", program);
        Assert.Contains("  origin-vm-1:\n", program);
        Assert.Contains("  origin-vm-2:\n", program);
        Assert.DoesNotContain("  origin-vm-3:\n", program);
        Assert.Contains("      zones:\n        - \"1\"\n    options:\n      dependsOn:\n        - \"${origin-identity-secrets-user}\"\n", program);
        Assert.Contains("      zones:\n        - \"2\"\n    options:\n      dependsOn:\n        - \"${origin-identity-secrets-user}\"\n", program);
        Assert.Contains("        computerName: \"origin-1\"\n", program);
        Assert.Contains("        adminUsername: \"originadmin\"\n", program);
        Assert.DoesNotContain("diagnostics:\n    type:", program);
        Assert.DoesNotContain("protect: true", program);
    }

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    public void Linux_flavors_run_ubuntu_with_an_ssh_key_only_and_no_extension(OriginFlavor flavor)
    {
        var program = SynthConforming(() => new OriginVmCluster("origin", Defaults(flavor)));

        Assert.Contains("""
                    linuxConfiguration:
                      disablePasswordAuthentication: true
                      patchSettings:
                        assessmentMode: "AutomaticByPlatform"
                        patchMode: "AutomaticByPlatform"
                      provisionVMAgent: true
                      ssh:
                        publicKeys:
                          - keyData: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9yaWdpbi1hZG1pbi1rZXktZm9yLXRlc3Rz ops@example"
                            path: "/home/originadmin/.ssh/authorized_keys"
            """, program);
        Assert.Contains("""
                    imageReference:
                      offer: "0001-com-ubuntu-server-jammy"
                      publisher: "Canonical"
                      sku: "22_04-lts-gen2"
                      version: "latest"
            """, program);
        Assert.DoesNotContain("windowsConfiguration", program);
        Assert.DoesNotContain("adminPassword", program);
        Assert.DoesNotContain("random:index/randomPassword", program);
        Assert.DoesNotContain("azure-native:compute:VirtualMachineExtension", program);
        Assert.DoesNotContain("azure-native:keyvault:Secret", program);
    }

    [Fact]
    public void Iis_runs_windows_server_2022_with_a_generated_password_kept_in_key_vault_and_a_setup_extension()
    {
        var program = SynthConforming(() => new OriginVmCluster("origin", Defaults(OriginFlavor.Iis)));

        Assert.Contains("""
              origin-admin-password:
                type: "random:index/randomPassword:RandomPassword"
                properties:
                  length: 32
                  minLower: 2
                  minNumeric: 2
                  minSpecial: 2
                  minUpper: 2
                  overrideSpecial: "!#%*-_=+?"
                  special: true
            """, program);
        Assert.Contains("""
              origin-admin-password-secret:
                type: "azure-native:keyvault:Secret"
                properties:
                  properties:
                    attributes:
                      enabled: true
                    contentType: "text/plain"
                    value:
                      fn::secret: "${origin-admin-password.result}"
                  resourceGroupName: "rg-origin"
                  secretName: "origin-admin-password"
            """, program);
        Assert.Contains("        adminPassword:\n          fn::secret: \"${origin-admin-password.result}\"\n", program);
        Assert.Contains("""
                    imageReference:
                      offer: "WindowsServer"
                      publisher: "MicrosoftWindowsServer"
                      sku: "2022-datacenter-g2"
                      version: "latest"
            """, program);
        Assert.Contains("""
              origin-vm-1-setup:
                type: "azure-native:compute:VirtualMachineExtension"
                properties:
                  autoUpgradeMinorVersion: true
                  location: "westeurope"
                  protectedSettings:
                    commandToExecute: "powershell.exe -NoProfile -ExecutionPolicy Bypass -Command \"Copy-Item -Path C:\\AzureData\\CustomData.bin -Destination C:\\AzureData\\edge-origin-setup.ps1 -Force; & C:\\AzureData\\edge-origin-setup.ps1\""
                  publisher: "Microsoft.Compute"
            """, program);
        Assert.Contains("      type: \"CustomScriptExtension\"\n      typeHandlerVersion: \"1.10\"\n      vmName: \"${origin-vm-1.name}\"\n", program);
        Assert.DoesNotContain("linuxConfiguration", program);
        Assert.DoesNotContain("ssh", program);
    }

    [Fact]
    public void A_full_nginx_configuration_conforms_and_uses_every_knob()
    {
        var program = SynthConforming(() => new OriginVmCluster("shop", FullNginx()));

        foreach (var (vm, zone) in new[] { ("1", "1"), ("2", "3"), ("3", "1"), ("4", "3") })
        {
            Assert.Contains($"  shop-vm-{vm}:\n    type: \"azure-native:compute:VirtualMachine\"\n", program);
            Assert.Contains($"        computerName: \"shop-{vm}\"\n", program);
            Assert.Contains($"  shop-vm-{vm}-role-ops-read:\n    type: \"azure-native:authorization:RoleAssignment\"\n    properties:\n      principalId: \"group-ops\"\n      principalType: \"Group\"\n", program);
            Assert.Contains($"      scope: \"${{shop-vm-{vm}.id}}\"\n", program);
            Assert.Contains($"  shop-vm-{vm}-nic-diag:\n    type: \"azure-native:monitor:DiagnosticSetting\"\n    properties:\n      metrics:\n        - category: \"AllMetrics\"\n          enabled: true\n      name: \"edge-infra-diagnostics\"\n      resourceUri: \"${{shop-vm-{vm}-nic.id}}\"\n", program);
            Assert.Contains($"      zones:\n        - \"{zone}\"\n    options:\n      dependsOn:\n        - \"${{shop-identity-secrets-user}}\"\n      protect: true\n      retainOnDelete: true\n", program);
        }

        Assert.DoesNotContain("shop-vm-5", program);
        Assert.Contains("      zones:\n        - \"1\"\n        - \"3\"\n    options:\n      protect: true\n      retainOnDelete: true\n", program);
        Assert.Contains("        vmSize: \"Standard_D4s_v5\"\n", program);
        Assert.Contains("            storageAccountType: \"Premium_ZRS\"\n", program);
        Assert.Contains("        adminUsername: \"shopops\"\n", program);
        Assert.Contains("                path: \"/home/shopops/.ssh/authorized_keys\"\n", program);
        Assert.Contains("        domainNameLabel: \"shop-origin-prod\"\n", program);
        Assert.Contains("        environment: \"prod\"\n        managedBy: \"edge-infra\"\n", program);
        Assert.DoesNotContain("outboundRules", program);
        Assert.Contains("""
              shop-lb-diag:
                type: "azure-native:monitor:DiagnosticSetting"
                properties:
                  logs:
                    - categoryGroup: "allLogs"
                      enabled: true
                  metrics:
                    - category: "AllMetrics"
                      enabled: true
                  name: "edge-infra-diagnostics"
                  resourceUri: "${shop-lb.id}"
                  workspaceId: "/subscriptions/s/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/logs"
            """, program);
        Assert.Contains("  shop-pip-diag:\n    type: \"azure-native:monitor:DiagnosticSetting\"\n", program);
        Assert.Contains("      resourceUri: \"${shop-pip.id}\"\n", program);
    }

    [Fact]
    public void A_full_iis_configuration_conforms_and_keeps_the_password_where_it_is_told()
    {
        var program = SynthConforming(() => new OriginVmCluster("shopiis", FullIis()));

        Assert.Contains("      resourceGroupName: \"rg-sec\"\n      secretName: \"shop-iis-admin\"\n", program);
        Assert.Contains("      vaultName: \"kv-app\"\n    options:\n      protect: true\n      retainOnDelete: true\n", program);
        Assert.Contains("      special: true\n    options:\n      protect: true\n      retainOnDelete: true\n", program);
        Assert.Contains("        computerName: \"shopiis-3\"\n", program);
        Assert.Contains("  shopiis-vm-3-setup:\n", program);
        // Only audit logs, no metrics: the public IP has an audit group; the load balancer (allLogs only) and the
        // network interfaces (no logs) are left with nothing to send, so they get no setting.
        Assert.Contains("""
              shopiis-pip-diag:
                type: "azure-native:monitor:DiagnosticSetting"
                properties:
                  logs:
                    - categoryGroup: "audit"
                      enabled: true
                  name: "edge-infra-diagnostics"
                  resourceUri: "${shopiis-pip.id}"
            """, program);
        Assert.DoesNotContain("AllMetrics", program);
        Assert.DoesNotContain("shopiis-lb-diag", program);
        Assert.DoesNotContain("shopiis-vm-1-nic-diag", program);
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
