using System.Collections.Immutable;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>An invoke of the program and where it stands: in a custom resource (its properties or its <c>get</c> id) or in a stack output.</summary>
/// <param name="Invoke">The invoke.</param>
/// <param name="Resource">The resource it stands in, or null for a stack output.</param>
/// <param name="Output">The stack output it stands in, or null for a resource.</param>
internal sealed record InvokeSite(InvokeExpression Invoke, CustomResource? Resource, string? Output);

/// <summary>A version the program pins for a package: by a resource (its options, or it is a provider) or by an invoke.</summary>
/// <param name="Package">The package.</param>
/// <param name="Version">The version.</param>
/// <param name="Resource">The resource that pins it, or null when an invoke does.</param>
/// <param name="Invoke">The invoke that pins it, or null when a resource does.</param>
internal sealed record VersionPin(string Package, string Version, CustomResource? Resource, InvokeSite? Invoke);

public sealed partial class StackGraph
{
    private VersionView? _versions;

    /// <summary>
    /// Package → the version the program pins it to (by resources on the default provider, providers and invokes), in
    /// ordinal order; packages reached only through explicit providers without a version of their own are not in it.
    /// A graph that builds pins one version per package.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Versions => VersionData.Versions;

    /// <summary>The version the program pins <paramref name="package"/> to, or null if it pins none (see <see cref="Versions"/>).</summary>
    public string? VersionOf(string package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return Versions.GetValueOrDefault(package);
    }

    /// <summary>
    /// The version the program states for <paramref name="invoke"/>: none for a call through an explicit provider
    /// (the provider has its version), else the call's own <see cref="InvokeOptions.Version"/> or the version the
    /// deployment's <see cref="DeploymentSettings.Packages"/> pin its package to; null when there is none.
    /// </summary>
    public string? VersionOf(InvokeExpression invoke)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return invoke.Options.Provider is not null
            ? null
            : invoke.Options.Version ?? Settings.Packages.VersionOf(TypeTokens.PackageOf(invoke.Function));
    }

    /// <summary>
    /// Every invoke of the program, nested ones included: those of each custom resource in logical name order (its
    /// properties, then its <c>get</c> id), then those of the stack outputs in name order.
    /// </summary>
    internal ImmutableArray<InvokeSite> Invokes => VersionData.Invokes;

    /// <summary>Every version the program pins, in the order of <see cref="CustomResources"/> (the resource's own, then its invokes'), then the stack outputs' invokes.</summary>
    internal ImmutableArray<VersionPin> VersionPins => VersionData.Pins;

    private VersionView VersionData => Volatile.Read(ref _versions) ?? LazyInitializer.EnsureInitialized(ref _versions, () => new VersionView(this));

    /// <summary>The invokes and version pins, computed once per graph.</summary>
    private sealed class VersionView
    {
        public VersionView(StackGraph graph)
        {
            var invokes = ImmutableArray.CreateBuilder<InvokeSite>();
            var pins = ImmutableArray.CreateBuilder<VersionPin>();
            foreach (var resource in graph.SortedCustomResources)
            {
                if (graph.OptionsOf(resource).Version is { } version)
                {
                    pins.Add(new VersionPin(resource.Package, version, resource, null));
                }

                // The invokes of its properties, then of its get id (found once per graph, see LinksOf).
                foreach (var (_, node) in graph.LinksOf(resource))
                {
                    if (node is InvokeExpression invoke)
                    {
                        AddInvoke(invoke, resource, null);
                    }
                }
            }

            foreach (var (name, value) in graph.Outputs)
            {
                foreach (var invoke in value.DescendantsAndSelf().OfType<InvokeExpression>())
                {
                    AddInvoke(invoke, null, name);
                }
            }

            Invokes = invokes.ToImmutable();
            Pins = pins.ToImmutable();
            Versions = Pins
                .GroupBy(p => p.Package, StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => g.First().Version, StringComparer.Ordinal);

            void AddInvoke(InvokeExpression invoke, CustomResource? resource, string? output)
            {
                var site = new InvokeSite(invoke, resource, output);
                invokes.Add(site);
                if (graph.VersionOf(invoke) is { } invokeVersion)
                {
                    pins.Add(new VersionPin(TypeTokens.PackageOf(invoke.Function), invokeVersion, null, site));
                }
            }
        }

        public ImmutableArray<InvokeSite> Invokes { get; }

        public ImmutableArray<VersionPin> Pins { get; }

        public ImmutableSortedDictionary<string, string> Versions { get; }
    }
}
