namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// Whether resources of a Pulumi type can send resource logs and/or metrics through a diagnostic setting: a summary of
/// their row in <see cref="DiagnosticCategories"/>, the one source of truth (which also says which categories).
/// </summary>
/// <param name="Logs">True when the type has resource logs.</param>
/// <param name="Metrics">True when the type has metrics a diagnostic setting can export.</param>
public sealed record DiagnosticSupport(bool Logs, bool Metrics)
{
    /// <summary>The supported resource types, by Pulumi type token, as <see cref="DiagnosticCategories"/> lists them.</summary>
    public static IReadOnlyDictionary<string, DiagnosticSupport> ByType { get; } =
        DiagnosticCategories.AzureTypeByPulumiType.ToDictionary(
            pair => pair.Key,
            pair => From(DiagnosticCategories.ByAzureType[pair.Value]),
            StringComparer.Ordinal);

    /// <summary>What resources of type <paramref name="typeToken"/> can send, or null when the table does not list the type.</summary>
    public static DiagnosticSupport? Of(string typeToken) =>
        ByType.TryGetValue(typeToken, out var support) ? support : null;

    private static DiagnosticSupport From(DiagnosticCategorySet row) => new(Logs: row.HasLogs, Metrics: row.HasMetrics);
}
