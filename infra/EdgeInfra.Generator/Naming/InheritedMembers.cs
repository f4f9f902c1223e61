namespace EdgeInfra.Generator.Naming;

/// <summary>
/// The member names a generated class inherits or declares besides its properties, per kind of class; a property
/// may not take one of them.
/// </summary>
internal static class InheritedMembers
{
    private static readonly string[] ObjectMembers = ["ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize"];

    /// <summary>Members of a generated resource class (<c>CustomResource</c>, <c>Resource</c>, and the generated constants).</summary>
    public static readonly IReadOnlySet<string> Resource = Set(
        "Id", "Urn", "Args", "Options", "Parent", "Component", "LogicalName", "Package", "GetOutput", "AsOutput",
        "OutputExpression", "GetResourceType", "GetResourceName", "GetResourceMetadata", "TypeToken", "TypeMetadata",
        "Get", "ExistingId");

    /// <summary>Members of a generated provider class (a resource class, plus <c>ProviderResource</c> and the generated constants).</summary>
    public static readonly IReadOnlySet<string> Provider = Set([.. Resource, "ProviderPackage", "Version", "PackageName", "PackageVersion"]);

    /// <summary>Members of a generated argument class (<c>InputArgs</c>, <c>ResourceArgs</c>).</summary>
    public static readonly IReadOnlySet<string> Args = Set("SetInputs", "ToExpression", "GetInputs", "Secret", "Empty");

    /// <summary>Members of a generated output class (<c>OutputObject</c>).</summary>
    public static readonly IReadOnlySet<string> OutputObject = Set("Expression", "ToExpression", "Property", "Navigate");

    /// <summary>Members of a generated enum (a <c>readonly record struct</c> with a <c>Value</c>).</summary>
    public static readonly IReadOnlySet<string> Enum = Set("Value", "ToExpression", "Deconstruct", "PrintMembers");

    private static HashSet<string> Set(params string[] names) => new([.. ObjectMembers, .. names], StringComparer.Ordinal);
}
