namespace EdgeInfra.Schemas;

/// <summary>
/// A Pulumi Package Schema document (<c>schema.json</c>): the package's name and version, its config variables,
/// its provider, and its resources, functions and named types.
/// </summary>
public sealed class PackageSchema
{
    /// <summary>The prefix of provider resource tokens: <c>pulumi:providers:&lt;package&gt;</c>.</summary>
    public const string ProviderTokenPrefix = "pulumi:providers:";

    /// <summary>Creates a package schema.</summary>
    /// <param name="name">The package name, such as <c>azure-native</c>.</param>
    /// <param name="version">The package version, or null when the schema states none.</param>
    /// <param name="config">Config variable name → type (<c>config.variables</c>).</param>
    /// <param name="provider">The provider resource (its token is <c>pulumi:providers:&lt;name&gt;</c>).</param>
    /// <param name="resources">Resource token → resource.</param>
    /// <param name="functions">Function token → function.</param>
    /// <param name="types">Type token → named type.</param>
    public PackageSchema(
        string name,
        string? version,
        IReadOnlyDictionary<string, PropertySpec> config,
        ResourceSchema provider,
        IReadOnlyDictionary<string, ResourceSchema> resources,
        IReadOnlyDictionary<string, FunctionSchema> functions,
        IReadOnlyDictionary<string, TypeSchema> types)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(types);
        Name = name;
        Version = version;
        Config = config;
        Provider = provider;
        Resources = resources;
        Functions = functions;
        Types = types;
    }

    /// <summary>The package name, such as <c>azure-native</c>.</summary>
    public string Name { get; }

    /// <summary>The package version, or null when the schema states none.</summary>
    public string? Version { get; }

    /// <summary>Config variable name → type (<c>config.variables</c>).</summary>
    public IReadOnlyDictionary<string, PropertySpec> Config { get; }

    /// <summary>The provider resource: its inputs are the provider's <c>inputProperties</c>; its token is <see cref="ProviderToken"/>.</summary>
    public ResourceSchema Provider { get; }

    /// <summary>Resource token → resource.</summary>
    public IReadOnlyDictionary<string, ResourceSchema> Resources { get; }

    /// <summary>Function token → function.</summary>
    public IReadOnlyDictionary<string, FunctionSchema> Functions { get; }

    /// <summary>Type token → named type (object or enum).</summary>
    public IReadOnlyDictionary<string, TypeSchema> Types { get; }

    /// <summary>The token of the package's provider resource: <c>pulumi:providers:&lt;name&gt;</c>.</summary>
    public string ProviderToken => ProviderTokenPrefix + Name;

    /// <summary>Reads a package schema from a <c>schema.json</c> file.</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The package schema.</returns>
    /// <exception cref="InvalidDataException">The file is not valid JSON or not a package schema.</exception>
    public static PackageSchema Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return PackageSchemaReader.Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads a package schema from its JSON text.</summary>
    /// <param name="json">The text of a <c>schema.json</c> document.</param>
    /// <returns>The package schema.</returns>
    /// <exception cref="InvalidDataException">The text is not valid JSON or not a package schema.</exception>
    public static PackageSchema Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return PackageSchemaReader.Read(json, "schema");
    }

    /// <summary>The package name and version.</summary>
    /// <returns>For example <c>random 4.21.1</c>.</returns>
    public override string ToString() => Version is null ? Name : $"{Name} {Version}";
}
