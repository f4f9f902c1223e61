using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.AzureNative.Monitor.Inputs;

namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// Builds every diagnostic setting of the library, from <see cref="DiagnosticCategories"/>: one naming convention and only
/// the categories Azure has for the target's type.
/// </summary>
/// <remarks>
/// <para><b>Names.</b> A setting for the target <c>{target}</c> is the child <c>{target}-diag</c> of the component that
/// makes it (so <c>app-vault</c>'s Key Vault <c>vault</c> gets <c>app-vault-vault-diag</c>), and is named
/// <see cref="SettingName"/> in Azure. A storage account gets two: <c>{target}-diag</c> with the account's metrics, and
/// <c>{target}-blob-diag</c> on <c>{account id}/blobServices/default</c> with the blob service's logs and metrics.</para>
/// <para><b>What is sent.</b> The spec's log category groups that the type has, as <c>categoryGroup</c> entries, and,
/// when <see cref="DiagnosticSettingsSpec.Metrics"/> is on, every metric category of the type. <b>A requested group the
/// type does not have is dropped</b> (e.g. <c>audit</c> on a load balancer, which has only <c>allLogs</c>), because one
/// spec is applied to several types at once and Azure would reject the whole setting; <b>a setting left with nothing to
/// send is not created</b> (e.g. a network interface, which has no logs, when metrics are off). Components that must
/// send logs check the kept groups themselves (<see cref="CheckKeepsLogs"/>).</para>
/// <para><b>Errors</b> (<see cref="SynthesisException"/>, naming the component, the property, the value and the rule): a
/// target type missing from <see cref="DiagnosticCategories"/> (never a guess), and a group name Azure does not define.</para>
/// </remarks>
public static class DiagnosticSettings
{
    /// <summary>The name in Azure of every diagnostic setting the library makes (unique per target resource).</summary>
    public const string SettingName = "edge-infra-diagnostics";

    /// <summary>The path of a storage account's blob service below the account's id.</summary>
    public const string BlobServicePath = "/blobServices/default";

    /// <summary>The logical-name suffix of a setting; its target's name comes before it.</summary>
    public const string ChildSuffix = "-diag";

    /// <summary>
    /// Creates, under <paramref name="parent"/>, the diagnostic settings that send what <paramref name="spec"/> asks of the
    /// resource <paramref name="targetName"/> (id <paramref name="resourceId"/>, Azure type <paramref name="azureType"/>)
    /// to the spec's workspace; see the remarks of <see cref="DiagnosticSettings"/> for the rules.
    /// </summary>
    /// <returns>The settings made: none when nothing is left to send, two for a storage account, else one.</returns>
    /// <exception cref="SynthesisException">The type is not in <see cref="DiagnosticCategories"/>, or the spec names a group Azure does not define.</exception>
    public static IReadOnlyList<DiagnosticSetting> Create(ComponentResource parent, string targetName, Input<string> resourceId, string azureType, DiagnosticSettingsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentException.ThrowIfNullOrEmpty(targetName);
        ArgumentNullException.ThrowIfNull(resourceId);
        ArgumentNullException.ThrowIfNull(azureType);
        ArgumentNullException.ThrowIfNull(spec);

        var errors = new ComponentErrors(parent.GetResourceType(), parent.GetResourceName());
        var row = DiagnosticCategories.Of(azureType);
        if (row is null)
        {
            errors.Add("diagnosticSettings", $"resource '{targetName}' is of type '{azureType}', which DiagnosticCategories does not list: add the type's row from its Azure 'Supported logs' and 'Supported metrics' pages before sending its diagnostics");
        }

        CheckGroupNames(spec, errors);
        errors.ThrowIfAny();

        var settings = new List<DiagnosticSetting>();
        AddIfAny(settings, parent, targetName + ChildSuffix, resourceId, row!, spec);
        if (string.Equals(row!.AzureType, DiagnosticCategories.StorageAccounts, StringComparison.OrdinalIgnoreCase))
        {
            AddIfAny(settings, parent, targetName + "-blob" + ChildSuffix, Output.Format($"{resourceId}{BlobServicePath}"), DiagnosticCategories.ByAzureType[DiagnosticCategories.BlobServices], spec);
        }

        return settings;
    }

    /// <summary>Records in <paramref name="errors"/> what is wrong with <paramref name="spec"/> itself, before a component creates anything.</summary>
    public static void Check(DiagnosticSettingsSpec? spec, ComponentErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (spec is null)
        {
            return;
        }

        CheckGroupNames(spec, errors);
        if (spec.LogCategoryGroups.Count == 0 && !spec.Metrics)
        {
            errors.Add("diagnosticSettings", "sends neither logs nor metrics: Azure rejects a diagnostic setting with nothing to send; give a log category group or keep metrics on");
        }
    }

    /// <summary>
    /// Records in <paramref name="errors"/> that <paramref name="spec"/> keeps no log category group of
    /// <paramref name="azureType"/> (see <see cref="DiagnosticCategories"/>), for a component that must send those logs;
    /// <paramref name="why"/> is the rule.
    /// </summary>
    public static void CheckKeepsLogs(DiagnosticSettingsSpec? spec, string azureType, string why, ComponentErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (spec is null || DiagnosticCategories.Of(azureType) is not { } row)
        {
            return;
        }

        if (!spec.LogCategoryGroups.Any(group => row.CategoryGroups.Contains(group, StringComparer.Ordinal)))
        {
            var asked = string.Join(", ", spec.LogCategoryGroups.Select(g => $"'{g}'"));
            errors.Add("diagnosticSettings.logCategoryGroups", $"[{asked}] keeps no log category group of {azureType}, which has {string.Join(", ", row.CategoryGroups.Select(g => $"'{g}'"))}: {why}");
        }
    }

    private static void CheckGroupNames(DiagnosticSettingsSpec spec, ComponentErrors errors)
    {
        for (var i = 0; i < spec.LogCategoryGroups.Count; i++)
        {
            var group = spec.LogCategoryGroups[i];
            if (!DiagnosticCategories.KnownCategoryGroups.Contains(group, StringComparer.Ordinal))
            {
                errors.Add($"diagnosticSettings.logCategoryGroups[{i}]", $"'{group}' is not a log category group: use {string.Join(" or ", DiagnosticCategories.KnownCategoryGroups)}");
            }
        }
    }

    private static void AddIfAny(List<DiagnosticSetting> settings, ComponentResource parent, string childName, Input<string> resourceUri, DiagnosticCategorySet row, DiagnosticSettingsSpec spec)
    {
        var groups = spec.LogCategoryGroups.Where(group => row.CategoryGroups.Contains(group, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var metrics = spec.Metrics ? row.MetricCategories : [];
        if (groups.Count == 0 && metrics.Count == 0)
        {
            return;
        }

        var args = new DiagnosticSettingArgs
        {
            Name = SettingName,
            ResourceUri = resourceUri,
            WorkspaceId = spec.WorkspaceId,
            Logs = groups.Count > 0 ? [.. groups.Select(group => new DiagnosticsLogSettingsArgs { CategoryGroup = group, Enabled = true })] : null,
            Metrics = metrics.Count > 0 ? [.. metrics.Select(category => new DiagnosticsMetricSettingsArgs { Category = category, Enabled = true })] : null,
        };
        if (row.ResourceSpecificTables && groups.Count > 0)
        {
            args.LogAnalyticsDestinationType = "Dedicated";
        }

        settings.Add(new DiagnosticSetting(childName, args, new CustomResourceOptions { Parent = parent }));
    }
}
