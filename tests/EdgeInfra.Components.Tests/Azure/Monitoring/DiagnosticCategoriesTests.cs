using EdgeInfra.Components.Azure.Monitoring;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

public sealed class DiagnosticCategoriesTests
{
    public static TheoryData<string> Types() => [.. DiagnosticCategories.ByAzureType.Keys];

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_row_cites_the_azure_pages_of_its_type_and_is_consistent(string azureType)
    {
        var row = DiagnosticCategories.ByAzureType[azureType];
        var slug = azureType.Replace('/', '-').Replace('.', '-').ToLowerInvariant();
        Assert.Equal(row.LogCategories.Count > 0, row.LogsReference is not null);
        Assert.Equal(row.LogCategories.Count > 0, row.HasLogs);
        if (row.LogsReference is { } logs)
        {
            Assert.Equal($"https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/{slug}-logs", logs);
            Assert.Contains(DiagnosticCategories.AllLogs, row.CategoryGroups);
        }

        if (row.MetricsReference is { } metrics)
        {
            Assert.Equal($"https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/{slug}-metrics", metrics);
        }

        Assert.Equal(row.MetricCategories.Count > 0, row.MetricsReference is not null);
        Assert.All(row.CategoryGroups, group => Assert.Contains(group, DiagnosticCategories.KnownCategoryGroups));
        Assert.Equal(row.LogCategories.Distinct().Count(), row.LogCategories.Count);
        Assert.Equal(row.MetricCategories.Distinct().Count(), row.MetricCategories.Count);
    }

    [Fact]
    public void The_table_records_what_azure_publishes_for_the_types_the_library_makes()
    {
        var table = DiagnosticCategories.ByAzureType;
        Assert.Equal(["AuditEvent", "AzurePolicyEvaluationDetails"], table["Microsoft.KeyVault/vaults"].LogCategories);
        Assert.Equal(["allLogs", "audit"], table["Microsoft.KeyVault/vaults"].CategoryGroups);
        Assert.Empty(table["Microsoft.Network/networkSecurityGroups"].MetricCategories);
        Assert.Equal(["LoadBalancerHealthEvent"], table["Microsoft.Network/loadBalancers"].LogCategories);
        Assert.Empty(table["Microsoft.Network/networkInterfaces"].LogCategories);
        Assert.Equal(["Health"], table["Microsoft.RecoveryServices/vaults"].MetricCategories);
        Assert.Contains("CoreAzureBackup", table["Microsoft.RecoveryServices/vaults"].LogCategories);
        Assert.Contains("AddonAzureBackupJobs", table["Microsoft.RecoveryServices/vaults"].LogCategories);
        Assert.True(table["Microsoft.RecoveryServices/vaults"].ResourceSpecificTables);
        Assert.Equal(["Capacity", "Transaction"], table["Microsoft.Storage/storageAccounts"].MetricCategories);
        Assert.Empty(table["Microsoft.Storage/storageAccounts"].LogCategories);
        Assert.Equal(["StorageDelete", "StorageRead", "StorageWrite"], table["Microsoft.Storage/storageAccounts/blobServices"].LogCategories);
        Assert.Equal(["Capacity", "Transaction"], table["Microsoft.Storage/storageAccounts/blobServices"].MetricCategories);
        Assert.DoesNotContain(table.Values, row => row.AzureType.StartsWith("Microsoft.Storage", StringComparison.Ordinal) && row.MetricCategories.Contains("AllMetrics"));
    }

    [Fact]
    public void Every_pulumi_type_the_pass_covers_has_a_row_and_diagnostic_support_is_read_from_it()
    {
        foreach (var (pulumiType, azureType) in DiagnosticCategories.AzureTypeByPulumiType)
        {
            var row = Assert.IsType<DiagnosticCategorySet>(DiagnosticCategories.Of(azureType));
            Assert.Equal(new DiagnosticSupport(row.HasLogs, row.HasMetrics), DiagnosticSupport.Of(pulumiType));
        }

        Assert.Equal(DiagnosticCategories.AzureTypeByPulumiType.Keys.Order(), DiagnosticSupport.ByType.Keys.Order());
        Assert.Null(DiagnosticCategories.AzureTypeOf("azure-native:compute:VirtualMachine"));
        Assert.Same(DiagnosticCategories.Of("Microsoft.KeyVault/vaults"), DiagnosticCategories.Of("microsoft.keyvault/VAULTS"));
    }
}
