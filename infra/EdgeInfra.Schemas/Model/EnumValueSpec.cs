using System.Text.Json;

namespace EdgeInfra.Schemas;

/// <summary>One allowed value of an enum type.</summary>
/// <param name="Name">The value's name, when the schema gives one.</param>
/// <param name="Value">The value (a JSON string, number or boolean).</param>
/// <param name="DeprecationMessage">Why the value is deprecated, when it is.</param>
public sealed record EnumValueSpec(string? Name, JsonElement Value, string? DeprecationMessage);
