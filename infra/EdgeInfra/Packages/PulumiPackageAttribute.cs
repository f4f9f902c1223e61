namespace EdgeInfra;

/// <summary>
/// Declares that an assembly holds bindings for a Pulumi package at a pinned version. The synthesized program
/// pins every resource and invoke of the package to this version, and package discovery names it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PulumiPackageAttribute(string name, string version) : Attribute
{
    /// <summary>The package name, e.g. <c>azure-native</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The pinned version, e.g. <c>3.28.0</c>.</summary>
    public string Version { get; } = version;

    /// <summary>The generated type that implements <see cref="IResourceMetadataSource"/> for the package, if any.</summary>
    public Type? Metadata { get; init; }
}
