using System.Collections;
using System.Collections.Immutable;
using System.Globalization;

namespace EdgeInfra.Testing;

/// <summary>
/// Turns what mocks return into the values evaluation works with: dictionaries with string keys become
/// <see cref="ImmutableDictionary{TKey, TValue}"/>s, other sequences <see cref="ImmutableArray{T}"/>s, integers
/// <see cref="long"/>s and other numbers <see cref="double"/>s.
/// </summary>
internal static class MockValues
{
    /// <summary>The normalized form of <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">The value has a type a program value cannot have.</exception>
    public static object? Normalize(object? value) => value switch
    {
        null or string or bool or long or double or ResourceValue or AssetValue => value,
        int or short or byte or sbyte or uint or ushort => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong integer => integer <= long.MaxValue ? (object)(long)integer : (double)integer,
        float number => (double)number,
        decimal number => (double)number,
        SecretValue secret => SecretValue.Wrap(Normalize(secret.Value)),
        ImmutableArray<object?> { IsDefault: true } => ImmutableArray<object?>.Empty,
        IDictionary dictionary => NormalizeDictionary(dictionary),
        Enum => throw Unsupported(value),
        IEnumerable sequence => sequence.Cast<object?>().Select(Normalize).ToImmutableArray(),
        _ => throw Unsupported(value),
    };

    /// <summary>The normalized form of an object the mock returned as a whole (a state, a call result); null is an empty object.</summary>
    /// <exception cref="InvalidOperationException">The value is not a dictionary with string keys, or holds a value of an unsupported type.</exception>
    public static ImmutableDictionary<string, object?> NormalizeObject(object? value) => value switch
    {
        null => ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal),
        IDictionary dictionary => NormalizeDictionary(dictionary),
        _ => throw new InvalidOperationException(
            $"it is a {value.GetType().Name}, not a dictionary with string keys (such as Dictionary<string, object?> or ImmutableDictionary<string, object?>)."),
    };

    private static ImmutableDictionary<string, object?> NormalizeDictionary(IDictionary dictionary)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new InvalidOperationException($"a dictionary key is a {entry.Key.GetType().Name}, not a string.");
            }

            properties[key] = Normalize(entry.Value);
        }

        return properties.ToImmutable();
    }

    private static InvalidOperationException Unsupported(object value) => new(
        $"a {value.GetType().Name} ({value}) is no program value: use null, strings, booleans, numbers, lists, dictionaries with string keys, SecretValue, ResourceValue or AssetValue.");
}
