using System.Collections.Immutable;
using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Components.Tests.Azure.Compute;
using EdgeInfra.Components.Tests.Azure.Monitoring;
using EdgeInfra.Components.Tests.Azure.Network;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Common;

public sealed class ManagedIdentitiesTests
{
    private const string AppIdentityId = "/subscriptions/s/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-app";
    private const string OpsIdentityId = "/subscriptions/s/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ops";

    private static readonly ManagedIdentitiesSpec SystemAndUserAssigned = new()
    {
        SystemAssigned = true,
        UserAssignedResourceIds = [AppIdentityId, OpsIdentityId],
    };

    [Theory]
    [InlineData(false, false, "None")]
    [InlineData(true, false, "SystemAssigned")]
    [InlineData(false, true, "UserAssigned")]
    [InlineData(true, true, "SystemAssigned, UserAssigned")]
    public void The_identity_type_is_spelled_as_the_schemas_spell_it(bool systemAssigned, bool userAssigned, string expected) =>
        Assert.Equal(expected, ManagedIdentityBlock.TypeOf(systemAssigned, userAssigned));

    [Fact]
    public void No_spec_and_an_empty_spec_ask_for_no_identity()
    {
        Assert.Equal("None", ManagedIdentityBlock.TypeOf(null));
        Assert.Equal("None", ManagedIdentityBlock.TypeOf(new ManagedIdentitiesSpec()));
        Assert.Null(ManagedIdentityBlock.UserAssignedIdentities([]));
    }

    [Fact]
    public void Backup_vault_states_no_identity_by_default()
    {
        var program = SynthConforming(() => new BackupProtection("backup", Backup()));
        Assert.DoesNotContain("identity:", Section(program, "backup-vault"), StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_vault_takes_system_and_user_assigned_identities()
    {
        var program = SynthConforming(() => new BackupProtection("backup", Backup(SystemAndUserAssigned)));
        Assert.Contains(IdentityBlock("SystemAssigned, UserAssigned", AppIdentityId, OpsIdentityId), Section(program, "backup-vault"), StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_vault_takes_a_system_assigned_identity_alone()
    {
        var program = SynthConforming(() => new BackupProtection("backup", Backup(new ManagedIdentitiesSpec { SystemAssigned = true })));
        Assert.Contains(IdentityBlock("SystemAssigned"), Section(program, "backup-vault"), StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_vault_states_nothing_for_an_empty_spec()
    {
        var program = SynthConforming(() => new BackupProtection("backup", Backup(new ManagedIdentitiesSpec())));
        Assert.DoesNotContain("identity:", Section(program, "backup-vault"), StringComparison.Ordinal);
    }

    [Fact]
    public void Workspace_states_no_identity_by_default()
    {
        var program = SynthConforming(() => new Observability("obs", Workspace()));
        Assert.DoesNotContain("identity:", Section(program, "obs-workspace"), StringComparison.Ordinal);
    }

    [Fact]
    public void Workspace_takes_a_system_assigned_identity()
    {
        var program = SynthConforming(() => new Observability("obs", Workspace(new ManagedIdentitiesSpec { SystemAssigned = true })));
        Assert.Contains(IdentityBlock("SystemAssigned"), Section(program, "obs-workspace"), StringComparison.Ordinal);
    }

    [Fact]
    public void Workspace_takes_user_assigned_identities()
    {
        var program = SynthConforming(() => new Observability("obs", Workspace(new ManagedIdentitiesSpec { UserAssignedResourceIds = [AppIdentityId, OpsIdentityId] })));
        Assert.Contains(IdentityBlock("UserAssigned", AppIdentityId, OpsIdentityId), Section(program, "obs-workspace"), StringComparison.Ordinal);
    }

    [Fact]
    public void Workspace_rejects_system_and_user_assigned_identities_together()
    {
        var error = Assert.Single(Errors(() => new Observability("obs", Workspace(SystemAndUserAssigned))));
        Assert.Equal(
            ("component 'obs' (edgeinfra:azure:Observability)", "managedIdentities", "asks for a system-assigned identity and 2 user-assigned: a Log Analytics workspace takes either a system-assigned identity or user-assigned ones, not both"),
            (error.Subject, error.Property, error.Message));
    }

    [Fact]
    public void Cluster_vms_have_only_the_cluster_identity_by_default()
    {
        var program = SynthConforming(() => new OriginVmCluster("origin", Cluster()));
        Assert.Contains(IdentityBlock("UserAssigned", "${origin-identity.id}"), Section(program, "origin-vm-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_vms_add_a_system_assigned_identity_and_more_user_assigned_ones()
    {
        var program = SynthConforming(() => new OriginVmCluster("origin", Cluster(SystemAndUserAssigned)));
        Assert.Contains(IdentityBlock("SystemAssigned, UserAssigned", "${origin-identity.id}", AppIdentityId, OpsIdentityId), Section(program, "origin-vm-1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_vms_resolve_the_cluster_identity_first_then_the_given_ones()
    {
        var result = await RunAsync(() => new OriginVmCluster("origin", Cluster(SystemAndUserAssigned, count: 2)), new OriginVmClusterMocks());

        var identityId = result.Resource("origin-identity").Id;
        var vms = result.OfType<VirtualMachine>().ToList();
        Assert.Equal(2, vms.Count);
        Assert.All(vms, vm =>
        {
            var identity = (ImmutableDictionary<string, object?>)vm.Inputs["identity"]!;
            Assert.Equal("SystemAssigned, UserAssigned", identity["type"]);
            Assert.Equal(new object?[] { identityId, AppIdentityId, OpsIdentityId }, (ImmutableArray<object?>)identity["userAssignedIdentities"]!);
        });
    }

    [Fact]
    public void Components_that_take_identities_reject_a_null_user_assigned_resource_id()
    {
        var spec = new ManagedIdentitiesSpec { UserAssignedResourceIds = [AppIdentityId, null!] };
        const string Property = "managedIdentities.userAssignedResourceIds[1]";
        const string Message = "is null: give a user-assigned identity's resource id";

        Assert.Equal([(Property, Message)], Errors(() => new BackupProtection("backup", Backup(spec))).Select(e => (e.Property!, e.Message)));
        Assert.Equal([(Property, Message)], Errors(() => new Observability("obs", Workspace(spec))).Select(e => (e.Property!, e.Message)));
        Assert.Equal([(Property, Message)], Errors(() => new OriginVmCluster("origin", Cluster(spec))).Select(e => (e.Property!, e.Message)));
    }

    [Fact]
    public void Origin_network_rejects_managed_identities()
    {
        var error = Assert.Single(Errors(() => new OriginNetwork("origin", Network(new ManagedIdentitiesSpec { SystemAssigned = true }))));
        Assert.Equal(
            (OriginNetworkFixtures.Subject, "managedIdentities", "OriginNetwork's resources take no managed identity"),
            (error.Subject, error.Property, error.Message));
        Assert.Equal("component 'origin' (edgeinfra:azure:OriginNetwork), property 'managedIdentities': OriginNetwork's resources take no managed identity", error.ToString());
    }

    [Fact]
    public void Origin_network_rejects_even_an_empty_spec_along_with_its_other_errors()
    {
        var errors = Errors(() => new OriginNetwork("origin", Network(new ManagedIdentitiesSpec(), healthProbePort: 0)));
        Assert.Equal(
            [
                ("healthProbePort", "0 is not a port: it must be from 1 to 65535"),
                ("managedIdentities", "OriginNetwork's resources take no managed identity"),
            ],
            errors.Select(e => (e.Property!, e.Message)));
    }

    [Fact]
    public void Secrets_vault_rejects_managed_identities()
    {
        var error = Assert.Single(Errors(() => new SecretsVault("kv", Vault(SystemAndUserAssigned))));
        Assert.Equal(
            ("component 'kv' (edgeinfra:azure:SecretsVault)", "managedIdentities", "SecretsVault's resources take no managed identity"),
            (error.Subject, error.Property, error.Message));
    }

    [Fact]
    public void Origin_network_and_secrets_vault_accept_no_spec()
    {
        SynthConforming(() => new OriginNetwork("origin", Network(null)));
        SynthConforming(() => new SecretsVault("kv", Vault(null)));
    }

    /// <summary>The <c>identity</c> block as the program states it under a resource's properties.</summary>
    private static string IdentityBlock(string type, params string[] userAssignedIds)
    {
        var lines = new List<string> { "      identity:", $"        type: \"{type}\"" };
        if (userAssignedIds.Length > 0)
        {
            lines.Add("        userAssignedIdentities:");
            lines.AddRange(userAssignedIds.Select(id => $"          - \"{id}\""));
        }

        lines.Add("      location: ");
        return string.Join("\n", lines);
    }

    /// <summary>The lines of the program that state the resource <paramref name="logicalName"/>.</summary>
    private static string Section(string program, string logicalName)
    {
        var lines = program.Split('\n');
        var start = Array.IndexOf(lines, $"  {logicalName}:");
        Assert.True(start >= 0, $"no resource '{logicalName}' in\n{program}");
        var end = start + 1;
        while (end < lines.Length && (lines[end].StartsWith("    ", StringComparison.Ordinal) || lines[end].Length == 0))
        {
            end++;
        }

        return string.Join("\n", lines[start..end]);
    }

    private static BackupProtectionArgs Backup(ManagedIdentitiesSpec? identities = null) => new()
    {
        ResourceGroupName = "rg-backup",
        Location = "westeurope",
        VaultName = "rsv-app-dev",
        ManagedIdentities = identities,
    };

    private static ObservabilityArgs Workspace(ManagedIdentitiesSpec? identities = null) => new()
    {
        ResourceGroupName = MonitoringFixtures.ResourceGroup,
        Location = MonitoringFixtures.Location,
        ManagedIdentities = identities,
    };

    private static OriginVmClusterArgs Cluster(ManagedIdentitiesSpec? identities = null, int count = 1) => new()
    {
        ResourceGroupName = "rg-origin",
        Location = "westeurope",
        Flavor = OriginFlavor.Nginx,
        Count = count,
        SubnetId = OriginVmClusterFixtures.SubnetId,
        DomainNameLabel = "origin-label",
        KeyVaultId = OriginVmClusterFixtures.KeyVaultId,
        KeyVaultUri = OriginVmClusterFixtures.KeyVaultUri,
        OriginSecretName = "origin-secret",
        AdminSshPublicKey = OriginVmClusterFixtures.SshKey,
        TlsCertificateSecretName = "origin-tls",
        ManagedIdentities = identities,
    };

    private static OriginNetworkArgs Network(ManagedIdentitiesSpec? identities, int healthProbePort = 443) => new()
    {
        ResourceGroupName = "rg-origin",
        Location = "westeurope",
        AddressSpace = ["10.0.0.0/16"],
        Subnets = [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24" }],
        EdgeCidrs = OriginNetworkFixtures.EdgeCidrs,
        HealthProbePort = healthProbePort,
        ManagedIdentities = identities,
    };

    private static SecretsVaultArgs Vault(ManagedIdentitiesSpec? identities) => new()
    {
        ResourceGroupName = "rg-app",
        Location = "westeurope",
        VaultName = "kv-app-dev",
        ManagedIdentities = identities,
    };
}
