namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The rule-tree JSON document (<c>{"rules": {...}}</c>) as a tree of ordinal-sorted dictionaries, lists and leaves
/// (plain values, inputs, <see cref="JsonIntegerFromText"/>), and its conversion to the value given to <c>fn::toJSON</c>.
/// </summary>
internal static class RuleTreeDocument
{
    /// <summary>The document of the tree whose default rule is <paramref name="defaultRule"/>.</summary>
    public static SortedDictionary<string, object?> Of(Rule defaultRule) =>
        new(StringComparer.Ordinal) { ["rules"] = RuleNode(defaultRule, isDefault: true) };

    /// <summary>True when <paramref name="node"/> holds a <see cref="JsonIntegerFromText"/> that is not known at synthesis.</summary>
    public static bool HasDeployTimeIntegers(object? node) => node switch
    {
        JsonIntegerFromText integer => !RuleTreeValues.TryKnown(integer.Text, out _),
        SortedDictionary<string, object?> dictionary => dictionary.Values.Any(HasDeployTimeIntegers),
        List<object?> list => list.Any(HasDeployTimeIntegers),
        _ => false,
    };

    /// <summary>
    /// <paramref name="node"/> as a value for <c>fn::toJSON</c>: dictionaries become <see cref="PropertyMap"/>s, an
    /// integer known at synthesis a number, and a deploy-time one its marked string (see <see cref="JsonIntegerFromText"/>).
    /// </summary>
    public static object? ToSerializable(object? node)
    {
        switch (node)
        {
            case JsonIntegerFromText integer:
                if (RuleTreeValues.TryKnown(integer.Text, out var known) && known is string text)
                {
                    return long.Parse(text.StartsWith(integer.Prefix, StringComparison.Ordinal) ? text[integer.Prefix.Length..] : text, System.Globalization.CultureInfo.InvariantCulture);
                }

                return integer.Marked();
            case SortedDictionary<string, object?> dictionary:
                var map = new PropertyMap();
                foreach (var (key, value) in dictionary)
                {
                    map[key] = ToSerializable(value);
                }

                return map;
            case List<object?> list:
                return list.Select(ToSerializable).ToList();
            default:
                return node;
        }
    }

    private static SortedDictionary<string, object?> RuleNode(Rule rule, bool isDefault)
    {
        var node = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = rule.Name,
            ["behaviors"] = rule.Behaviors.Select(b => Item(b.Name, b.Options)).ToList<object?>(),
            ["children"] = rule.Children.Select(c => RuleNode(c, isDefault: false)).ToList<object?>(),
        };
        if (rule.Comments is not null)
        {
            node["comments"] = rule.Comments;
        }

        if (!isDefault)
        {
            node["criteria"] = rule.Criteria.Select(c => Item(c.Name, c.Options)).ToList<object?>();
            node["criteriaMustSatisfy"] = rule.CriteriaMustSatisfy == CriteriaMatch.Any ? "any" : "all";
        }

        if (isDefault && rule.Variables.Count > 0)
        {
            node["variables"] = rule.Variables.Select(VariableNode).ToList<object?>();
        }

        if (isDefault && rule.IsSecure is { } isSecure)
        {
            node["options"] = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["is_secure"] = isSecure };
        }

        return node;
    }

    private static SortedDictionary<string, object?> Item(string name, IReadOnlyDictionary<string, object?> options) =>
        new(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["options"] = RuleTreeValues.Normalize(options),
        };

    private static SortedDictionary<string, object?> VariableNode(RuleVariable variable) =>
        new(StringComparer.Ordinal)
        {
            ["name"] = variable.Name,
            ["value"] = variable.Value,
            ["description"] = variable.Description,
            ["hidden"] = variable.Hidden,
            ["sensitive"] = variable.Sensitive,
        };
}
