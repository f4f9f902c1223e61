using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>A deploy-time list of output objects, whose items can be selected: <c>${nic.ipConfigurations[0].id}</c>.</summary>
/// <typeparam name="T">The output object type of the items.</typeparam>
public sealed class OutputList<T> : IInput
    where T : OutputObject
{
    private readonly Func<Expression, T> _create;

    /// <summary>Creates the list that <paramref name="expression"/> stands for; <paramref name="create"/> makes an item from its expression.</summary>
    public OutputList(Expression expression, Func<Expression, T> create)
    {
        Expression = expression ?? throw new ArgumentNullException(nameof(expression));
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>The expression the program states for this list.</summary>
    public Expression Expression { get; }

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => _create(Expression.Navigate(PathSegment.Item(index)));

    /// <inheritdoc />
    public Expression ToExpression() => Expression;
}
