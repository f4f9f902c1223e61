using System.Collections.Immutable;
using System.Globalization;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A value a component both checks at synthesis and gives to a resource: <see cref="Value"/> is what the checks read,
/// and the program states the input it was made from. Made from a <see cref="ConfigValue{T}"/>, the program holds the
/// reference <c>${key}</c> and never a copy of the value (Pulumi keeps it secret when the stack marks it so); made
/// from a plain value, the program holds that value. Text built from it is built with
/// <see cref="ValidatedInput.Format"/>, which keeps the reference; <see cref="ToString"/> refuses, so a C# string
/// interpolation cannot copy the value by accident.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
[System.Diagnostics.DebuggerDisplay("{Value} ({ToExpression().Describe()})")]
public sealed class ValidatedInput<T> : IInput, IValidatedValue
{
    private readonly Expression? _expression;

    internal ValidatedInput(T value, Expression? expression)
    {
        Value = value;
        _expression = expression;
    }

    /// <summary>The value, read at synthesis for validation only; give the input itself to resources.</summary>
    public T Value { get; }

    /// <summary>Whether the program states a reference or a computed value rather than <see cref="Value"/> as a literal.</summary>
    public bool IsReference => _expression is not null;

    /// <summary>A plain value, stated as a literal.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static implicit operator ValidatedInput<T>?(T? value) => value is null ? null : new ValidatedInput<T>(value, null);

    /// <summary>A config value, stated as the reference <c>${key}</c> and checked from its value.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(config))]
    public static implicit operator ValidatedInput<T>?(ConfigValue<T>? config) => config is null ? null : new ValidatedInput<T>(config.Value, config.ToExpression());

    /// <summary>The input to give to a resource: the reference when made from config.</summary>
    public static implicit operator Input<T>(ValidatedInput<T> input) => input is null ? null! : Input<T>.FromExpression(input.ToExpression());

    /// <summary>The input as an output, to build deploy-time interpolations with.</summary>
    public Output<T> ToOutput() => new(ToExpression());

    object? IValidatedValue.BoxedValue => Value;

    /// <inheritdoc />
    public Expression ToExpression() => _expression ?? ExpressionFactory.FromValue(Value);

    /// <summary>
    /// Not available: it would copy the value into whatever text it builds. Use <see cref="ValidatedInput.Format"/>
    /// (keeps the reference), or read <see cref="Value"/> deliberately for a message.
    /// </summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public override string ToString() => throw new InvalidOperationException(
        $"A ValidatedInput<{typeof(T).Name}> ({ToExpression().Describe()}) does not convert to text: build text with ValidatedInput.Format($\"...\") to keep the reference, or read .Value for a message.");
}

/// <summary>Builds <see cref="ValidatedInput{T}"/> values out of others.</summary>
public static class ValidatedInput
{
    /// <summary>
    /// The text of <paramref name="formattable"/>, both as a value (for checks: each <see cref="ValidatedInput{T}"/>
    /// hole by its <see cref="ValidatedInput{T}.Value"/>) and as the program states it (each such hole by its input,
    /// like <see cref="Output.Format"/>): <c>ValidatedInput.Format($"{propertyName}-gateway")</c> is checked as
    /// <c>shop-gateway</c> and stated <c>"${propertyName}-gateway"</c>. Holes may be validated inputs or plain values.
    /// </summary>
    /// <exception cref="ArgumentException">A hole is a deploy-time value with no value at synthesis (an output).</exception>
    public static ValidatedInput<string> Format(FormattableString formattable)
    {
        ArgumentNullException.ThrowIfNull(formattable);
        var arguments = formattable.GetArguments();
        var values = new object?[arguments.Length];
        var anyInput = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case IValidatedValue validated:
                    values[i] = validated.BoxedValue;
                    anyInput |= ((IInput)validated).ToExpression() is not LiteralExpression;
                    break;
                case IInput:
                    throw new ArgumentException($"ValidatedInput.Format: hole {i.ToString(CultureInfo.InvariantCulture)} is a deploy-time value, which has no value to check at synthesis.", nameof(formattable));
                default:
                    values[i] = arguments[i];
                    break;
            }
        }

        var value = string.Format(CultureInfo.InvariantCulture, formattable.Format, values);
        return new ValidatedInput<string>(value, anyInput ? Output.Format(formattable).ToExpression() : null);
    }
}

/// <summary>A value known at synthesis behind an input: what <see cref="ValidatedInput.Format"/> reads.</summary>
internal interface IValidatedValue
{
    /// <summary>The value.</summary>
    object? BoxedValue { get; }
}
