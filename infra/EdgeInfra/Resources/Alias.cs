namespace EdgeInfra;

/// <summary>
/// A former identity of a resource. Pulumi YAML takes aliases as URNs, so an alias is stated as the URN the
/// resource had: <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;type&gt;::&lt;name&gt;</c>.
/// </summary>
public sealed record Alias
{
    /// <summary>The former logical name (as the program stated it, with any component prefix); null keeps the current one.</summary>
    public string? Name { get; init; }

    /// <summary>The former type token; null keeps the current one.</summary>
    public string? Type { get; init; }

    /// <summary>A full former URN; when set, the other properties are not used.</summary>
    public string? Urn { get; init; }
}
