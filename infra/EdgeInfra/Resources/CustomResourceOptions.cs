namespace EdgeInfra;

/// <summary>Options of a custom resource (one a provider manages).</summary>
public sealed class CustomResourceOptions : ResourceOptions
{
    /// <summary>The explicit provider; null for the package's default provider, pinned to the package's version.</summary>
    public ProviderResource? Provider { get; set; }

    /// <summary>The provider version to pin; null to take the version the package registered.</summary>
    public string? Version { get; set; }

    /// <summary>When true, a replacement deletes the old resource before creating the new one.</summary>
    public bool? DeleteBeforeReplace { get; set; }

    /// <summary>Output properties to keep secret beyond those the provider marks secret.</summary>
    public List<string> AdditionalSecretOutputs { get; set; } = [];
}
