using System.Collections.Immutable;
using EdgeInfra.Expressions;

namespace EdgeInfra.Testing;

/// <summary>Follows a property path into an evaluated value, keeping secrets secret.</summary>
internal static class ValuePaths
{
    /// <summary>
    /// The value at <paramref name="path"/> in <paramref name="value"/>: a missing property, or any step from null,
    /// is null; a value reached through a secret is a secret.
    /// </summary>
    /// <exception cref="InvalidOperationException">A step selects a property of something that is no object, or an item that is not in the list.</exception>
    public static object? Navigate(object? value, PropertyPath path)
    {
        var isSecret = false;
        foreach (var segment in path.Segments)
        {
            if (value is SecretValue secret)
            {
                isSecret = true;
                value = secret.Value;
            }

            value = value switch
            {
                null => null,
                ImmutableDictionary<string, object?> map when segment.Name is string name => map.GetValueOrDefault(name),
                ImmutableArray<object?> list when segment.Index is int index => index < list.Length
                    ? list[index]
                    : throw new InvalidOperationException($"index {index} is out of range of a list of length {list.Length} (at '{segment.Render()}')."),
                _ => throw new InvalidOperationException(
                    $"cannot select '{segment.Render()}' of {ValueText.KindOf(value)} ({ValueText.Render(value)})."),
            };
        }

        return value is null ? null : SecretValue.WrapIf(isSecret, value);
    }
}
