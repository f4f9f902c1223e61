namespace EdgeInfra.Generator.Naming;

/// <summary>Gives the members of one generated class distinct C# names.</summary>
internal static class MemberNames
{
    /// <summary>
    /// The C# name of each of <paramref name="names"/>, taken in ordinal order: its PascalCase form, or when that
    /// equals <paramref name="typeName"/>, a <paramref name="reserved"/> name or a name already given, that form
    /// with <c>Value</c> appended, then <c>Value2</c>, <c>Value3</c>, ….
    /// </summary>
    public static IReadOnlyDictionary<string, string> Allocate(IEnumerable<string> names, string typeName, IReadOnlySet<string> reserved)
    {
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal) { typeName };
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var candidate = Identifiers.PascalCase(name);
            result[name] = Unique(candidate, taken);
        }

        return result;
    }

    /// <summary><paramref name="candidate"/>, or with <c>Value</c>, <c>Value2</c>, … appended until it is not in <paramref name="taken"/>; the result is added to it.</summary>
    public static string Unique(string candidate, HashSet<string> taken)
    {
        var name = candidate;
        for (var number = 1; !taken.Add(name); number++)
        {
            name = candidate + "Value" + (number == 1 ? string.Empty : number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return name;
    }
}
