namespace EdgeInfra.Expressions;

/// <summary>Options of a provider function call.</summary>
public sealed record InvokeOptions
{
    /// <summary>The explicit provider to call the function with; null for the default provider.</summary>
    public ProviderResource? Provider { get; init; }

    /// <summary>The provider version to pin; null to take the version the package registered.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// Resources the call waits for besides those its arguments reference (stated as the invoke's
    /// <c>options: dependsOn</c>, which the Pulumi YAML runtime supports since v1.13.0): the engine registers them
    /// first, and while one of them is unknown (a preview that creates it) the call is not made and its result is
    /// unknown. Use it when a function reads something a resource of the stack creates, e.g. the keys of a storage
    /// account. Default: none.
    /// </summary>
    public IReadOnlyList<CustomResource> DependsOn { get; init; } = [];
}
