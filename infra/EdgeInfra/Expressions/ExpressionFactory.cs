using System.Collections;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>Turns the plain .NET values users write into expressions.</summary>
public static class ExpressionFactory
{
    /// <summary>
    /// The expression of <paramref name="value"/>: null, strings, booleans and numbers become literals, inputs and
    /// argument objects their own expressions, dictionaries with string keys objects and other sequences lists.
    /// </summary>
    /// <exception cref="ArgumentException">The value has a type the program cannot state.</exception>
    public static Expression FromValue(object? value) => value switch
    {
        null => LiteralExpression.Null,
        Expression expression => expression,
        IInput input => input.ToExpression(),
        string text => new LiteralExpression(text),
        bool flag => new LiteralExpression(flag),
        int or long or short or byte or sbyte or uint or ushort => new LiteralExpression(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        double number => new LiteralExpression(number),
        float number => new LiteralExpression((double)number),
        decimal number => new LiteralExpression((double)number),
        Enum => throw new ArgumentException($"A .NET enum ({value.GetType().Name}.{value}) has no agreed text in a program; use the generated enum type or a string."),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable sequence => new ListExpression(sequence.Cast<object?>().Select(FromValue)),
        _ => throw new ArgumentException($"A value of type {value.GetType().FullName} cannot be stated in a program."),
    };

    private static ObjectExpression FromDictionary(IDictionary dictionary)
    {
        var properties = new List<KeyValuePair<string, Expression>>();
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException($"A map key must be a string, not {entry.Key.GetType().Name}.");
            }

            properties.Add(new(key, FromValue(entry.Value)));
        }

        return new ObjectExpression(properties);
    }
}
