using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeInfra.Yaml;

/// <summary>
/// Writes YAML deterministically: two-space indentation, entries in the order given, strings double-quoted (or as
/// literal blocks when multi-line and safe), so no YAML reader re-types a string as a number, a boolean or null.
/// </summary>
public static partial class YamlWriter
{
    /// <summary>The longest key YAML lets a block mapping write as an implicit key (<c>key: value</c>), in characters.</summary>
    private const int MaxImplicitKeyLength = 1024;

    /// <summary>The document <paramref name="root"/> as YAML text, ending with a newline.</summary>
    public static string Write(YamlValue root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        switch (root)
        {
            case YamlMapping { Entries.Length: > 0 } mapping:
                WriteMappingEntries(text, mapping, 0);
                break;
            case YamlSequence { Items.Length: > 0 } sequence:
                WriteSequenceItems(text, sequence, 0);
                break;
            default:
                text.Append(Inline(root)).Append('\n');
                break;
        }

        return text.ToString();
    }

    /// <summary>A mapping key, plain when YAML cannot mistake it, double-quoted otherwise.</summary>
    public static string Key(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return PlainKey().IsMatch(key) && !IsReserved(key) ? key : Quote(key);
    }

    /// <summary>A string as a double-quoted YAML scalar.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case var _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    if (IsNoncharacter(codePoint))
                    {
                        quoted.Append("\\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c).Append(text[i + 1]);
                    }

                    i++;
                    break;
                case var _ when char.IsSurrogate(c):
                    throw new ArgumentException($"The string has a lone surrogate at {i}; it is not valid Unicode text.", nameof(text));
                case var _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' || IsNoncharacter(c):
                    quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static void WriteMappingEntries(StringBuilder text, YamlMapping mapping, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in mapping.Entries)
        {
            if (!(first && firstInline))
            {
                text.Append(' ', indent);
            }

            first = false;
            var written = Key(key);
            if (written.Length > MaxImplicitKeyLength)
            {
                // YAML 1.2 (7.4.2, 8.2.2) limits an implicit key to 1024 characters; a longer one is an explicit key.
                text.Append("? ").Append(written).Append('\n').Append(' ', indent);
            }
            else
            {
                text.Append(written);
            }

            text.Append(':');
            WriteValueAfterIndicator(text, value, indent);
        }
    }

    private static void WriteSequenceItems(StringBuilder text, YamlSequence sequence, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var item in sequence.Items)
        {
            if (!(first && firstInline))
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append('-');
            switch (item)
            {
                case YamlMapping { Entries.Length: > 0 } mapping:
                    text.Append(' ');
                    WriteMappingEntries(text, mapping, indent + 2, firstInline: true);
                    break;
                case YamlSequence { Items.Length: > 0 } nested:
                    text.Append(' ');
                    WriteSequenceItems(text, nested, indent + 2, firstInline: true);
                    break;
                default:
                    WriteValueAfterIndicator(text, item, indent);
                    break;
            }
        }
    }

    private static void WriteValueAfterIndicator(StringBuilder text, YamlValue value, int indent)
    {
        switch (value)
        {
            case YamlMapping { Entries.Length: > 0 } mapping:
                text.Append('\n');
                WriteMappingEntries(text, mapping, indent + 2);
                break;
            case YamlSequence { Items.Length: > 0 } sequence:
                text.Append('\n');
                WriteSequenceItems(text, sequence, indent + 2);
                break;
            case YamlString { Text: var s } when LiteralBlockHeader(s) is string header:
                text.Append(' ').Append(header).Append('\n');
                foreach (var line in s.TrimEnd('\n').Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        text.Append(' ', indent + 2).Append(line);
                    }

                    text.Append('\n');
                }

                break;
            default:
                text.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static string Inline(YamlValue value) => value switch
    {
        YamlString s => Quote(s.Text),
        YamlPlain p => p.Text,
        YamlMapping => "{}",
        YamlSequence => "[]",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>
    /// The header of a literal block for <paramref name="text"/> (<c>|</c> or <c>|-</c>), or null when the
    /// string is single-line or a literal block could not carry it exactly.
    /// </summary>
    private static string? LiteralBlockHeader(string text)
    {
        var body = text.EndsWith('\n') ? text[..^1] : text;
        if (!body.Contains('\n') || body.EndsWith('\n') || body.Length == 0 || body[0] is ' ' or '\t' or '\n')
        {
            return null;
        }

        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0 && line[^1] is ' ' or '\t')
            {
                return null;
            }

            foreach (var c in line)
            {
                if (c != '\t' && char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085' || char.IsSurrogate(c) || IsNoncharacter(c))
                {
                    return null;
                }
            }
        }

        return text.EndsWith('\n') ? "|" : "|-";
    }

    /// <summary>
    /// A Unicode noncharacter (U+FDD0–U+FDEF and the last two code points of every plane). U+FFFE and U+FFFF are outside
    /// YAML's printable set, so a reader refuses them unescaped; the others are escaped too, so no program carries one raw.
    /// </summary>
    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static bool IsReserved(string key) => key.ToLowerInvariant() is "true" or "false" or "null" or "yes" or "no" or "on" or "off" or "y" or "n" or "~";

    [GeneratedRegex("^[A-Za-z_]([A-Za-z0-9_./:-]*[A-Za-z0-9_])?\\z")]
    private static partial Regex PlainKey();
}
