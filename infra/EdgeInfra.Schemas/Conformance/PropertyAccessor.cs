namespace EdgeInfra.Schemas;

/// <summary>One step of a property access: a name (<c>.name</c> or <c>["name"]</c>) or a list index (<c>[0]</c>).</summary>
/// <param name="Name">The property name or map key; null for a list index.</param>
/// <param name="Index">The list index; null for a name.</param>
internal sealed record PropertyAccessor(string? Name, int? Index)
{
    public override string ToString() => Index is { } index ? $"[{index}]" : $".{Name}";
}
