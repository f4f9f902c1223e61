namespace EdgeInfra.Schemas;

/// <summary>An object type: named properties, some of them required. Also used for function inputs and outputs.</summary>
public sealed class ObjectTypeSchema : TypeSchema
{
    /// <summary>Creates an object type.</summary>
    /// <param name="token">The type token (for function inputs and outputs: the function token).</param>
    /// <param name="properties">Property name → type.</param>
    /// <param name="required">The names of the required properties.</param>
    public ObjectTypeSchema(string token, IReadOnlyDictionary<string, PropertySpec> properties, IReadOnlyList<string> required)
        : base(token)
    {
        Properties = properties;
        Required = required;
    }

    /// <summary>Property name → type.</summary>
    public IReadOnlyDictionary<string, PropertySpec> Properties { get; }

    /// <summary>The names of the required properties.</summary>
    public IReadOnlyList<string> Required { get; }
}
