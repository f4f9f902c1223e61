namespace EdgeInfra.Stacks;

/// <summary>The <c>edgeLogs</c> config: where DataStream delivers the edge logs (see <c>EdgeLogsSpec</c>).</summary>
public sealed record EdgeLogsConfig
{
    /// <summary>The storage account's name.</summary>
    public string? StorageAccountName { get; init; }

    /// <summary>The blob container's name.</summary>
    public string? ContainerName { get; init; }

    /// <summary>Who Akamai tells about stream activations.</summary>
    public IReadOnlyList<string>? NotificationEmails { get; init; }

    /// <summary>How many days each log stays immutable in the container; null for the component's default (365).</summary>
    public int? RetentionDays { get; init; }
}
