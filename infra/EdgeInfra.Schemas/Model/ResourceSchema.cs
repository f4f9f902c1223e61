namespace EdgeInfra.Schemas;

/// <summary>A resource of a package schema (or the package's provider resource).</summary>
public sealed class ResourceSchema
{
    /// <summary>Creates a resource schema.</summary>
    /// <param name="token">The resource token, such as <c>azure-native:keyvault:Vault</c> or <c>pulumi:providers:random</c>.</param>
    /// <param name="inputProperties">Input property name → type.</param>
    /// <param name="requiredInputs">The names of the required inputs.</param>
    /// <param name="properties">Output property name → type.</param>
    /// <param name="required">The names of the outputs that always have a value.</param>
    public ResourceSchema(
        string token,
        IReadOnlyDictionary<string, PropertySpec> inputProperties,
        IReadOnlyList<string> requiredInputs,
        IReadOnlyDictionary<string, PropertySpec> properties,
        IReadOnlyList<string> required)
    {
        Token = token;
        InputProperties = inputProperties;
        RequiredInputs = requiredInputs;
        Properties = properties;
        Required = required;
    }

    /// <summary>The resource token, such as <c>azure-native:keyvault:Vault</c> or <c>pulumi:providers:random</c>.</summary>
    public string Token { get; }

    /// <summary>Input property name → type (<c>inputProperties</c>).</summary>
    public IReadOnlyDictionary<string, PropertySpec> InputProperties { get; }

    /// <summary>The names of the required inputs (<c>requiredInputs</c>).</summary>
    public IReadOnlyList<string> RequiredInputs { get; }

    /// <summary>Output property name → type (<c>properties</c>).</summary>
    public IReadOnlyDictionary<string, PropertySpec> Properties { get; }

    /// <summary>The names of the outputs that always have a value (<c>required</c>).</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>True for a component resource.</summary>
    public bool IsComponent { get; init; }

    /// <summary>Why the resource is deprecated, when it is.</summary>
    public string? DeprecationMessage { get; init; }

    /// <summary>The resource token.</summary>
    /// <returns>The token.</returns>
    public override string ToString() => Token;
}
