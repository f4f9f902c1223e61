using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Monitoring;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

public sealed class DiagnosticSettingsTests
{
    private const string Workspace = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs";
    private const string TargetId = "/subscriptions/sub-1/resourceGroups/rg/providers/Some.Provider/things/target";

    private static readonly DiagnosticSettingsSpec Everything = new() { WorkspaceId = Workspace, LogCategoryGroups = ["allLogs", "audit"], Metrics = true };

    public static TheoryData<string> Types() => [.. DiagnosticCategories.ByAzureType.Keys];

    private static string SynthOne(string azureType, DiagnosticSettingsSpec spec) =>
        SynthConforming(() => DiagnosticSettings.Create(new Holder("holder"), "target", TargetId, azureType, spec));

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_type_gets_only_its_documented_groups_and_metric_categories(string azureType)
    {
        var row = DiagnosticCategories.ByAzureType[azureType];
        var program = SynthOne(azureType, Everything);
        var setting = Assert.Single(ProgramDiagnosticSetting.In(program), s => s.Name == "holder-target-diag");

        Assert.Equal(row.CategoryGroups, setting.CategoryGroups);
        Assert.Empty(setting.LogCategories);
        Assert.Equal(row.MetricCategories, setting.MetricCategories);
        var result = await RunAsync(() => DiagnosticSettings.Create(new Holder("holder"), "target", TargetId, azureType, Everything));
        var inputs = result.Resource("holder-target-diag").Inputs;
        Assert.Equal("edge-infra-diagnostics", inputs["name"]);
        Assert.Equal(row.ResourceSpecificTables && row.HasLogs, result.Resources.Any(r => Equals(r.Inputs.GetValueOrDefault("logAnalyticsDestinationType"), "Dedicated")));
    }

    [Fact]
    public void A_storage_account_sends_its_metrics_on_the_account_and_its_logs_on_its_blob_service_never_all_metrics()
    {
        var program = SynthConforming(() =>
        {
            var holder = new Holder("holder");
            var account = new EdgeInfra.AzureNative.Storage.StorageAccount("account", new EdgeInfra.AzureNative.Storage.StorageAccountArgs
            {
                ResourceGroupName = "rg",
                Kind = "StorageV2",
                Sku = new EdgeInfra.AzureNative.Storage.Inputs.SkuArgs { Name = "Standard_ZRS" },
            });
            Assert.Equal(2, DiagnosticSettings.Create(holder, "account", account.Id, DiagnosticCategories.StorageAccounts, Everything).Count);
        });

        var settings = ProgramDiagnosticSetting.In(program);
        Assert.Equal(["holder-account-blob-diag", "holder-account-diag"], settings.Select(s => s.Name).Order());
        var onAccount = settings.Single(s => s.Name == "holder-account-diag");
        Assert.Equal(("account", ""), (onAccount.TargetName, onAccount.TargetPath));
        Assert.Empty(onAccount.CategoryGroups);
        Assert.Equal(["Capacity", "Transaction"], onAccount.MetricCategories);
        var onBlobs = settings.Single(s => s.Name == "holder-account-blob-diag");
        Assert.Equal(("account", "/blobServices/default"), (onBlobs.TargetName, onBlobs.TargetPath));
        Assert.Equal(["allLogs"], onBlobs.CategoryGroups);
        Assert.Equal(["Capacity", "Transaction"], onBlobs.MetricCategories);
        Assert.DoesNotContain("AllMetrics", program);
    }

    [Fact]
    public void A_type_missing_from_the_table_fails_naming_the_component_the_resource_and_the_type()
    {
        var error = Assert.Single(Errors(() => DiagnosticSettings.Create(new Holder("holder"), "web-vm", TargetId, "Microsoft.Compute/virtualMachines", Everything)));
        Assert.Equal("component 'holder' (test:index:Holder)", error.Subject);
        Assert.Equal("diagnosticSettings", error.Property);
        Assert.Contains("resource 'web-vm'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Compute/virtualMachines'", error.Message, StringComparison.Ordinal);
        Assert.Contains("DiagnosticCategories does not list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_azure_does_not_define_fails_naming_the_property_and_the_value()
    {
        var error = Assert.Single(Errors(() => DiagnosticSettings.Create(new Holder("holder"), "kv", TargetId, DiagnosticCategories.KeyVaults, Everything with { LogCategoryGroups = ["allLogs", "everything"] })));
        Assert.Equal("diagnosticSettings.logCategoryGroups[1]", error.Property);
        Assert.Equal("'everything' is not a log category group: use allLogs or audit", error.Message);
    }

    [Fact]
    public void A_group_the_type_lacks_is_dropped_and_a_setting_left_with_nothing_is_not_made()
    {
        var auditOnly = Everything with { LogCategoryGroups = ["audit"], Metrics = false };
        var program = SynthConforming(() =>
        {
            var holder = new Holder("holder");
            Assert.Single(DiagnosticSettings.Create(holder, "pip", TargetId, DiagnosticCategories.PublicIpAddresses, auditOnly));
            Assert.Empty(DiagnosticSettings.Create(holder, "lb", TargetId, DiagnosticCategories.LoadBalancers, auditOnly));
            Assert.Empty(DiagnosticSettings.Create(holder, "nic", TargetId, DiagnosticCategories.NetworkInterfaces, auditOnly));
            Assert.Single(DiagnosticSettings.Create(holder, "nsg", TargetId, DiagnosticCategories.NetworkSecurityGroups, Everything));
        });

        var settings = ProgramDiagnosticSetting.In(program);
        Assert.Equal(["holder-nsg-diag", "holder-pip-diag"], settings.Select(s => s.Name).Order());
        Assert.Equal(["audit"], settings.Single(s => s.Name == "holder-pip-diag").CategoryGroups);
        var nsg = settings.Single(s => s.Name == "holder-nsg-diag");
        Assert.Equal(["allLogs"], nsg.CategoryGroups);
        Assert.Empty(nsg.MetricCategories);
    }

    [Fact]
    public void Components_that_must_send_logs_reject_a_spec_that_keeps_none_of_the_types_groups()
    {
        var errors = new ComponentErrors("test:index:Holder", "holder");
        DiagnosticSettings.CheckKeepsLogs(Everything with { LogCategoryGroups = ["audit"] }, DiagnosticCategories.BlobServices, "the log account must log who reads and writes it", errors);
        var error = Assert.Single(Assert.Throws<SynthesisException>(errors.ThrowIfAny).Errors);
        Assert.Equal("['audit'] keeps no log category group of Microsoft.Storage/storageAccounts/blobServices, which has 'allLogs': the log account must log who reads and writes it", error.Message);
    }

    private sealed class Holder(string name) : ComponentResource("test:index:Holder", name);
}
