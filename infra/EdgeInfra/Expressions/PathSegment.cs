using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeInfra.Expressions;

/// <summary>One step of a property path: a property name or a list index.</summary>
public sealed partial record PathSegment
{
    private PathSegment(string? name, int? index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>The property name, when this step selects a property.</summary>
    public string? Name { get; }

    /// <summary>The list index, when this step selects a list item.</summary>
    public int? Index { get; }

    /// <summary>A step that selects the property <paramref name="name"/>.</summary>
    public static PathSegment Property(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new PathSegment(name, null);
    }

    /// <summary>A step that selects the item at <paramref name="index"/>.</summary>
    public static PathSegment Item(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new PathSegment(null, index);
    }

    /// <summary>The step as Pulumi YAML writes it after a name: <c>.name</c>, <c>["odd-name"]</c> or <c>[3]</c>.</summary>
    public string Render()
    {
        if (Index is int index)
        {
            return "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        }

        return SimpleName().IsMatch(Name!) ? "." + Name : "[\"" + Name!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
    }

    /// <inheritdoc />
    public override string ToString() => Render();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z")]
    private static partial Regex SimpleName();
}
