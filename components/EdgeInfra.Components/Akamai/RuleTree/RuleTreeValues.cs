using System.Collections;
using System.Globalization;
using EdgeInfra.Expressions;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The values a rule tree holds: plain scalars, inputs (literal or deploy-time), <see cref="JsonIntegerFromText"/>,
/// string-keyed dictionaries and lists. Normalizes them, tells what is known at synthesis, and shows values in errors.
/// </summary>
internal static class RuleTreeValues
{
    /// <summary>
    /// <paramref name="value"/> as a tree node: dictionaries become ordinal-sorted dictionaries without null values,
    /// other sequences lists; scalars, inputs and <see cref="JsonIntegerFromText"/> stay as they are.
    /// </summary>
    public static object? Normalize(object? value) => value switch
    {
        null or string or bool or int or long or double or IInput or JsonIntegerFromText => value,
        IDictionary dictionary => NormalizeDictionary(dictionary),
        IEnumerable sequence => sequence.Cast<object?>().Select(Normalize).ToList(),
        _ => throw new ArgumentException($"A value of type {value.GetType().FullName} cannot be stated in a rule tree."),
    };

    /// <summary>True when <paramref name="value"/> is known at synthesis; <paramref name="known"/> is then the plain value (integers as <see cref="long"/>).</summary>
    public static bool TryKnown(object? value, out object? known)
    {
        switch (value)
        {
            case IInput input:
                if (input.ToExpression() is LiteralExpression literal)
                {
                    known = literal.Value;
                    return true;
                }

                known = null;
                return false;
            case JsonIntegerFromText integer:
                return TryKnown(integer.Text, out known);
            case int number:
                known = (long)number;
                return true;
            default:
                known = value;
                return true;
        }
    }

    /// <summary>How a known value is shown in an error: strings quoted, booleans lowercase.</summary>
    public static string Show(object? known) => known switch
    {
        null => "null",
        string text => $"'{text}'",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => "[" + string.Join(", ", sequence.Cast<object?>().Select(Show)) + "]",
        _ => known.ToString() ?? "",
    };

    private static SortedDictionary<string, object?> NormalizeDictionary(IDictionary dictionary)
    {
        var result = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException($"A rule-tree key must be a string, not {entry.Key.GetType().Name}.");
            }

            if (entry.Value is not null)
            {
                result[key] = Normalize(entry.Value);
            }
        }

        return result;
    }
}
