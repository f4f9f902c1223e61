using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A value given to a resource: a plain value, or an <see cref="Output{T}"/> known only at deploy time.
/// Converted to an expression when the program is synthesized, so argument objects may still be filled in
/// after they are assigned.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class Input<T> : IInput
{
    private readonly object? _source;

    private Input(object? source) => _source = source;

    /// <summary>An input holding the plain value <paramref name="value"/>.</summary>
    public static implicit operator Input<T>(T value) => value is null ? null! : new Input<T>(value);

    /// <summary>An input holding the deploy-time value <paramref name="output"/>.</summary>
    public static implicit operator Input<T>(Output<T> output) => output is null ? null! : new Input<T>(output);

    /// <summary>An input of the expression <paramref name="expression"/>, for generated code and extensions.</summary>
    public static Input<T> FromExpression(Expression expression) =>
        new(expression ?? throw new ArgumentNullException(nameof(expression)));

    /// <summary>The same input seen as an output, to pass on or to navigate.</summary>
    public Output<T> ToOutput() => new(ToExpression());

    /// <inheritdoc />
    public Expression ToExpression() => ExpressionFactory.FromValue(_source);

    /// <summary>
    /// The value given at synthesis, when the input holds one (a plain value, or a literal expression of type
    /// <typeparamref name="T"/>); false for deploy-time values: outputs, references, config.
    /// </summary>
    public bool TryGetValue(out T value)
    {
        switch (_source)
        {
            case T plain:
                value = plain;
                return true;
            case LiteralExpression { Value: T literal }:
                value = literal;
                return true;
            default:
                value = default!;
                return false;
        }
    }
}
