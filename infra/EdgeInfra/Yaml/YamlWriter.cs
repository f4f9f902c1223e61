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
                AppendInline(text, root).Append('\n');
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
        return AppendQuoted(new StringBuilder(text.Length + 2), text).ToString();
    }

    /// <summary>Appends <paramref name="text"/> as a double-quoted YAML scalar (<see cref="Quote"/>) to <paramref name="quoted"/>.</summary>
    private static StringBuilder AppendQuoted(StringBuilder quoted, string text)
    {
        quoted.Append('"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and < '\x7f' and not '"' and not '\\')
            {
                // Printable ASCII other than the quote and backslash is written as is: copied in runs.
                continue;
            }

            quoted.Append(text, start, i - start);
            i = AppendEscaped(quoted, text, i);
            start = i + 1;
        }

        return quoted.Append(text, start, text.Length - start).Append('"');
    }

    /// <summary>Appends the character of <paramref name="text"/> at <paramref name="i"/> as <see cref="Quote"/> writes it; returns the index of the last character consumed.</summary>
    private static int AppendEscaped(StringBuilder quoted, string text, int i)
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

        return i;
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
            WriteKeyAndValue(text, key, value, indent);
        }
    }

    /// <summary>
    /// Appends one entry of a block mapping at <paramref name="indent"/>, as <see cref="Write"/> writes each entry of
    /// a mapping: a document written entry by entry is the same text as the document written whole.
    /// </summary>
    internal static void WriteEntry(StringBuilder text, string key, YamlValue value, int indent)
    {
        text.Append(' ', indent);
        WriteKeyAndValue(text, key, value, indent);
    }

    private static void WriteKeyAndValue(StringBuilder text, string key, YamlValue value, int indent)
    {
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
                AppendInline(text.Append(' '), value).Append('\n');
                break;
        }
    }

    private static StringBuilder AppendInline(StringBuilder text, YamlValue value) => value switch
    {
        YamlString s => AppendQuoted(text, s.Text),
        YamlPlain p => text.Append(p.Text),
        YamlMapping => text.Append("{}"),
        YamlSequence => text.Append("[]"),
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

    private static bool IsReserved(string key) => key.Length <= 5 && ReservedKeys.Contains(key);

    /// <summary>The keys YAML readers may take for booleans or null, in any case (<see cref="Key"/> checks them only for plain ASCII keys).</summary>
    private static readonly HashSet<string> ReservedKeys =
        new(["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z_]([A-Za-z0-9_./:-]*[A-Za-z0-9_])?\\z")]
    private static partial Regex PlainKey();
}
