namespace EdgeInfra.Testing;

/// <summary>A whole resource as a value: what a reference to the resource itself (<c>${vault}</c>) evaluates to.</summary>
/// <param name="LogicalName">The logical name of the resource.</param>
/// <param name="Type">The type token.</param>
/// <param name="Urn">The URN.</param>
/// <param name="Id">The id the mock gave it.</param>
public sealed record ResourceValue(string LogicalName, string Type, string Urn, string? Id);
