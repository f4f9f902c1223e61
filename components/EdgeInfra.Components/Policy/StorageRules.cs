using EdgeInfra.Akamai;
using EdgeInfra.AzureNative.Storage;
using EdgeInfra.Policy;
using static EdgeInfra.Components.Policy.PolicyChecks;
using static EdgeInfra.Components.Policy.PolicyReferences;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// Rules on storage accounts (<c>azure-native:storage:StorageAccount</c>) and their blob containers, such as the
/// DataStream destination of the edge logs.
/// </summary>
/// <remarks>
/// Azure's defaults for an unset account property have changed with API versions and account age (minimum TLS version,
/// blob public access, cross-tenant replication), so those rules require the value to be stated. Shared key access is
/// allowed and the firewall allows all networks unless stated; HTTPS only is on, and a container is private, unless
/// stated. A deploy-time value fails a rule whose control is not on by default and passes one whose control is.
/// </remarks>
internal static class StorageRules
{
    private const string Area = "Storage";

    /// <summary>The area's rules.</summary>
    public static IEnumerable<PolicyRule> All =>
    [
        new(
            "EI-STG-001", Area, PolicySeverity.High,
            "Storage accounts accept HTTPS only",
            "Over plain HTTP, keys, SAS tokens and data cross the network in clear; Azure refuses HTTP unless enableHttpsTrafficOnly is false.",
            ["CKV_AZURE_3", "Azure.Storage.SecureTransfer"],
            Each<StorageAccount, StorageAccountArgs>((graph, account) =>
                graph.ValueOf(account.EnableHttpsTrafficOnly) is var https && https.Is(false)
                    ? "enableHttpsTrafficOnly is false: leave it unset or set it to true"
                    : null,
                "enableHttpsTrafficOnly")),
        new(
            "EI-STG-002", Area, PolicySeverity.Medium,
            "Storage accounts require TLS 1.2 or later",
            "TLS 1.0 and 1.1 have known weaknesses; minimumTlsVersion must be stated as TLS1_2 or later, because Azure's default has been TLS 1.0 for accounts made through the API.",
            ["CKV_AZURE_44", "Azure.Storage.MinTLS"],
            Each<StorageAccount, StorageAccountArgs>((graph, account) =>
                graph.ValueOf(account.MinimumTlsVersion) is var tls && !IsText(tls, "TLS1_2") && !IsText(tls, "TLS1_3")
                    ? $"minimumTlsVersion is {Show(tls)}: set it to 'TLS1_2'"
                    : null,
                "minimumTlsVersion")),
        new(
            "EI-STG-003", Area, PolicySeverity.Critical,
            "Blob data is never public",
            "An account that allows blob public access lets any container be opened to anonymous readers; allowBlobPublicAccess must be stated false and no container may set publicAccess.",
            ["CKV_AZURE_59", "CKV_AZURE_190", "Azure.Storage.BlobPublicAccess"],
            graph => PublicAccounts(graph).Concat(PublicContainers(graph))),
        new(
            "EI-STG-004", Area, PolicySeverity.Medium,
            "Storage accounts refuse shared key authorization",
            "An account key grants full access to all data and is not tied to an identity; Azure accepts it unless allowSharedKeyAccess is false, leaving Entra ID and RBAC bypassable.",
            ["CKV2_AZURE_40", "Azure.Storage.LocalAuth"],
            Each<StorageAccount, StorageAccountArgs>((graph, account) =>
                graph.ValueOf(account.AllowSharedKeyAccess) is var sharedKey && !sharedKey.Is(false)
                    ? $"allowSharedKeyAccess is {ShowOr(sharedKey, "allowed")}: set it to false and authorize with Entra ID"
                    : null,
                "allowSharedKeyAccess")),
        new(
            "EI-STG-005", Area, PolicySeverity.Low,
            "Storage accounts use infrastructure encryption",
            "Infrastructure encryption adds a second layer of AES-256 with a separate key under the service encryption; it can only be chosen when the account is created.",
            ["https://learn.microsoft.com/azure/storage/common/infrastructure-encryption-enable"],
            Each<StorageAccount, StorageAccountArgs>((graph, account) =>
                graph.ValueOf(Plain(account.Encryption)?.RequireInfrastructureEncryption) is var infrastructure && !infrastructure.Is(true)
                    ? $"encryption.requireInfrastructureEncryption is {ShowOr(infrastructure, "off")}: set it to true when the account is created"
                    : null,
                "encryption.requireInfrastructureEncryption")),
        new(
            "EI-STG-006", Area, PolicySeverity.High,
            "Storage account firewalls deny by default",
            "Without network rules any address on the Internet can reach the account's endpoints; networkRuleSet.defaultAction Deny, or publicNetworkAccess Disabled, admits only the listed networks.",
            ["CKV_AZURE_35", "Azure.Storage.Firewall"],
            Each<StorageAccount, StorageAccountArgs>((graph, account) =>
            {
                if (IsText(graph.ValueOf(account.PublicNetworkAccess), "Disabled"))
                {
                    return null;
                }

                var defaultAction = graph.ValueOf(Plain(account.NetworkRuleSet)?.DefaultAction);
                return defaultAction.IsKnown && string.Equals(defaultAction.Value.Value, "Deny", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : $"networkRuleSet.defaultAction is {(defaultAction.IsKnown ? $"'{defaultAction.Value.Value}'" : ShowOr(defaultAction, "Allow"))}: set it to 'Deny' and list the networks that may reach the account, or disable public network access";
            },
            "networkRuleSet.defaultAction")),
        new(
            "EI-STG-007", Area, PolicySeverity.Medium,
            "Storage accounts refuse cross-tenant object replication",
            "With cross-tenant replication allowed, an object replication policy can copy the account's blobs to an account in another Entra tenant; allowCrossTenantReplication must be stated false.",
            ["https://learn.microsoft.com/azure/storage/blobs/object-replication-prevent-cross-tenant-policies", "https://docs.kics.io/latest/queries/terraform-queries/azure/50e0a9e3-7360-483c-9873-ba1ea1a7faf8"],
            Each<StorageAccount, StorageAccountArgs>((graph, account) =>
                graph.ValueOf(account.AllowCrossTenantReplication) is var replication && !replication.Is(false)
                    ? $"allowCrossTenantReplication is {Show(replication)}: set it to false"
                    : null,
                "allowCrossTenantReplication")),
        new(
            "EI-STG-008", Area, PolicySeverity.High,
            "Log containers are immutable",
            "Logs delivered to a container are audit evidence only if nobody can change or delete them: a time-based retention policy (or version-level immutability) must cover every container a log stream writes to.",
            ["https://learn.microsoft.com/azure/storage/blobs/immutable-time-based-retention-policy-overview", "https://techdocs.akamai.com/datastream2/docs/stream-azure-storage"],
            MutableLogContainers),
    ];

    private static IEnumerable<PolicyViolation> PublicAccounts(StackGraph graph) =>
        from account in graph.ResourcesOf<StorageAccount>()
        let allowed = graph.ValueOf(graph.InputsOf<StorageAccountArgs>(account).AllowBlobPublicAccess)
        where !allowed.Is(false)
        select new PolicyViolation(account, $"allowBlobPublicAccess is {Show(allowed)}: set it to false", "allowBlobPublicAccess");

    private static IEnumerable<PolicyViolation> PublicContainers(StackGraph graph) =>
        from container in graph.ResourcesOf<BlobContainer>()
        let access = graph.ValueOf(graph.InputsOf<BlobContainerArgs>(container).PublicAccess)
        where access.IsKnown && !string.Equals(access.Value.Value, "None", StringComparison.OrdinalIgnoreCase)
        select new PolicyViolation(container, $"publicAccess is '{access.Value.Value}': leave it unset or set it to 'None'", "publicAccess");

    /// <summary>
    /// The containers a DataStream Azure connector delivers logs to (its <c>containerName</c> references the container, or
    /// names the same container literally) that no time-based retention policy with a period covers and that have no
    /// version-level immutability.
    /// </summary>
    private static IEnumerable<PolicyViolation> MutableLogContainers(StackGraph graph)
    {
        var logContainers = new HashSet<Resource>();
        foreach (var stream in graph.ResourcesOf<Datastream>())
        {
            if (Plain(graph.InputsOf<DatastreamArgs>(stream).AzureConnector) is { } connector)
            {
                logContainers.UnionWith(graph.ResourcesOf<BlobContainer>().Where(container => Names(graph, connector.ContainerName, container)));
            }
        }

        var retained = new HashSet<Resource>();
        foreach (var policy in graph.ResourcesOf<BlobContainerImmutabilityPolicy>())
        {
            var args = graph.InputsOf<BlobContainerImmutabilityPolicyArgs>(policy);
            if (graph.ValueOf(args.ImmutabilityPeriodSinceCreationInDays) is { IsUnset: false } days && (!days.IsKnown || days.Value >= 1))
            {
                retained.UnionWith(graph.ResourcesOf<BlobContainer>().Where(container => Names(graph, args.ContainerName, container)));
            }
        }

        foreach (var container in graph.ResourcesOf<BlobContainer>().Where(logContainers.Contains))
        {
            var versioned = graph.ValueOf(Plain(graph.InputsOf<BlobContainerArgs>(container).ImmutableStorageWithVersioning)?.Enabled).Is(true);
            if (!retained.Contains(container) && !versioned)
            {
                yield return new PolicyViolation(
                    container,
                    "a DataStream stream delivers logs here, and no BlobContainerImmutabilityPolicy with immutabilityPeriodSinceCreationInDays covers the container: add a time-based retention policy for as long as the logs are evidence");
            }
        }
    }

    /// <summary>Whether the container name <paramref name="name"/> designates <paramref name="container"/>: by reference, or by the same literal name.</summary>
    private static bool Names(StackGraph graph, Input<string> name, BlobContainer container)
    {
        if (References(name, container))
        {
            return true;
        }

        var literal = graph.ValueOf(name);
        var containerName = graph.ValueOf(graph.InputsOf<BlobContainerArgs>(container).ContainerName);
        return literal.IsKnown && containerName.IsKnown && string.Equals(literal.Value, containerName.Value, StringComparison.Ordinal);
    }
}
