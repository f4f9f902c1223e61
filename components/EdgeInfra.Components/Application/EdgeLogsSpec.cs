using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Application;

/// <summary>Where an <see cref="EdgeFrontedApplication"/> streams its edge logs with DataStream 2 (see <see cref="EdgeLogStream"/>).</summary>
public sealed record EdgeLogsSpec
{
    /// <summary>The storage account's name: 3 to 24 lowercase letters and digits, globally unique. Required.</summary>
    public required string StorageAccountName { get; init; }

    /// <summary>The blob container the logs go to, created with a retention policy (see <see cref="EdgeLogStreamArgs.ContainerName"/>). Required.</summary>
    public required string ContainerName { get; init; }

    /// <summary>Who Akamai notifies when the stream is activated or deactivated, at least one address. Required.</summary>
    public required ValidatedInputList<string> NotificationEmails { get; init; }

    /// <summary>How many days each log stays immutable in the container (see <see cref="EdgeLogStreamArgs.RetentionDays"/>), 1 to 146000. Default: 365.</summary>
    public int RetentionDays { get; init; } = 365;

    /// <summary>Public ranges allowed to reach the account (Akamai's DataStream egress ranges); none leaves it open to any network. Default: none.</summary>
    public IReadOnlyList<string> AllowedIpRanges { get; init; } = [];
}
