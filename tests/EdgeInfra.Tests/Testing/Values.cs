using System.Collections.Immutable;

namespace EdgeInfra.Tests.Testing;

/// <summary>Builds expected evaluated values briefly.</summary>
internal static class Values
{
    public static ImmutableArray<object?> List(params object?[] items) => [.. items];

    public static ImmutableDictionary<string, object?> Map(params (string Key, object? Value)[] properties) =>
        properties.ToImmutableDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>True when two evaluated values are the same, lists and objects compared item by item.</summary>
    public static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (ImmutableArray<object?> a, ImmutableArray<object?> b) => a.Length == b.Length && a.Zip(b).All(p => Same(p.First, p.Second)),
        (ImmutableDictionary<string, object?> a, ImmutableDictionary<string, object?> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && Same(p.Value, v)),
        (EdgeInfra.Testing.SecretValue a, EdgeInfra.Testing.SecretValue b) => Same(a.Value, b.Value),
        (EdgeInfra.Testing.AssetValue a, EdgeInfra.Testing.AssetValue b) => a.Kind == b.Kind && Same(a.Value, b.Value),
        _ => Equals(expected, actual),
    };

    /// <summary>Asserts two evaluated values are the same, showing both when they are not.</summary>
    public static void AssertSame(object? expected, object? actual) =>
        Assert.True(Same(expected, actual), $"Expected {Show(expected)}\nActual   {Show(actual)}");

    private static string Show(object? value) => value switch
    {
        null => "null",
        ImmutableArray<object?> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        ImmutableDictionary<string, object?> map => "{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ": " + Show(p.Value))) + "}",
        EdgeInfra.Testing.SecretValue secret => "secret(" + Show(secret.Value) + ")",
        string text => "\"" + text + "\"",
        _ => $"{value} ({value.GetType().Name})",
    };
}
