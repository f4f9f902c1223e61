namespace EdgeInfra.Schemas;

/// <summary>A named type of a package schema (the <c>types</c> section): an object type or an enum type.</summary>
public abstract class TypeSchema
{
    /// <summary>Creates a named type.</summary>
    /// <param name="token">The type token, such as <c>azure-native:keyvault:Sku</c>.</param>
    protected TypeSchema(string token)
    {
        Token = token;
    }

    /// <summary>The type token, such as <c>azure-native:keyvault:Sku</c>.</summary>
    public string Token { get; }

    /// <summary>The type token.</summary>
    /// <returns>The token.</returns>
    public override string ToString() => Token;
}
