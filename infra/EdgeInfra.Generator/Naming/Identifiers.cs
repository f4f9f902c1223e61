using System.Text;

namespace EdgeInfra.Generator.Naming;

/// <summary>Turns schema names into C# identifiers: PascalCase, sanitized, keyword-safe.</summary>
internal static class Identifiers
{
    /// <summary>
    /// The PascalCase identifier of <paramref name="name"/>: characters that cannot be in an identifier are dropped
    /// and the letter after them is capitalized (<c>vm-size</c> → <c>VmSize</c>), the first letter is capitalized,
    /// a leading digit gets a <c>_</c> prefix, and an empty result becomes <c>Value</c>.
    /// </summary>
    public static string PascalCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 1);
        var capitalizeNext = true;
        foreach (var character in name)
        {
            if (!IsIdentifierPart(character))
            {
                capitalizeNext = true;
                continue;
            }

            text.Append(capitalizeNext ? char.ToUpperInvariant(character) : character);
            capitalizeNext = false;
        }

        if (text.Length == 0)
        {
            return "Value";
        }

        if (char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return Escape(text.ToString());
    }

    /// <summary><paramref name="identifier"/> prefixed with <c>@</c> when it is a C# keyword.</summary>
    public static string Escape(string identifier) =>
        CSharpKeywords.IsKeyword(identifier) ? "@" + identifier : identifier;

    private static bool IsIdentifierPart(char character) => char.IsAsciiLetterOrDigit(character) || character == '_';
}
