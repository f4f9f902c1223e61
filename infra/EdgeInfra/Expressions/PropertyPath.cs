using System.Collections.Immutable;

namespace EdgeInfra.Expressions;

/// <summary>A path into a value: <c>properties.vaultUri</c>, <c>ipConfigurations[0].id</c>.</summary>
public sealed record PropertyPath
{
    /// <summary>The empty path: the value itself.</summary>
    public static readonly PropertyPath Empty = new(ImmutableArray<PathSegment>.Empty);

    private PropertyPath(ImmutableArray<PathSegment> segments) => Segments = segments;

    /// <summary>The steps of the path, first to last.</summary>
    public ImmutableArray<PathSegment> Segments { get; }

    /// <summary>True when the path has no step.</summary>
    public bool IsEmpty => Segments.IsEmpty;

    /// <summary>This path followed by <paramref name="segment"/>.</summary>
    public PropertyPath Append(PathSegment segment) => new(Segments.Add(segment));

    /// <summary>A path of property names, each a step.</summary>
    public static PropertyPath Of(params string[] names) =>
        new(names.Select(PathSegment.Property).ToImmutableArray());

    /// <summary>The path as Pulumi YAML writes it after a name, e.g. <c>.properties.vaultUri</c>.</summary>
    public string Render() => string.Concat(Segments.Select(s => s.Render()));

    /// <inheritdoc />
    public bool Equals(PropertyPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in Segments)
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Render();
}
