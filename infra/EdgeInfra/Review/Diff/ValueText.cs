using System.Text;
using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>
/// Values as short inline YAML: strings double-quoted, numbers and booleans as is, <c>{key: value}</c> and
/// <c>[item]</c>; every <c>fn::secret</c> as <c>[secret]</c>; long values cut with <c>…</c>.
/// </summary>
internal static class ValueText
{
    /// <summary>What a secret shows instead of its value.</summary>
    public const string Secret = "[secret]";

    /// <summary><paramref name="value"/> on one line, at most <paramref name="maxLength"/> characters plus the <c>…</c>.</summary>
    public static string Inline(YamlValue value, int maxLength)
    {
        var text = new StringBuilder();
        Append(text, value);
        if (text.Length <= maxLength)
        {
            return text.ToString();
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text.ToString(0, cut) + "…";
    }

    private static void Append(StringBuilder text, YamlValue value)
    {
        switch (value)
        {
            case var _ when YamlTree.IsSecret(value):
                text.Append(Secret);
                break;
            case YamlString s:
                text.Append(YamlWriter.Quote(s.Text));
                break;
            case YamlPlain p:
                text.Append(p.Text);
                break;
            case YamlSequence sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty);
                    Append(text, sequence.Items[i]);
                }

                text.Append(']');
                break;
            case YamlMapping mapping:
                text.Append('{');
                for (var i = 0; i < mapping.Entries.Length; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty).Append(YamlWriter.Key(mapping.Entries[i].Key)).Append(": ");
                    Append(text, mapping.Entries[i].Value);
                }

                text.Append('}');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, null);
        }
    }
}
