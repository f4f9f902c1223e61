using System.Collections.Immutable;
using System.Reflection;

namespace EdgeInfra;

/// <summary>The Pulumi packages a program can use, each with its pinned version.</summary>
public sealed class PackageCatalog
{
    /// <summary>Creates a catalog of <paramref name="versions"/> (package name → version) and the resource metadata the packages' bindings carry.</summary>
    public PackageCatalog(IReadOnlyDictionary<string, string> versions, IEnumerable<ResourceMetadata>? metadata = null)
    {
        Versions = versions.ToImmutableSortedDictionary(StringComparer.Ordinal);
        Metadata = (metadata ?? []).ToImmutableSortedDictionary(m => m.Token, m => m, StringComparer.Ordinal);
    }

    /// <summary>Resource type token → metadata, for the packages whose bindings were generated.</summary>
    public ImmutableSortedDictionary<string, ResourceMetadata> Metadata { get; }

    /// <summary>The metadata of the resource type <paramref name="token"/>, or null.</summary>
    public ResourceMetadata? MetadataOf(string token) => Metadata.GetValueOrDefault(token);

    /// <summary>Package name → pinned version, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, string> Versions { get; }

    /// <summary>The pinned version of <paramref name="package"/>, or null if the catalog does not know it.</summary>
    public string? VersionOf(string package) => Versions.GetValueOrDefault(package);

    /// <summary>
    /// The packages declared with <see cref="PulumiPackageAttribute"/> by <paramref name="root"/> and every assembly it
    /// references, directly or not. Two declarations of one package with different versions are an error.
    /// </summary>
    public static PackageCatalog Discover(Assembly root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Discover([root]);
    }

    /// <summary>
    /// The packages declared with <see cref="PulumiPackageAttribute"/> by the assemblies <paramref name="roots"/> and
    /// every assembly they reference, directly or not. Two declarations of one package with different versions are an error.
    /// </summary>
    public static PackageCatalog Discover(IEnumerable<Assembly> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var metadata = new List<ResourceMetadata>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>(roots);
        while (pending.Count > 0)
        {
            var assembly = pending.Dequeue();
            if (!seen.Add(assembly.FullName ?? assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var package in assembly.GetCustomAttributes<PulumiPackageAttribute>())
            {
                if (versions.TryGetValue(package.Name, out var known) && known != package.Version)
                {
                    throw new InvalidOperationException(
                        $"Package '{package.Name}' is declared at version {known} and at version {package.Version}; a program pins one version per package.");
                }

                versions[package.Name] = package.Version;
                if (package.Metadata?.GetProperty(nameof(IResourceMetadataSource.Resources), BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IEnumerable<ResourceMetadata> resources)
                {
                    metadata.AddRange(resources);
                }
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsFrameworkOrThirdParty(reference))
                {
                    continue;
                }

                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return new PackageCatalog(versions, metadata.DistinctBy(m => m.Token));
    }

    private static bool IsFrameworkOrThirdParty(AssemblyName name)
    {
        var simple = name.Name ?? string.Empty;
        return simple.StartsWith("System", StringComparison.Ordinal)
            || simple.StartsWith("Microsoft", StringComparison.Ordinal)
            || simple is "netstandard" or "mscorlib" or "YamlDotNet" or "FSharp.Core" or "Moq" or "Castle.Core"
            || simple.StartsWith("xunit", StringComparison.Ordinal)
            || simple.StartsWith("FsCheck", StringComparison.Ordinal);
    }
}
