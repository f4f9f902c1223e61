using EdgeInfra.AzureNative.Authorization;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Azure.Network;
using EdgeInfra.Components.Tests.Azure.Compute;
using FsCheck;
using FsCheck.Fluent;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Common;

public sealed class ManagementLocksTests
{
    private const string Allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._()-";

    /// <summary>What Azure's naming rules for locks exclude, from the REST reference and the naming-rules page alike.</summary>
    private const string Forbidden = "<>*%&:\\?/+# \t\n\u0001\u007f{}|\"'é";

    /// <summary>
    /// Each component that locks a resource, built with a lock spec: the component's logical name, the locked child and
    /// how to build it.
    /// </summary>
    public static TheoryData<string, string, string> Components => new()
    {
        { "SecretsVault", "kv", "vault" },
        { "OriginNetwork", "net", "vnet" },
        { "OriginVmCluster", "web", "vm-1" },
        { "Observability", "obs", "workspace" },
        { "BackupProtection", "backup", "vault" },
        { "EdgeLogStream", "logs", "storage" },
    };

    [Theory]
    [InlineData("edge-infra-do-not-delete")]
    [InlineData("a")]
    [InlineData("Lock_(prod).v2")]
    [InlineData("9")]
    public void Names_of_the_allowed_characters_are_valid(string name) =>
        Assert.True(ManagementLocks.IsValidName(name));

    [Fact]
    public void A_name_of_ninety_characters_is_valid_and_ninety_one_is_not()
    {
        Assert.True(ManagementLocks.IsValidName(new string('a', 90)));
        Assert.False(ManagementLocks.IsValidName(new string('a', 91)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("ends-in-a-period.")]
    [InlineData("has space")]
    [InlineData("a<b")]
    [InlineData("a>b")]
    [InlineData("a*b")]
    [InlineData("a%b")]
    [InlineData("a&b")]
    [InlineData("a:b")]
    [InlineData("a\\b")]
    [InlineData("a?b")]
    [InlineData("a/b")]
    [InlineData("a+b")]
    [InlineData("a\u0007b")]
    public void Names_Azure_refuses_are_invalid(string? name) =>
        Assert.False(ManagementLocks.IsValidName(name));

    [Fact]
    public void Any_name_of_allowed_characters_up_to_ninety_not_ending_in_a_period_is_valid()
    {
        var names =
            from length in Gen.Choose(1, 90)
            from characters in Gen.ArrayOf(Gen.Elements(Allowed.ToCharArray()), length)
            select new string(characters);
        Prop.ForAll(names.ToArbitrary(), name => ManagementLocks.IsValidName(name) == !name.EndsWith('.')).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_name_with_a_character_outside_the_rule_is_invalid()
    {
        var names =
            from prefix in Gen.ArrayOf(Gen.Elements(Allowed.ToCharArray()), 0)
            from bad in Gen.Elements(Forbidden.ToCharArray())
            from suffix in Gen.ArrayOf(Gen.Elements(Allowed.ToCharArray()))
            select new string([.. prefix, bad, .. suffix]);
        Prop.ForAll(names.ToArbitrary(), name => !ManagementLocks.IsValidName(name)).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void A_bad_lock_name_fails_synthesis_naming_the_component_the_property_the_value_and_the_rule(string component, string name, string target)
    {
        _ = target;
        var error = Assert.Single(Errors(() => Build(component, name, new LockSpec { Kind = LockKind.CanNotDelete, Name = "prod:lock" })));
        Assert.Equal("lock.name", error.Property);
        Assert.Contains($"component '{name}' (edgeinfra:", error.Subject, StringComparison.Ordinal);
        Assert.Equal($"'prod:lock' is not a valid Azure lock name: {ManagementLocks.NameRule}", error.Message);
    }

    [Fact]
    public void Control_characters_in_a_bad_name_are_shown_escaped()
    {
        var error = Assert.Single(Errors(() => Build("SecretsVault", "kv", new LockSpec { Kind = LockKind.CanNotDelete, Name = "a\nb" })));
        Assert.StartsWith("'a\\u000ab' is not a valid Azure lock name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_spec_and_an_unknown_kind_are_refused()
    {
        Assert.Equal("lock", Assert.Single(Errors(() => Build("SecretsVault", "kv", null!))).Property);
        var error = Assert.Single(Errors(() => Build("SecretsVault", "kv", new LockSpec { Kind = (LockKind)7 })));
        Assert.Equal("lock.kind", error.Property);
        Assert.Equal("'7' is not a lock kind: None or CanNotDelete (ReadOnly is not offered: it blocks the stack's own deployments)", error.Message);
    }

    [Theory]
    [MemberData(nameof(Components))]
    public async Task A_can_not_delete_lock_is_a_lock_resource_whose_scope_is_the_locked_resources_id(string component, string name, string target)
    {
        var result = await RunAsync(() => Build(component, name, new LockSpec { Kind = LockKind.CanNotDelete, Name = "no-delete(prod)" }));
        var locked = result.Resource($"{name}-{target}");
        var lockResource = Assert.Single(result.OfType(ManagementLockByScope.TypeToken));
        Assert.Equal($"{name}-{target}{ManagementLocks.ChildSuffix}", lockResource.LogicalName);
        Assert.NotNull(locked.Id);
        Assert.Equal(locked.Id, lockResource.Inputs["scope"]);
        Assert.Equal("CanNotDelete", lockResource.Inputs["level"]);
        Assert.Equal("no-delete(prod)", lockResource.Inputs["lockName"]);
        var notes = Assert.IsType<string>(lockResource.Inputs["notes"]);
        Assert.StartsWith($"Managed by edge-infra (Pulumi): component '{name}' (edgeinfra:", notes, StringComparison.Ordinal);
        Assert.Contains($"keeps its '{target}' from deletion", notes, StringComparison.Ordinal);
        Assert.False(lockResource.Options.Protect, "the lock itself is not protected, so LockKind.None removes it");
        Assert.True(locked.Options.Protect, "the locked resource keeps protect");
    }

    [Theory]
    [MemberData(nameof(Components))]
    public async Task Without_a_lock_there_is_no_lock_resource(string component, string name, string target)
    {
        _ = target;
        var result = await RunAsync(() => Build(component, name, LockSpec.None));
        Assert.Empty(result.OfType(ManagementLockByScope.TypeToken));
    }

    [Fact]
    public async Task Every_locked_component_conforms_to_the_schema_and_states_the_lock_with_its_default_name()
    {
        foreach (var (component, name, target) in Components.Select(row => ((string)row[0], (string)row[1], (string)row[2])))
        {
            void BuildLocked() => Build(component, name, LockSpec.CanNotDelete);

            SynthConforming(BuildLocked);
            var result = await RunAsync(BuildLocked);
            var lockResource = result.Resource($"{name}-{target}-lock");
            Assert.Equal(ManagementLockByScope.TypeToken, lockResource.Type);
            Assert.Equal(LockSpec.DefaultName, lockResource.Inputs["lockName"]);
            Assert.Equal(result.Resource($"{name}-{target}").Id, lockResource.Inputs["scope"]);
        }
    }

    [Fact]
    public async Task Each_vm_of_a_cluster_gets_its_own_lock()
    {
        var result = await RunAsync(() => Build("OriginVmCluster", "web", LockSpec.CanNotDelete, count: 3));
        var scopes = result.OfType(ManagementLockByScope.TypeToken).Select(lockResource => lockResource.Inputs["scope"]).ToList();
        foreach (var n in new[] { 1, 2, 3 })
        {
            Assert.Contains(result.Resource($"web-vm-{n}").Id, scopes);
        }
    }

    [Fact]
    public async Task Notes_fit_azures_limit_even_for_the_longest_logical_names()
    {
        var result = await RunAsync(() => Build("SecretsVault", "k" + new string('v', 185), LockSpec.CanNotDelete));
        var notes = Assert.IsType<string>(Assert.Single(result.OfType(ManagementLockByScope.TypeToken)).Inputs["notes"]);
        Assert.True(notes.Length <= ManagementLocks.MaxNotesLength, notes);
    }

    private static void Build(string component, string name, LockSpec lockSpec, int count = 1)
    {
        switch (component)
        {
            case "SecretsVault":
                _ = new SecretsVault(name, new SecretsVaultArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "kv-app-prod", Lock = lockSpec });
                break;
            case "OriginNetwork":
                _ = new OriginNetwork(name, new OriginNetworkArgs
                {
                    ResourceGroupName = "rg",
                    Location = "westeurope",
                    AddressSpace = ["10.0.0.0/16"],
                    Subnets = [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24" }],
                    EdgeCidrs = ["203.0.113.0/24"],
                    Lock = lockSpec,
                });
                break;
            case "OriginVmCluster":
                _ = new OriginVmCluster(name, new OriginVmClusterArgs
                {
                    ResourceGroupName = "rg",
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
                    Lock = lockSpec,
                });
                break;
            case "Observability":
                _ = new Observability(name, new ObservabilityArgs { ResourceGroupName = "rg", Location = "westeurope", Lock = lockSpec });
                break;
            case "BackupProtection":
                _ = new BackupProtection(name, new BackupProtectionArgs { ResourceGroupName = "rg", Location = "westeurope", VaultName = "rsv-app-prod", Lock = lockSpec });
                break;
            case "EdgeLogStream":
                _ = new EdgeLogStream(name, new EdgeLogStreamArgs
                {
                    ResourceGroupName = "rg",
                    Location = "westeurope",
                    ContractId = "ctr_C-0N7RAC7",
                    GroupId = "grp_12345",
                    PropertyIds = ["prp_111"],
                    StreamName = "edge-audit",
                    NotificationEmails = ["soc@example.com"],
                    StorageAccountName = "edgelogsprod",
                    ContainerName = "edge-logs",
                    Lock = lockSpec,
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(component), component, "not a component that locks a resource");
        }
    }
}
