using System.Globalization;
using System.Text;

namespace EdgeInfra.Schemas;

/// <summary>
/// Parses Pulumi YAML string interpolation: <c>$$</c> is an escaped <c>$</c>; <c>${root.path}</c> is a reference whose
/// path is made of <c>.name</c>, <c>[0]</c> and <c>["key"]</c> accessors.
/// </summary>
internal static class InterpolationParser
{
    /// <summary>Parses a string into literal text and references.</summary>
    /// <param name="value">The string.</param>
    /// <param name="parts">The parts; text-only strings give a single part without reference.</param>
    /// <param name="error">Why the string is malformed, or null.</param>
    /// <returns>True when the string is well formed.</returns>
    public static bool TryParse(string value, out IReadOnlyList<InterpolationPart> parts, out string? error)
    {
        var result = new List<InterpolationPart>();
        var text = new StringBuilder();
        int position = 0;
        while (position < value.Length)
        {
            if (value.AsSpan(position).StartsWith("$$", StringComparison.Ordinal))
            {
                text.Append('$');
                position += 2;
            }
            else if (value.AsSpan(position).StartsWith("${", StringComparison.Ordinal))
            {
                int start = position;
                if (!TryParseAccess(value, position + 2, out List<PropertyAccessor> accessors, out position, out error))
                {
                    parts = [];
                    return false;
                }

                string source = value[start..position];
                if (accessors.Count == 0 || accessors[0].Name is null)
                {
                    parts = [];
                    error = $"{source} does not start with a name";
                    return false;
                }

                result.Add(new InterpolationPart(text.ToString(), new PropertyAccess(accessors[0].Name!, accessors.Skip(1).ToList(), source)));
                text.Clear();
            }
            else
            {
                text.Append(value[position]);
                position++;
            }
        }

        if (text.Length > 0 || result.Count == 0)
        {
            result.Add(new InterpolationPart(text.ToString(), null));
        }

        parts = result;
        error = null;
        return true;
    }

    /// <summary>True when the string holds a reference (a <c>${</c> that is not an escaped <c>$$</c>).</summary>
    public static bool HasReference(IReadOnlyList<InterpolationPart> parts) => parts.Any(part => part.Access is not null);

    private static bool TryParseAccess(string value, int position, out List<PropertyAccessor> accessors, out int end, out string? error)
    {
        accessors = [];
        end = position;
        while (position < value.Length)
        {
            char next = value[position];
            if (next == '}')
            {
                end = position + 1;
                error = null;
                return true;
            }

            if (next == '.')
            {
                position++;
                int nameEnd = NameEnd(value, position);
                if (nameEnd == position)
                {
                    error = $"empty property name after '.' in \"{value}\"";
                    return false;
                }

                accessors.Add(new PropertyAccessor(value[position..nameEnd], null));
                position = nameEnd;
            }
            else if (next == '[')
            {
                if (position + 1 < value.Length && value[position + 1] == '"')
                {
                    if (!TryParseQuotedKey(value, position + 2, out string key, out position, out error))
                    {
                        return false;
                    }

                    accessors.Add(new PropertyAccessor(key, null));
                }
                else
                {
                    int close = value.IndexOf(']', position);
                    if (close < 0)
                    {
                        error = $"missing ']' in \"{value}\"";
                        return false;
                    }

                    string digits = value[(position + 1)..close];
                    if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                    {
                        error = $"invalid list index [{digits}] in \"{value}\"";
                        return false;
                    }

                    accessors.Add(new PropertyAccessor(null, index));
                    position = close + 1;
                }
            }
            else
            {
                int nameEnd = NameEnd(value, position);
                accessors.Add(new PropertyAccessor(value[position..nameEnd], null));
                position = nameEnd;
            }
        }

        error = $"unterminated interpolation (missing '}}') in \"{value}\"";
        return false;
    }

    private static bool TryParseQuotedKey(string value, int position, out string key, out int end, out string? error)
    {
        var builder = new StringBuilder();
        while (position < value.Length)
        {
            char next = value[position];
            if (next == '"')
            {
                if (position + 1 >= value.Length || value[position + 1] != ']')
                {
                    break;
                }

                key = builder.ToString();
                end = position + 2;
                error = null;
                return true;
            }

            if (next == '\\' && position + 1 < value.Length && value[position + 1] == '"')
            {
                builder.Append('"');
                position += 2;
            }
            else
            {
                builder.Append(next);
                position++;
            }
        }

        key = string.Empty;
        end = position;
        error = $"unterminated [\"key\"] in \"{value}\"";
        return false;
    }

    private static int NameEnd(string value, int position)
    {
        while (position < value.Length && value[position] is not ('.' or '[' or '}'))
        {
            position++;
        }

        return position;
    }
}
