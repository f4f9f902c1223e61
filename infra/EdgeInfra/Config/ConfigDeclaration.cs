namespace EdgeInfra;

/// <summary>
/// A config key the program reads, as its <c>config:</c> section declares it.
/// </summary>
/// <param name="Key">The key as the program references it: <c>location</c> for the project's own keys, <c>package:key</c> for others.</param>
/// <param name="Type">The declared type (<c>string</c>, <c>integer</c>, <c>boolean</c>, <c>array</c>), or null for a structured value left untyped.</param>
/// <param name="ItemType">For arrays, the item type.</param>
/// <param name="IsSecret">True when the program reads the key as a secret.</param>
public sealed record ConfigDeclaration(string Key, string? Type, string? ItemType, bool IsSecret);
