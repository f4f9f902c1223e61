namespace EdgeInfra.Expressions;

/// <summary>
/// A resource, or one of its output properties: <c>${vault}</c>, <c>${vault.id}</c>,
/// <c>${vault.properties.vaultUri}</c>.
/// </summary>
public sealed class ResourceReferenceExpression : Expression
{
    /// <summary>Creates a reference to <paramref name="resource"/> at <paramref name="path"/>.</summary>
    public ResourceReferenceExpression(Resource resource, PropertyPath path)
    {
        Resource = resource ?? throw new ArgumentNullException(nameof(resource));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The referenced resource.</summary>
    public Resource Resource { get; }

    /// <summary>The output property path; empty for the resource itself.</summary>
    public PropertyPath Path { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => [];

    /// <inheritdoc />
    public override Expression Navigate(PathSegment segment) => new ResourceReferenceExpression(Resource, Path.Append(segment));

    /// <inheritdoc />
    public override string Describe() => $"reference to {Resource.LogicalName}{Path.Render()}";
}
