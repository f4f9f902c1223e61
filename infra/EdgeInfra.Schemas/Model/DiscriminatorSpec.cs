namespace EdgeInfra.Schemas;

/// <summary>The discriminator of an object union (<c>oneOf</c> of object types).</summary>
/// <param name="PropertyName">The property whose value selects the member type.</param>
/// <param name="Mapping">Discriminator value → the referenced member type.</param>
public sealed record DiscriminatorSpec(string PropertyName, IReadOnlyDictionary<string, SchemaReference> Mapping);
