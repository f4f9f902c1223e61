using System.Collections.Immutable;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A built and validated stack: its resources with their input properties as expressions and their effective
/// options, the config it reads, and its outputs. What synthesis, previews, diffs and diagrams work from.
/// </summary>
public sealed partial class StackGraph
{
    internal StackGraph(
        DeploymentSettings settings,
        ImmutableArray<Resource> resources,
        ImmutableDictionary<CustomResource, ObjectExpression> properties,
        ImmutableDictionary<CustomResource, EffectiveOptions> options,
        ImmutableArray<ConfigDeclaration> config,
        ImmutableSortedDictionary<string, Expression> outputs,
        ImmutableArray<LogEntry> log)
    {
        Settings = settings;
        Resources = resources;
        Properties = properties;
        Options = options;
        Config = config;
        Outputs = outputs;
        Log = log;
    }

    /// <summary>The settings the stack was built with.</summary>
    public DeploymentSettings Settings { get; }

    /// <summary>Every resource, components included, in the order they were created.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>The custom resources, in logical name order: the order of the program.</summary>
    public IEnumerable<CustomResource> CustomResources => SortedCustomResources;

    /// <summary><see cref="CustomResources"/>, sorted once per graph (the graph never changes).</summary>
    internal ImmutableArray<CustomResource> SortedCustomResources
    {
        get
        {
            var sorted = _sortedCustomResources;
            if (sorted.IsDefault)
            {
                sorted = [.. Resources.OfType<CustomResource>().OrderBy(r => r.LogicalName, StringComparer.Ordinal)];
                _sortedCustomResources = sorted;
            }

            return sorted;
        }
    }

    private ImmutableArray<CustomResource> _sortedCustomResources;

    /// <summary>The input properties of each custom resource.</summary>
    public ImmutableDictionary<CustomResource, ObjectExpression> Properties { get; }

    /// <summary>The effective options of each custom resource.</summary>
    public ImmutableDictionary<CustomResource, EffectiveOptions> Options { get; }

    /// <summary>The config keys the program reads, in key order.</summary>
    public ImmutableArray<ConfigDeclaration> Config { get; }

    /// <summary>The stack outputs, by name.</summary>
    public ImmutableSortedDictionary<string, Expression> Outputs { get; }

    /// <summary>The messages the program logged with <see cref="EdgeInfra.Log"/> while the stack was built, in order.</summary>
    public ImmutableArray<LogEntry> Log { get; }

    /// <summary>Refuses a resource that is not a custom resource of this stack, for the views that answer about one.</summary>
    private void RequireOwn(CustomResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!Options.ContainsKey(resource))
        {
            throw new ArgumentException($"'{resource.LogicalName}' ({resource.GetResourceType()}) is not a custom resource of this stack.", nameof(resource));
        }
    }
}
