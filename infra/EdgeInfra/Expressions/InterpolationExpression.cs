using System.Collections.Immutable;

namespace EdgeInfra.Expressions;

/// <summary>
/// A string made of literal text and expressions, such as <c>"https://${host.hostname}/x"</c>. Written as one
/// interpolated string when every part is a reference, otherwise as <c>fn::join</c> with an empty delimiter.
/// </summary>
public sealed class InterpolationExpression : Expression
{
    /// <summary>Creates an interpolation of <paramref name="parts"/>; string literals are text, anything else is interpolated.</summary>
    public InterpolationExpression(IEnumerable<Expression> parts) => Parts = parts.ToImmutableArray();

    /// <summary>The parts, in order.</summary>
    public ImmutableArray<Expression> Parts { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => Parts;

    /// <inheritdoc />
    public override string Describe() => "interpolated string";
}
