using System.Collections;
using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests;

/// <summary>
/// Reads and checks the values of a mock run (<see cref="TestResource.Inputs"/>, <see cref="TestResource.Outputs"/>):
/// objects are <see cref="ImmutableDictionary{TKey, TValue}"/>s, lists <see cref="ImmutableArray{T}"/>s, integers
/// <see cref="long"/>s, other numbers <see cref="double"/>s and secrets <see cref="SecretValue"/>s.
/// </summary>
internal static class ResolvedValues
{
    /// <summary>An expected object for <see cref="AssertTree"/>: these properties and no others.</summary>
    public static ImmutableDictionary<string, object?> Obj(params (string Name, object? Value)[] properties) =>
        properties.ToImmutableDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    /// <summary>
    /// Asserts that a resolved value is <paramref name="expected"/>: objects (<see cref="Obj"/>) with exactly the same
    /// properties, lists (any sequence but a string) with the same items in the same order, secrets
    /// (<see cref="SecretValue"/>) holding the same value, other values equal (mind <c>2L</c> against <c>2.0</c>).
    /// </summary>
    public static void AssertTree(object? expected, object? actual, string at = "value")
    {
        switch (expected)
        {
            case SecretValue secret:
                Assert.True(actual is SecretValue, $"{at} is {Describe(actual)}, not a secret");
                AssertTree(secret.Value, ((SecretValue)actual!).Value, at);
                break;
            case ImmutableDictionary<string, object?> map:
                Assert.True(actual is ImmutableDictionary<string, object?>, $"{at} is {Describe(actual)}, not an object");
                var actualMap = (ImmutableDictionary<string, object?>)actual!;
                Assert.True(
                    PropertyNames(map).SequenceEqual(PropertyNames(actualMap)),
                    $"{at} has the properties [{string.Join(", ", PropertyNames(actualMap))}], not [{string.Join(", ", PropertyNames(map))}]");
                foreach (var (name, value) in map)
                {
                    AssertTree(value, actualMap[name], $"{at}.{name}");
                }

                break;
            case IEnumerable list and not string:
                Assert.True(actual is ImmutableArray<object?>, $"{at} is {Describe(actual)}, not a list");
                var items = list.Cast<object?>().ToList();
                var actualItems = (ImmutableArray<object?>)actual!;
                Assert.True(items.Count == actualItems.Length, $"{at} has {actualItems.Length} items, not {items.Count}");
                for (var index = 0; index < items.Count; index++)
                {
                    AssertTree(items[index], actualItems[index], $"{at}[{index}]");
                }

                break;
            default:
                Assert.True(Equals(expected, actual), $"{at} is {Describe(actual)}, not {Describe(expected)}");
                break;
        }
    }

    /// <summary><paramref name="value"/> without its secret mark, if it has one.</summary>
    public static object? Unmarked(object? value) => value is SecretValue secret ? secret.Value : value;

    /// <summary>The object <paramref name="value"/> is (seen through a secret mark).</summary>
    public static ImmutableDictionary<string, object?> AsObject(object? value) => (ImmutableDictionary<string, object?>)Unmarked(value)!;

    /// <summary>The items of the list <paramref name="value"/> is (seen through a secret mark).</summary>
    public static IEnumerable<object?> AsList(object? value) => (ImmutableArray<object?>)Unmarked(value)!;

    /// <summary>The items of the list of objects <paramref name="value"/> is.</summary>
    public static IEnumerable<ImmutableDictionary<string, object?>> AsObjects(object? value) => AsList(value).Select(AsObject);

    /// <summary>The names of an object's properties, in ordinal order.</summary>
    public static IEnumerable<string> PropertyNames(ImmutableDictionary<string, object?> value) => value.Keys.Order(StringComparer.Ordinal);

    /// <summary>True when <paramref name="value"/> has a property named <paramref name="name"/>, at any depth.</summary>
    public static bool HasProperty(object? value, string name) => Unmarked(value) switch
    {
        ImmutableDictionary<string, object?> map => map.ContainsKey(name) || map.Values.Any(item => HasProperty(item, name)),
        ImmutableArray<object?> list => list.Any(item => HasProperty(item, name)),
        _ => false,
    };

    /// <summary>Every string <paramref name="value"/> holds, at any depth.</summary>
    public static IEnumerable<string> StringsIn(object? value) => Unmarked(value) switch
    {
        string text => [text],
        ImmutableDictionary<string, object?> map => map.Values.SelectMany(StringsIn),
        ImmutableArray<object?> list => list.SelectMany(StringsIn),
        _ => [],
    };


    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        _ => $"{value} ({value.GetType().Name})",
    };
}
