namespace EdgeInfra.Expressions;

/// <summary>Options of a provider function call.</summary>
public sealed record InvokeOptions
{
    /// <summary>The explicit provider to call the function with; null for the default provider.</summary>
    public ProviderResource? Provider { get; init; }

    /// <summary>The provider version to pin; null to take the version the package registered.</summary>
    public string? Version { get; init; }
}
