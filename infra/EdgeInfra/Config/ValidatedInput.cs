using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A value a component both checks at synthesis and gives to a resource: <see cref="Value"/> is what the checks read,
/// and the program states the input it was made from. Made from a <see cref="ConfigValue{T}"/>, the program holds the
/// reference <c>${key}</c> and never a copy of the value (Pulumi keeps it secret when the stack marks it so); made
/// from a plain value, the program holds that value.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class ValidatedInput<T> : IInput
{
    private readonly IInput? _input;

    private ValidatedInput(T value, IInput? input)
    {
        Value = value;
        _input = input;
    }

    /// <summary>The value, read at synthesis for validation only; give the input itself to resources.</summary>
    public T Value { get; }

    /// <summary>A plain value, stated as a literal.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static implicit operator ValidatedInput<T>?(T? value) => value is null ? null : new ValidatedInput<T>(value, null);

    /// <summary>A config value, stated as the reference <c>${key}</c> and checked from its value.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(config))]
    public static implicit operator ValidatedInput<T>?(ConfigValue<T>? config) => config is null ? null : new ValidatedInput<T>(config.Value, config);

    /// <summary>The input to give to a resource: the reference when made from config.</summary>
    public static implicit operator Input<T>(ValidatedInput<T> input) => input is null ? null! : Input<T>.FromExpression(input.ToExpression());

    /// <summary>The input as an output, to build deploy-time interpolations with.</summary>
    public Output<T> ToOutput() => new(ToExpression());

    /// <inheritdoc />
    public Expression ToExpression() => _input is { } input ? input.ToExpression() : ExpressionFactory.FromValue(Value);

    /// <summary>The value as text, for messages only (never to build a name or a property: that copies it).</summary>
    public override string ToString() => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
