namespace EdgeInfra;

/// <summary>A stack config value as the stack's settings hold it.</summary>
/// <param name="Value">The value as a string (structured values as JSON), or null when it is a secret whose plaintext is not at hand.</param>
/// <param name="IsSecret">True when the stack stores the value encrypted.</param>
public sealed record ConfigEntry(string? Value, bool IsSecret);
