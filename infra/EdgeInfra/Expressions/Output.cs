using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A value known at deploy time, such as a resource's output property. It cannot be inspected at synthesis
/// time (there is no <c>Apply</c>: a YAML program has no code), but it can be passed to other resources,
/// navigated to its properties, and combined with the functions of <see cref="Output"/>.
/// </summary>
/// <typeparam name="T">The type of the value at deploy time.</typeparam>
public sealed class Output<T> : IInput
{
    /// <summary>Creates an output that stands for <paramref name="expression"/>.</summary>
    public Output(Expression expression) => Expression = expression ?? throw new ArgumentNullException(nameof(expression));

    /// <summary>The expression the program states for this value.</summary>
    public Expression Expression { get; }

    /// <summary>The output of the property <paramref name="name"/> of this value.</summary>
    public Output<TProperty> GetProperty<TProperty>(string name) => new(Expression.Navigate(PathSegment.Property(name)));

    /// <summary>The output of the item at <paramref name="index"/> of this list value.</summary>
    public Output<TItem> GetItem<TItem>(int index) => new(Expression.Navigate(PathSegment.Item(index)));

    /// <inheritdoc />
    public Expression ToExpression() => Expression;
}
