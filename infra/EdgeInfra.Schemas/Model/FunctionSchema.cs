namespace EdgeInfra.Schemas;

/// <summary>A function (invoke) of a package schema.</summary>
/// <param name="Token">The function token, such as <c>azure-native:authorization:getClientConfig</c>.</param>
/// <param name="Inputs">The input object, or null when the function takes no inputs.</param>
/// <param name="Outputs">The output object, or null when the function returns nothing.</param>
public sealed record FunctionSchema(string Token, ObjectTypeSchema? Inputs, ObjectTypeSchema? Outputs)
{
    /// <summary>Why the function is deprecated, when it is.</summary>
    public string? DeprecationMessage { get; init; }
}
