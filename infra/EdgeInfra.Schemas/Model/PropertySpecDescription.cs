namespace EdgeInfra.Schemas;

/// <summary>Short human-readable descriptions of property types, for messages.</summary>
internal static class PropertySpecDescription
{
    public static string Describe(PropertySpec spec)
    {
        if (spec.OneOf.Count > 0)
        {
            return "oneOf(" + string.Join(" | ", spec.OneOf.Select(Describe)) + ")";
        }

        if (spec.Ref is { } reference)
        {
            return reference.Kind switch
            {
                SchemaReferenceKind.Type or SchemaReferenceKind.Resource => reference.Token ?? reference.Raw,
                SchemaReferenceKind.Any => "any",
                SchemaReferenceKind.Json => "json",
                SchemaReferenceKind.Asset => "asset",
                SchemaReferenceKind.Archive => "archive",
                _ => reference.Raw,
            };
        }

        return spec.Type switch
        {
            "array" => "array<" + (spec.Items is null ? "any" : Describe(spec.Items)) + ">",
            "object" => "map<" + (spec.AdditionalProperties is null ? "any" : Describe(spec.AdditionalProperties)) + ">",
            null => "any",
            _ => spec.Type,
        };
    }
}
