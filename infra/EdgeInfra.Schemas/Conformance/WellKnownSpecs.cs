namespace EdgeInfra.Schemas;

/// <summary>Property types the conformance check expects of built-in function arguments and resource options.</summary>
internal static class WellKnownSpecs
{
    public static readonly PropertySpec String = new() { Type = "string" };
    public static readonly PropertySpec Integer = new() { Type = "integer" };
    public static readonly PropertySpec Boolean = new() { Type = "boolean" };
    public static readonly PropertySpec StringArray = new() { Type = "array", Items = String };
    public static readonly PropertySpec AnyArray = new() { Type = "array" };
    public static readonly PropertySpec Asset = new() { Ref = SchemaReference.Parse("pulumi.json#/Asset") };

    /// <summary>The built-in <c>${pulumi.*}</c> values: all strings.</summary>
    public static readonly ObjectTypeSchema PulumiBuiltins = new(
        "pulumi",
        new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
        {
            ["cwd"] = String,
            ["organization"] = String,
            ["project"] = String,
            ["rootDirectory"] = String,
            ["stack"] = String,
        },
        []);

    /// <summary>
    /// The built-in <c>pulumi:pulumi:StackReference</c> resource, which no package schema declares: input <c>name</c>
    /// (the stack), outputs <c>name</c>, <c>outputs</c> (the other stack's outputs, of any type) and <c>secretOutputNames</c>.
    /// </summary>
    public static readonly ResourceSchema StackReference = new(
        "pulumi:pulumi:StackReference",
        new Dictionary<string, PropertySpec>(StringComparer.Ordinal) { ["name"] = String },
        ["name"],
        new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
        {
            ["name"] = String,
            ["outputs"] = new() { Type = "object", AdditionalProperties = new() },
            ["secretOutputNames"] = StringArray,
        },
        ["name", "outputs", "secretOutputNames"]);
}
