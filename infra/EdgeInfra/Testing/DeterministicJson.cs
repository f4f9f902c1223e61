using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace EdgeInfra.Testing;

/// <summary>
/// JSON as <c>fn::toJSON</c> writes it (Go's <c>encoding/json</c>): no spaces, object keys in ordinal order,
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped, numbers in their shortest form.
/// </summary>
internal static class DeterministicJson
{
    private const string Hex = "0123456789abcdef";

    /// <summary>The JSON text of <paramref name="value"/>, which must hold no secret marks.</summary>
    /// <exception cref="InvalidOperationException">The value holds something JSON cannot state: a resource, an asset, a number that is not finite.</exception>
    public static string Serialize(object? value)
    {
        var json = new StringBuilder();
        Write(json, value);
        return json.ToString();
    }

    /// <summary>Writes <paramref name="text"/> as a JSON string, escaped as Go escapes it.</summary>
    public static void WriteString(StringBuilder json, string text)
    {
        json.Append('"');
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                json.Append("\\ufffd");
                i += Math.Max(length, 1);
                continue;
            }

            i += length;
            switch (rune.Value)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\b':
                    json.Append("\\b");
                    break;
                case '\f':
                    json.Append("\\f");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                case < 0x20 or '<' or '>' or '&':
                    json.Append("\\u00").Append(Hex[rune.Value >> 4]).Append(Hex[rune.Value & 0xF]);
                    break;
                case 0x2028 or 0x2029:
                    json.Append("\\u202").Append(Hex[rune.Value & 0xF]);
                    break;
                default:
                    json.Append(rune.ToString());
                    break;
            }
        }

        json.Append('"');
    }

    /// <summary>A number as Go writes a float64 in JSON: fixed notation from 1e-6 to 1e21, exponent notation outside.</summary>
    /// <exception cref="InvalidOperationException">The number is not finite.</exception>
    public static string FormatNumber(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new InvalidOperationException($"{number.ToString(CultureInfo.InvariantCulture)} is not a JSON number.");
        }

        if (number == 0)
        {
            return double.IsNegative(number) ? "-0" : "0";
        }

        var sign = number < 0 ? "-" : string.Empty;
        var magnitude = Math.Abs(number);
        var (digits, exponent) = ShortestDigits(magnitude);
        if (magnitude < 1e-6 || magnitude >= 1e21)
        {
            var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            var power = exponent - 1;
            var powerText = power < 0
                ? "-" + (-power).ToString(CultureInfo.InvariantCulture)
                : "+" + power.ToString("00", CultureInfo.InvariantCulture);
            return sign + mantissa + "e" + powerText;
        }

        if (exponent <= 0)
        {
            return sign + "0." + new string('0', -exponent) + digits;
        }

        return exponent >= digits.Length
            ? sign + digits + new string('0', exponent - digits.Length)
            : sign + digits[..exponent] + "." + digits[exponent..];
    }

    /// <summary>The shortest digits that read back as <paramref name="magnitude"/>, and where the decimal point goes: value = 0.digits × 10^exponent.</summary>
    private static (string Digits, int Exponent) ShortestDigits(double magnitude)
    {
        var text = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        var digits = whole + fraction;
        var position = whole.Length + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        return (digits.Trim('0'), position - leadingZeros);
    }

    private static void Write(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case string text:
                WriteString(json, text);
                break;
            case bool flag:
                json.Append(flag ? "true" : "false");
                break;
            case long integer:
                json.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                json.Append(FormatNumber(number));
                break;
            case ImmutableArray<object?> list:
                json.Append('[');
                for (var i = 0; i < list.Length; i++)
                {
                    json.Append(i == 0 ? string.Empty : ",");
                    Write(json, list[i]);
                }

                json.Append(']');
                break;
            case ImmutableDictionary<string, object?> map:
                json.Append('{');
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    json.Append(first ? string.Empty : ",");
                    WriteString(json, key);
                    json.Append(':');
                    Write(json, map[key]);
                    first = false;
                }

                json.Append('}');
                break;
            default:
                throw new InvalidOperationException($"{ValueText.KindOf(value)} ({ValueText.Render(value)}) cannot be written as JSON.");
        }
    }
}
