namespace EdgeInfra.Components.Azure;

/// <summary>An Azure built-in role: its display name and its role definition id (the same GUID in every tenant).</summary>
/// <param name="DisplayName">The role's display name, e.g. <c>Key Vault Secrets User</c>.</param>
/// <param name="Id">The role definition GUID.</param>
public sealed record BuiltInRole(string DisplayName, string Id)
{
    /// <summary>Read secret contents (Key Vault with RBAC).</summary>
    public static BuiltInRole KeyVaultSecretsUser { get; } = new("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6");

    /// <summary>Manage secrets (Key Vault with RBAC).</summary>
    public static BuiltInRole KeyVaultSecretsOfficer { get; } = new("Key Vault Secrets Officer", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7");

    /// <summary>All data-plane operations on a Key Vault.</summary>
    public static BuiltInRole KeyVaultAdministrator { get; } = new("Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483");

    /// <summary>Manage backups, but not delete vaults or grant access.</summary>
    public static BuiltInRole BackupContributor { get; } = new("Backup Contributor", "5e467623-bb1f-42f4-a55d-6e525e11384b");

    /// <summary>Publish metrics to Azure Monitor.</summary>
    public static BuiltInRole MonitoringMetricsPublisher { get; } = new("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb");

    /// <summary>Read monitoring data.</summary>
    public static BuiltInRole MonitoringReader { get; } = new("Monitoring Reader", "43d0d8ad-25c7-4714-9337-8ba259a9fe05");

    /// <summary>Read everything, change nothing.</summary>
    public static BuiltInRole Reader { get; } = new("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7");

    /// <summary>Write blobs (for log destinations).</summary>
    public static BuiltInRole StorageBlobDataContributor { get; } = new("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe");

    /// <summary>Every role this library maps, by display name.</summary>
    public static IReadOnlyDictionary<string, BuiltInRole> ByDisplayName { get; } = new[]
    {
        KeyVaultSecretsUser, KeyVaultSecretsOfficer, KeyVaultAdministrator, BackupContributor,
        MonitoringMetricsPublisher, MonitoringReader, Reader, StorageBlobDataContributor,
    }.ToDictionary(r => r.DisplayName, StringComparer.Ordinal);

    /// <summary>The role with <paramref name="displayName"/>.</summary>
    /// <exception cref="ArgumentException">The library does not map that role; the message lists those it does.</exception>
    public static BuiltInRole Named(string displayName) =>
        ByDisplayName.TryGetValue(displayName, out var role)
            ? role
            : throw new ArgumentException($"'{displayName}' is not a built-in role this library maps: {string.Join(", ", ByDisplayName.Keys.Order(StringComparer.Ordinal))}.", nameof(displayName));
}
