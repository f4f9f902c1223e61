using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>Conversions between inputs of different types that state the same value.</summary>
public static class InputConversions
{
    /// <summary>
    /// The same value as an input of type <typeparamref name="T"/>: for example a config string given to an input
    /// typed by a generated enum (<c>config.Require("sku").AsInput&lt;SkuName&gt;()</c>). The program states the same
    /// expression; the provider schema decides whether the value is valid.
    /// </summary>
    public static Input<T> AsInput<T>(this IInput value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Input<T>.FromExpression(value.ToExpression());
    }
}
