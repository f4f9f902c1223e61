namespace EdgeInfra;

/// <summary>Options of a component resource. Its children inherit its providers, <c>Protect</c> and <c>RetainOnDelete</c>.</summary>
public sealed class ComponentResourceOptions : ResourceOptions
{
    /// <summary>Explicit providers for the component's children, at most one per package.</summary>
    public List<ProviderResource> Providers { get; set; } = [];
}
