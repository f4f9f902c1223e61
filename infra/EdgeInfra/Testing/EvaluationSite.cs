using EdgeInfra.Expressions;

namespace EdgeInfra.Testing;

/// <summary>Where evaluation is: the subject (a resource, a stack output) and the property path within it, for error messages.</summary>
/// <param name="Subject">What is evaluated, e.g. <c>resource 'vault' (azure-native:keyvault:Vault)</c>.</param>
/// <param name="Property">The property path, e.g. <c>properties.sku.name</c>; null for the whole subject.</param>
internal sealed record EvaluationSite(string Subject, string? Property)
{
    /// <summary>The site of the property <paramref name="name"/> of this one's value.</summary>
    public EvaluationSite PropertySite(string name) => this with
    {
        Property = Property is null ? name : Property + (name.Length == 0 ? "[\"\"]" : PathSegment.Property(name).Render()),
    };

    /// <summary>The site of the item at <paramref name="index"/> of this one's value.</summary>
    public EvaluationSite ItemSite(int index) => this with { Property = Property + PathSegment.Item(index).Render() };

    /// <summary>An error at this site.</summary>
    public EvaluationException Error(string reason, Exception? innerException = null) => new(Subject, Property, reason, innerException);
}
