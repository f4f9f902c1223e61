namespace EdgeInfra.Schemas;

/// <summary>A parsed <c>$ref</c> of a Pulumi package schema.</summary>
/// <param name="Kind">What the reference points at.</param>
/// <param name="Token">The URL-decoded token of a type or resource reference; null for the other kinds.</param>
/// <param name="Raw">The reference exactly as the schema spells it.</param>
public sealed record SchemaReference(SchemaReferenceKind Kind, string? Token, string Raw)
{
    private const string TypesPrefix = "/types/";
    private const string ResourcesPrefix = "/resources/";

    /// <summary>
    /// Parses a <c>$ref</c>: <c>#/types/&lt;token&gt;</c> (URL-encoded characters such as <c>%2F</c> are decoded),
    /// <c>#/resources/&lt;token&gt;</c>, <c>#/provider</c>, an external <c>&lt;schema url&gt;#/types/&lt;token&gt;</c>,
    /// or <c>pulumi.json#/Any</c>, <c>#/Json</c>, <c>#/Asset</c>, <c>#/Archive</c>.
    /// </summary>
    /// <param name="reference">The reference text.</param>
    /// <returns>The parsed reference.</returns>
    /// <exception cref="FormatException">The reference has none of the supported forms.</exception>
    public static SchemaReference Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        int hash = reference.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            throw new FormatException($"unsupported $ref \"{reference}\": it has no '#' fragment");
        }

        string document = reference[..hash];
        string fragment = reference[(hash + 1)..];
        if (document.EndsWith("pulumi.json", StringComparison.Ordinal))
        {
            return fragment switch
            {
                "/Any" => new SchemaReference(SchemaReferenceKind.Any, null, reference),
                "/Json" => new SchemaReference(SchemaReferenceKind.Json, null, reference),
                "/Asset" => new SchemaReference(SchemaReferenceKind.Asset, null, reference),
                "/Archive" => new SchemaReference(SchemaReferenceKind.Archive, null, reference),
                _ => throw new FormatException($"unsupported $ref \"{reference}\": unknown pulumi.json built-in"),
            };
        }

        if (fragment.StartsWith(TypesPrefix, StringComparison.Ordinal))
        {
            string token = Uri.UnescapeDataString(fragment[TypesPrefix.Length..]);
            return new SchemaReference(SchemaReferenceKind.Type, token, reference);
        }

        if (fragment.StartsWith(ResourcesPrefix, StringComparison.Ordinal))
        {
            string token = Uri.UnescapeDataString(fragment[ResourcesPrefix.Length..]);
            return new SchemaReference(SchemaReferenceKind.Resource, token, reference);
        }

        if (fragment == "/provider")
        {
            return new SchemaReference(SchemaReferenceKind.Provider, null, reference);
        }

        throw new FormatException($"unsupported $ref \"{reference}\"");
    }

    /// <summary>The reference as the schema spells it.</summary>
    /// <returns>The raw reference text.</returns>
    public override string ToString() => Raw;
}
