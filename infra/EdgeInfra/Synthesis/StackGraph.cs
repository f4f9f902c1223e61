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
        Dictionary<CustomResource, ObjectExpression> properties,
        Dictionary<CustomResource, EffectiveOptions> options,
        ImmutableArray<ConfigDeclaration> config,
        ImmutableSortedDictionary<string, Expression> outputs,
        ImmutableArray<LogEntry> log)
    {
        Settings = settings;
        Resources = resources;
        _properties = properties;
        _options = options;
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
    public ImmutableDictionary<CustomResource, ObjectExpression> Properties =>
        Volatile.Read(ref _immutableProperties) ?? LazyInitializer.EnsureInitialized(ref _immutableProperties, () => _properties.ToImmutableDictionary());

    /// <summary>The effective options of each custom resource.</summary>
    public ImmutableDictionary<CustomResource, EffectiveOptions> Options =>
        Volatile.Read(ref _immutableOptions) ?? LazyInitializer.EnsureInitialized(ref _immutableOptions, () => _options.ToImmutableDictionary());

    // Synthesis reads the properties and options of every resource several times: from hash tables, which it never
    // changes; the immutable dictionaries of the public API are made the first time they are asked for.
    private readonly Dictionary<CustomResource, ObjectExpression> _properties;
    private readonly Dictionary<CustomResource, EffectiveOptions> _options;
    private ImmutableDictionary<CustomResource, ObjectExpression>? _immutableProperties;
    private ImmutableDictionary<CustomResource, EffectiveOptions>? _immutableOptions;

    /// <summary>The input properties of <paramref name="resource"/>, a custom resource of this stack.</summary>
    internal ObjectExpression PropertiesOf(CustomResource resource) => _properties[resource];

    /// <summary>The effective options of <paramref name="resource"/>, a custom resource of this stack.</summary>
    internal EffectiveOptions OptionsOf(CustomResource resource) => _options[resource];

    /// <summary>Whether <paramref name="resource"/> is a custom resource of this stack.</summary>
    internal bool IsOwn(CustomResource resource) => _options.ContainsKey(resource);

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
        if (!IsOwn(resource))
        {
            throw new ArgumentException($"'{resource.LogicalName}' ({resource.GetResourceType()}) is not a custom resource of this stack.", nameof(resource));
        }
    }
}
