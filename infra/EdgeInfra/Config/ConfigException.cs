namespace EdgeInfra;

/// <summary>A stack config value is missing or cannot be read as the program asks.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception for <paramref name="fullKey"/> with <paramref name="message"/>.</summary>
    public ConfigException(string fullKey, string message)
        : base(message) => Key = fullKey;

    /// <summary>
    /// <paramref name="value"/> as an error message shows it: in single quotes, control and bidirectional characters
    /// escaped (<c>\n</c>, <c>\u001b</c>, …), shortened to 80 characters with "…" and its full length.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        const int Max = 80;
        var builder = new System.Text.StringBuilder("'");
        foreach (var c in value.Length > Max ? value[..Max] : value)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\'' => "\\'",
                '\\' => "\\\\",
                _ when char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                    => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        builder.Append('\'');
        if (value.Length > Max)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }

        return builder.ToString();
    }

    /// <summary>The full config key, e.g. <c>edge-infra:location</c>.</summary>
    public string Key { get; }
}
