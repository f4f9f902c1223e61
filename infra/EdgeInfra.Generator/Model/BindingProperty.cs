using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Model;

/// <summary>A property of a generated class.</summary>
/// <param name="SchemaName">The name the schema (and the program) gives it.</param>
/// <param name="Name">The C# name.</param>
/// <param name="Spec">The schema type.</param>
/// <param name="IsRequired">True when the schema requires it.</param>
internal sealed record BindingProperty(string SchemaName, string Name, PropertySpec Spec, bool IsRequired)
{
    /// <summary>True when the schema marks it secret.</summary>
    public bool IsSecret => Spec.Secret;

    /// <summary>
    /// The properties of a class, in ordinal order of their schema names, with collision-free C# names.
    /// </summary>
    /// <param name="properties">Schema name → type.</param>
    /// <param name="required">The schema names the schema requires.</param>
    /// <param name="typeName">The name of the class (a property may not take it).</param>
    /// <param name="reserved">Names the class inherits or declares otherwise.</param>
    /// <param name="skip">Schema names to leave out.</param>
    public static IReadOnlyList<BindingProperty> Of(
        IReadOnlyDictionary<string, PropertySpec> properties,
        IEnumerable<string> required,
        string typeName,
        IReadOnlySet<string> reserved,
        params string[] skip)
    {
        var requiredNames = new HashSet<string>(required, StringComparer.Ordinal);
        var names = properties.Keys.Except(skip, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var csharpNames = Naming.MemberNames.Allocate(names, typeName, reserved);
        return names.Select(name => new BindingProperty(name, csharpNames[name], properties[name], requiredNames.Contains(name))).ToList();
    }
}
