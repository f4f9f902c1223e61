using System.Globalization;
using System.Text;

namespace EdgeInfra.Generator.Writing;

/// <summary>Literals and documentation text as C# source spells them.</summary>
internal static class CSharpLiteral
{
    /// <summary>A C# string literal of <paramref name="value"/>, with quotes, backslashes and control characters escaped.</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            switch (character)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (char.IsControl(character) || char.IsSurrogate(character) || character > '\u007e')
                    {
                        text.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(character);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A C# collection expression of string literals: <c>["a", "b"]</c>.</summary>
    public static string StringList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(String)) + "]";

    /// <summary><paramref name="value"/> as text of an XML documentation comment, with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
    public static string Xml(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary><paramref name="value"/> as documentation code: <c>&lt;c&gt;value&lt;/c&gt;</c>.</summary>
    public static string Code(string value) => "<c>" + Xml(value) + "</c>";
}
