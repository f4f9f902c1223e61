namespace EdgeInfra;

/// <summary>A package's metadata of every resource type, generated with its bindings and named by <see cref="PulumiPackageAttribute.Metadata"/>.</summary>
public interface IResourceMetadataSource
{
    /// <summary>The metadata of every resource type of the package, including its provider.</summary>
    static abstract IReadOnlyList<ResourceMetadata> Resources { get; }
}
