using System.Collections.Immutable;

namespace EdgeInfra.Expressions;

/// <summary>A list whose items are expressions.</summary>
public sealed class ListExpression : Expression
{
    /// <summary>Creates a list of <paramref name="items"/>.</summary>
    public ListExpression(IEnumerable<Expression> items) => Items = items.ToImmutableArray();

    /// <summary>The items, in order.</summary>
    public ImmutableArray<Expression> Items { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => Items;

    /// <inheritdoc />
    public override string Describe() => "list";
}
