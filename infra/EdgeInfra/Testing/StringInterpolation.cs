using System.Globalization;
using System.Text;

namespace EdgeInfra.Testing;

/// <summary>Makes the string of an interpolation from its evaluated parts.</summary>
internal static class StringInterpolation
{
    /// <summary>
    /// The parts concatenated: strings as they are, numbers in the invariant culture, booleans as <c>true</c> and
    /// <c>false</c>, null as nothing. When a part is or holds a secret, the string is a secret.
    /// </summary>
    /// <exception cref="InvalidOperationException">A part is a list, an object, a resource or an asset, which has no text.</exception>
    public static object Concatenate(IReadOnlyList<object?> parts)
    {
        var text = new StringBuilder();
        var isSecret = false;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = SecretValue.Reveal(parts[i], out var partIsSecret);
            isSecret |= partIsSecret;
            text.Append(part switch
            {
                null => string.Empty,
                string s => s,
                bool flag => flag ? "true" : "false",
                long integer => integer.ToString(CultureInfo.InvariantCulture),
                double number => number.ToString(CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException(
                    $"interpolated string: part {i} is {ValueText.KindOf(part)} ({ValueText.Render(part)}), which cannot be part of a string."),
            });
        }

        return SecretValue.WrapIf(isSecret, text.ToString())!;
    }
}
