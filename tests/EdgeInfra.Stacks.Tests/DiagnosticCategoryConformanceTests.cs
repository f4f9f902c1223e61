using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Tests.Azure.Monitoring;

namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// Every diagnostic setting of the repository's stacks against Azure's published categories (<see cref="DiagnosticCategories"/>)
/// for the type of the resource its <c>resourceUri</c> points to: a category Azure does not have makes it reject the setting.
/// </summary>
public sealed class DiagnosticCategoryConformanceTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_diagnostic_setting_uses_only_categories_azure_has_for_its_target(string stack)
    {
        var settings = ProgramDiagnosticSetting.In(StackProgram.Synth(stack));
        Assert.NotEmpty(settings);
        foreach (var setting in settings)
        {
            var azureType = AzureTypeOf(setting);
            var row = DiagnosticCategories.Of(azureType);
            Assert.True(row is not null, $"{setting.Name}: its target {setting.TargetName} is of type {azureType}, which DiagnosticCategories does not list");
            Assert.True(setting.CategoryGroups.Count + setting.LogCategories.Count + setting.MetricCategories.Count > 0, $"{setting.Name} sends nothing");
            Assert.All(setting.CategoryGroups, group => Assert.True(row.CategoryGroups.Contains(group), $"{setting.Name}: {azureType} has no category group '{group}'"));
            Assert.All(setting.LogCategories, category => Assert.True(row.LogCategories.Contains(category), $"{setting.Name}: {azureType} has no log category '{category}'"));
            Assert.All(setting.MetricCategories, category => Assert.True(row.MetricCategories.Contains(category), $"{setting.Name}: {azureType} has no metric category '{category}'"));
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_edge_log_account_sends_metrics_on_the_account_and_logs_on_its_blob_service(string stack)
    {
        var settings = ProgramDiagnosticSetting.In(StackProgram.Synth(stack)).Where(s => s.TargetName == "app-edge-logs-storage").ToList();
        Assert.Equal(["", "/blobServices/default"], settings.Select(s => s.TargetPath).Order());
        Assert.All(settings, s => Assert.DoesNotContain("AllMetrics", s.MetricCategories));
        Assert.Empty(settings.Single(s => s.TargetPath.Length == 0).CategoryGroups);
        Assert.Equal(["allLogs"], settings.Single(s => s.TargetPath.Length > 0).CategoryGroups);
    }

    private static string AzureTypeOf(ProgramDiagnosticSetting setting)
    {
        Assert.True(setting.TargetType.Length > 0, $"{setting.Name}: resourceUri '{setting.TargetName}' is not a resource's id");
        var azureType = DiagnosticCategories.AzureTypeOf(setting.TargetType);
        Assert.True(azureType is not null, $"{setting.Name}: its target {setting.TargetName} ({setting.TargetType}) is not in DiagnosticCategories");
        return setting.TargetPath switch
        {
            "" => azureType,
            DiagnosticSettings.BlobServicePath when azureType == DiagnosticCategories.StorageAccounts => DiagnosticCategories.BlobServices,
            _ => throw new Xunit.Sdk.XunitException($"{setting.Name}: unknown sub-resource '{setting.TargetPath}' of {azureType}"),
        };
    }
}
