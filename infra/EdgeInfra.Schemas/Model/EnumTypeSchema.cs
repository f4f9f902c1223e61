namespace EdgeInfra.Schemas;

/// <summary>An enum type: a primitive type and the values it allows.</summary>
public sealed class EnumTypeSchema : TypeSchema
{
    /// <summary>Creates an enum type.</summary>
    /// <param name="token">The type token.</param>
    /// <param name="underlyingType">The primitive type of the values: <c>string</c>, <c>integer</c>, <c>number</c> or <c>boolean</c>.</param>
    /// <param name="values">The allowed values.</param>
    public EnumTypeSchema(string token, string underlyingType, IReadOnlyList<EnumValueSpec> values)
        : base(token)
    {
        UnderlyingType = underlyingType;
        Values = values;
    }

    /// <summary>The primitive type of the values: <c>string</c>, <c>integer</c>, <c>number</c> or <c>boolean</c>.</summary>
    public string UnderlyingType { get; }

    /// <summary>The allowed values.</summary>
    public IReadOnlyList<EnumValueSpec> Values { get; }
}
