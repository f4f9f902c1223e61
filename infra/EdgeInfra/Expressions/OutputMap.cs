using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>A deploy-time map of output objects, whose entries can be selected: <c>${rule.sources["web"].name}</c>.</summary>
/// <typeparam name="T">The output object type of the values.</typeparam>
public sealed class OutputMap<T> : IInput
    where T : OutputObject
{
    private readonly Func<Expression, T> _create;

    /// <summary>Creates the map that <paramref name="expression"/> stands for; <paramref name="create"/> makes a value from its expression.</summary>
    public OutputMap(Expression expression, Func<Expression, T> create)
    {
        Expression = expression ?? throw new ArgumentNullException(nameof(expression));
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>The expression the program states for this map.</summary>
    public Expression Expression { get; }

    /// <summary>The value at <paramref name="key"/>.</summary>
    public T this[string key] => _create(Expression.Navigate(PathSegment.Property(key)));

    /// <inheritdoc />
    public Expression ToExpression() => Expression;
}
