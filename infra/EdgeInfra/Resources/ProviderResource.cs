namespace EdgeInfra;

/// <summary>
/// An explicit provider of a package: <c>pulumi:providers:&lt;package&gt;</c>, pinned to a version. Resources use it
/// through <see cref="CustomResourceOptions.Provider"/> or a component's <see cref="ComponentResourceOptions.Providers"/>.
/// </summary>
public class ProviderResource : CustomResource
{
    /// <summary>Creates a provider of <paramref name="package"/> at <paramref name="version"/>.</summary>
    public ProviderResource(string package, string name, ResourceArgs? args, string version, CustomResourceOptions? options = null)
        : this(package, name, args, version, options, null)
    {
    }

    /// <summary>Creates a provider with the schema metadata of its config; the constructor generated bindings call.</summary>
    protected ProviderResource(string package, string name, ResourceArgs? args, string version, CustomResourceOptions? options, ResourceMetadata? metadata)
        : base("pulumi:providers:" + package, name, args, WithVersion(options, version), metadata)
    {
        ProviderPackage = package;
        Version = version;
    }

    /// <summary>The package the provider serves.</summary>
    public string ProviderPackage { get; }

    /// <summary>The pinned provider version.</summary>
    public string Version { get; }

    /// <inheritdoc />
    public override string Package => ProviderPackage;

    private static CustomResourceOptions WithVersion(CustomResourceOptions? options, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        options ??= new CustomResourceOptions();
        options.Version = version;
        return options;
    }
}
