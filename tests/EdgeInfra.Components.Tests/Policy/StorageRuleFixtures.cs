using EdgeInfra.Akamai;
using EdgeInfra.Akamai.Inputs;
using EdgeInfra.AzureNative.Storage;
using EdgeInfra.AzureNative.Storage.Inputs;
using static EdgeInfra.Components.Tests.Policy.DataRuleFixtureResources;
using StorageSku = EdgeInfra.AzureNative.Storage.Inputs.SkuArgs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>Fixtures of <c>StorageRules</c>: an account that passes every rule, and one deviation per failing fixture.</summary>
internal static class StorageRuleFixtures
{
    public static IEnumerable<RuleFixture> All =>
    [
        new("EI-STG-001", "an account that accepts HTTPS only", true, () => Account(Secure())),
        new("EI-STG-001", "an account that leaves HTTPS only to Azure's default", true, () => Account(Secure(a => a.EnableHttpsTrafficOnly = null))),
        new("EI-STG-001", "an account that accepts HTTP", false, () => Account(Secure(a => a.EnableHttpsTrafficOnly = false))),

        new("EI-STG-002", "an account that requires TLS 1.2", true, () => Account(Secure())),
        new("EI-STG-002", "an account that accepts TLS 1.0", false, () => Account(Secure(a => a.MinimumTlsVersion = MinimumTlsVersion.TLS1_0))),
        new("EI-STG-002", "an account that leaves the minimum TLS version unset", false, () => Account(Secure(a => a.MinimumTlsVersion = null))),

        new("EI-STG-003", "an account and container without public access", true, () => Container(Account(Secure()), PublicAccess.None)),
        new("EI-STG-003", "an account that allows blob public access", false, () => Account(Secure(a => a.AllowBlobPublicAccess = true))),
        new("EI-STG-003", "an account that leaves blob public access unset", false, () => Account(Secure(a => a.AllowBlobPublicAccess = null))),
        new("EI-STG-003", "a container open to anonymous readers", false, () => Container(Account(Secure()), PublicAccess.Blob)),

        new("EI-STG-004", "an account that refuses shared keys", true, () => Account(Secure())),
        new("EI-STG-004", "an account that leaves shared key access unset", false, () => Account(Secure(a => a.AllowSharedKeyAccess = null))),
        new("EI-STG-004", "an account that allows shared keys", false, () => Account(Secure(a => a.AllowSharedKeyAccess = true))),

        new("EI-STG-005", "an account with infrastructure encryption", true, () => Account(Secure())),
        new("EI-STG-005", "an account without infrastructure encryption", false, () => Account(Secure(a => a.Encryption = new EncryptionArgs { KeySource = KeySource.Microsoft_Storage }))),

        new("EI-STG-006", "an account whose firewall denies by default", true, () => Account(Secure())),
        new("EI-STG-006", "an account with public network access disabled", true, () => Account(Secure(a => { a.PublicNetworkAccess = "Disabled"; a.NetworkRuleSet = null; }))),
        new("EI-STG-006", "an account without network rules", false, () => Account(Secure(a => a.NetworkRuleSet = null))),
        new("EI-STG-006", "an account whose firewall allows by default", false, () => Account(Secure(a => a.NetworkRuleSet = new NetworkRuleSetArgs { DefaultAction = DefaultAction.Allow }))),

        new("EI-STG-007", "an account that refuses cross-tenant replication", true, () => Account(Secure())),
        new("EI-STG-007", "an account that leaves cross-tenant replication unset", false, () => Account(Secure(a => a.AllowCrossTenantReplication = null))),
        new("EI-STG-007", "an account that allows cross-tenant replication", false, () => Account(Secure(a => a.AllowCrossTenantReplication = true))),

        new("EI-STG-008", "a log container under a time-based retention policy", true, () => LogContainer(retentionDays: 365)),
        new("EI-STG-008", "a container no stream writes to, without retention", true, () => Container(Account(Secure()), PublicAccess.None)),
        new("EI-STG-008", "a log container without a retention policy", false, () => LogContainer(retentionDays: null)),
    ];

    /// <summary>Account arguments that pass every storage rule, with <paramref name="change"/> applied.</summary>
    private static StorageAccountArgs Secure(Action<StorageAccountArgs>? change = null)
    {
        var account = new StorageAccountArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = Location,
            AccountName = "stfixture",
            Kind = Kind.StorageV2,
            Sku = new StorageSku { Name = SkuName.Standard_GRS },
            EnableHttpsTrafficOnly = true,
            MinimumTlsVersion = MinimumTlsVersion.TLS1_2,
            AllowBlobPublicAccess = false,
            AllowSharedKeyAccess = false,
            AllowCrossTenantReplication = false,
            Encryption = new EncryptionArgs { KeySource = KeySource.Microsoft_Storage, RequireInfrastructureEncryption = true },
            NetworkRuleSet = new NetworkRuleSetArgs { DefaultAction = DefaultAction.Deny, Bypass = Bypass.AzureServices },
        };
        change?.Invoke(account);
        return account;
    }

    private static StorageAccount Account(StorageAccountArgs args) => new("storage", args);

    private static BlobContainer Container(StorageAccount account, PublicAccess access) =>
        new("container", new BlobContainerArgs
        {
            AccountName = account.Name,
            ResourceGroupName = ResourceGroupName,
            ContainerName = "edge-logs",
            PublicAccess = access,
        });

    /// <summary>A container that a DataStream stream delivers to, under a retention policy of <paramref name="retentionDays"/> when given.</summary>
    private static void LogContainer(int? retentionDays)
    {
        var account = Account(Secure());
        var container = Container(account, PublicAccess.None);
        if (retentionDays is { } days)
        {
            _ = new BlobContainerImmutabilityPolicy("container-retention", new BlobContainerImmutabilityPolicyArgs
            {
                AccountName = account.Name,
                ResourceGroupName = ResourceGroupName,
                ContainerName = container.Name,
                ImmutabilityPolicyName = "default",
                ImmutabilityPeriodSinceCreationInDays = days,
            });
        }

        _ = new Datastream("stream", new DatastreamArgs
        {
            StreamName = "fixture-stream",
            Active = false,
            ContractId = "ctr_C-0000000",
            GroupId = "grp_123456",
            Properties = ["prp_123456"],
            DatasetFields = [1000, 1002],
            NotificationEmails = ["platform@example.com"],
            DeliveryConfiguration = new DatastreamDeliveryConfigurationArgs
            {
                Format = "JSON",
                Frequency = new DatastreamDeliveryConfigurationFrequencyArgs { IntervalInSecs = 30 },
            },
            AzureConnector = new DatastreamAzureConnectorArgs
            {
                AccountName = account.Name,
                AccessKey = Output.CreateSecret<string>("fixture-access-key"),
                ContainerName = container.Name,
                Path = "logs",
                DisplayName = "fixture-connector",
            },
        });
    }
}
