namespace EdgeInfra;

/// <summary>Marks a property of a <see cref="Stack"/> as a stack output, stated in the program's <c>outputs:</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute(string? name = null) : Attribute
{
    /// <summary>The output name; null for the property name in camelCase.</summary>
    public string? Name { get; } = name;
}
