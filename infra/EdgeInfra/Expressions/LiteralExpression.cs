namespace EdgeInfra.Expressions;

/// <summary>A literal scalar: a string, a boolean, an integer, a number or null.</summary>
public sealed class LiteralExpression : Expression
{
    /// <summary>The literal null.</summary>
    public static readonly LiteralExpression Null = new(null);

    /// <summary>Creates a literal; <paramref name="value"/> must be null, a string, a bool, a long or a finite double.</summary>
    public LiteralExpression(object? value)
    {
        if (value is not (null or string or bool or long or double))
        {
            throw new ArgumentException($"A literal must be null, a string, a bool, a long or a double, not {value.GetType().Name}.", nameof(value));
        }

        if (value is double d && !double.IsFinite(d))
        {
            throw new ArgumentException($"A number literal must be finite, not {d}.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The value: null, a string, a bool, a long or a double.</summary>
    public object? Value { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => [];

    /// <inheritdoc />
    public override string Describe() => Value is string ? "string literal" : "literal";
}
