using System.Text.RegularExpressions;

namespace EdgeInfra;

/// <summary>The rule for logical names of resources and config keys in a synthesized program.</summary>
public static partial class LogicalNames
{
    /// <summary>The rule, as error messages state it.</summary>
    public const string Rule = "a letter, then letters, digits, '_' or '-' (at most 200 characters), not 'pulumi'";

    /// <summary>True when <paramref name="name"/> can be a logical name: Pulumi YAML references it as <c>${name}</c>.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 200 } && Pattern().IsMatch(name) && !string.Equals(name, "pulumi", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*\\z")]
    private static partial Regex Pattern();
}
