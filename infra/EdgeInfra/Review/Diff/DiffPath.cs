using System.Globalization;
using System.Text.RegularExpressions;
using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>
/// The path of a value inside a resource, written as Pulumi writes property paths: <c>tags.env</c>,
/// <c>securityRules[2].priority</c>, <c>tags["managed-by"]</c>; option paths start with <c>options.</c>.
/// </summary>
/// <param name="Text">The path as written.</param>
/// <param name="TopLevel">The top-level property (or option) the path is under; null for a root.</param>
internal sealed partial record DiffPath(string Text, string? TopLevel)
{
    /// <summary>The root of a resource's properties.</summary>
    public static readonly DiffPath Properties = new(string.Empty, null);

    /// <summary>The root of a resource's options.</summary>
    public static readonly DiffPath Options = new("options", null);

    /// <summary>The path of the entry <paramref name="key"/> under this one.</summary>
    public DiffPath Key(string key)
    {
        var segment = Identifier().IsMatch(key) ? key : "[" + YamlWriter.Quote(key) + "]";
        var text = Text.Length == 0 || segment[0] == '[' ? Text + segment : Text + "." + segment;
        return new DiffPath(text, TopLevel ?? key);
    }

    /// <summary>The path of the item <paramref name="index"/> under this one.</summary>
    public DiffPath Index(int index) => new(Text + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", TopLevel);

    /// <summary>True when this path is <paramref name="pattern"/> or lies under it (<c>*</c> covers every path).</summary>
    public bool IsUnder(string pattern) =>
        pattern == "*" || Text == pattern || IsBelow(Text, pattern);

    /// <summary>True when this path is <paramref name="pattern"/>, lies under it, or holds it.</summary>
    public bool Overlaps(string pattern) => IsUnder(pattern) || IsBelow(pattern, Text);

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool IsBelow(string path, string ancestor) =>
        ancestor.Length > 0
        && path.Length > ancestor.Length
        && path.StartsWith(ancestor, StringComparison.Ordinal)
        && path[ancestor.Length] is '.' or '[';

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*\\z")]
    private static partial Regex Identifier();
}
