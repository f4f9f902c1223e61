using System.Globalization;

namespace EdgeInfra.Generator.Naming;

/// <summary>
/// Gives generated types distinct names within each namespace. Names are compared ignoring case, so that no two
/// generated files differ only by case (they would collide on Windows and macOS); a name taken is suffixed 2, 3, ….
/// </summary>
internal sealed class TypeNameScopes
{
    private readonly Dictionary<string, HashSet<string>> _taken = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="name"/> as unavailable in <paramref name="namespace"/> (a child namespace, or a fixed type).</summary>
    public void Reserve(string @namespace, string name) => Scope(@namespace).Add(name);

    /// <summary>Takes <paramref name="desired"/> in <paramref name="namespace"/>, or the first free <c>desired2</c>, <c>desired3</c>, ….</summary>
    public string Allocate(string @namespace, string desired)
    {
        var scope = Scope(@namespace);
        var name = desired;
        for (var number = 2; !scope.Add(name); number++)
        {
            name = desired + number.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private HashSet<string> Scope(string @namespace)
    {
        if (!_taken.TryGetValue(@namespace, out var scope))
        {
            scope = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _taken[@namespace] = scope;
        }

        return scope;
    }
}
