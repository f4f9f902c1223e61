namespace EdgeInfra.Schemas;

/// <summary>
/// A parsed reference <c>${root.path[0]["key"]}</c>: the root name (a resource, variable, config key or <c>pulumi</c>)
/// and the accessors that follow it.
/// </summary>
/// <param name="RootName">The name the reference starts at.</param>
/// <param name="Accessors">The accessors after the root name.</param>
/// <param name="Text">The reference as written, including <c>${</c> and <c>}</c>.</param>
internal sealed record PropertyAccess(string RootName, IReadOnlyList<PropertyAccessor> Accessors, string Text);
