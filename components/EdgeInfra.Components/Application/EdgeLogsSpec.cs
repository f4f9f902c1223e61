using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Application;

/// <summary>Where an <see cref="EdgeFrontedApplication"/> streams its edge logs with DataStream 2 (see <see cref="EdgeLogStream"/>).</summary>
public sealed record EdgeLogsSpec
{
    /// <summary>The storage account's name: 3 to 24 lowercase letters and digits, globally unique. Required.</summary>
    public required string StorageAccountName { get; init; }

    /// <summary>The blob container the logs go to (it must exist; see <see cref="EdgeLogStreamArgs.ContainerName"/>). Required.</summary>
    public required string ContainerName { get; init; }

    /// <summary>Who Akamai notifies when the stream is activated or deactivated, at least one address. Required.</summary>
    public required IReadOnlyList<string> NotificationEmails { get; init; }

    /// <summary>
    /// The account's access key as a secret reference; null on the first deployment, which creates the account
    /// only (see <see cref="EdgeLogStreamArgs.AccessKey"/>). Default: null.
    /// </summary>
    public Output<string>? AccessKey { get; init; }

    /// <summary>Public ranges allowed to reach the account (Akamai's DataStream egress ranges); none leaves it open to any network. Default: none.</summary>
    public IReadOnlyList<string> AllowedIpRanges { get; init; } = [];
}
