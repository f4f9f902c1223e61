using System.Collections.Immutable;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.RecoveryServices;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Azure.Network;
using static EdgeInfra.Components.Tests.ComponentHarness;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure;

/// <summary>
/// The Azure components composed into one origin, for every flavor, and the guarantees the library makes for
/// whole stacks: no NSG admits 22 or 3389 from the Internet; every VM has encryption at host and a protected
/// item; every Key Vault has purge protection and RBAC on; every resource that supports diagnostic settings has one.
/// </summary>
public sealed class StackWideTests
{
    private const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9yaWdpbi1hZG1pbi1rZXktZm9yLXRlc3Rz ops@example";

    private static Action Origin(OriginFlavor flavor) => () =>
    {
        var group = new ResourceGroup("rg", new ResourceGroupArgs { Location = "westeurope" });
        new Observability("obs", new ObservabilityArgs { ResourceGroupName = group.Name, Location = "westeurope" });
        var network = new OriginNetwork("net", new OriginNetworkArgs
        {
            ResourceGroupName = group.Name,
            Location = "westeurope",
            AddressSpace = ["10.10.0.0/16"],
            Subnets = [new SubnetSpec { Name = "origin", AddressPrefix = "10.10.1.0/24", ServiceEndpoints = ["Microsoft.KeyVault"] }],
            EdgeCidrs = ["23.32.0.0/11", "104.64.0.0/10"],
        });
        var vault = new SecretsVault("kv", new SecretsVaultArgs
        {
            ResourceGroupName = group.Name,
            Location = "westeurope",
            VaultName = "kv-edge-stackwide",
            AllowedSubnets = [network.Subnet("origin")],
        });
        var secret = vault.AddGeneratedSecret("origin", new GeneratedSecretSpec { ExpiresOn = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        var cluster = new OriginVmCluster("web", new OriginVmClusterArgs
        {
            ResourceGroupName = group.Name,
            Location = "westeurope",
            Flavor = flavor,
            SubnetId = network.SubnetId("origin"),
            DomainNameLabel = "edge-origin-stackwide",
            KeyVaultId = vault.VaultId,
            KeyVaultUri = vault.VaultUri,
            KeyVaultName = flavor == OriginFlavor.Iis ? (Input<string>)vault.VaultName : null,
            OriginSecretName = secret.Name,
            AdminSshPublicKey = flavor == OriginFlavor.Iis ? null : SshKey,
            TlsCertificateSecretName = Compute.OriginVmClusterFixtures.TlsSecret,
        });
        var backup = new BackupProtection("backup", new BackupProtectionArgs { ResourceGroupName = group.Name, Location = "westeurope", VaultName = "rsv-edge-stackwide" });
        for (var i = 0; i < cluster.VirtualMachines.Count; i++)
        {
            backup.Protect($"web-{i}", cluster.VirtualMachines[i].Id, cluster.VirtualMachines[i].Name, group.Name);
        }
    };

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    [InlineData(OriginFlavor.Iis)]
    public void The_whole_origin_conforms_and_exposes_no_management_port(OriginFlavor flavor)
    {
        var program = SynthConforming(Origin(flavor));
        Assert.Empty(InternetExposure.Find(program));
    }

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Iis)]
    public void Every_resource_that_supports_diagnostic_settings_has_one(OriginFlavor flavor)
    {
        var graph = StackBuilder.Build(() => new LambdaStack(Origin(flavor)), Settings());
        Assert.Empty(DiagnosticCoverage.MissingIn(graph).Select(r => r.LogicalName));
    }

    [Theory]
    [InlineData(OriginFlavor.Nginx)]
    [InlineData(OriginFlavor.Kong)]
    [InlineData(OriginFlavor.Iis)]
    public async Task Every_vm_has_encryption_at_host_and_a_protected_item_and_every_vault_purge_protection_and_rbac(OriginFlavor flavor)
    {
        var result = await RunAsync(Origin(flavor));

        var vms = result.OfType<VirtualMachine>().ToList();
        Assert.NotEmpty(vms);
        var protectedSources = result.OfType<ProtectedItem>()
            .Select(item => (ImmutableDictionary<string, object?>)item.Inputs["properties"]!)
            .Select(properties => properties["sourceResourceId"])
            .ToList();
        foreach (var vm in vms)
        {
            var security = (ImmutableDictionary<string, object?>)vm.Inputs["securityProfile"]!;
            Assert.Equal(true, security["encryptionAtHost"]);
            Assert.Contains(vm.Id, protectedSources);
        }

        var vaults = result.OfType<EdgeInfra.AzureNative.KeyVault.Vault>().ToList();
        Assert.NotEmpty(vaults);
        foreach (var vault in vaults)
        {
            var properties = (ImmutableDictionary<string, object?>)vault.Inputs["properties"]!;
            Assert.Equal(true, properties["enablePurgeProtection"]);
            Assert.Equal(true, properties["enableRbacAuthorization"]);
        }
    }
}
