using System.Collections;
using System.Globalization;
using System.Text.Json;
using EdgeInfra.Akamai;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Expressions;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// An Akamai property's rule tree as the edge rules read it: for a property an <see cref="EdgeProperty"/> created, its
/// typed <see cref="EdgeProperty.RuleTree"/>; for any other <c>akamai:index/property:Property</c>, its <c>rules</c> input
/// when that is JSON known at synthesis. Option values are plain (strings, booleans, integers as <see cref="long"/>,
/// lists, string-keyed dictionaries, null); a value known only at deploy time is its <see cref="Expression"/>. Non-secret
/// config references are resolved to the stack's value, as <see cref="StackGraph.ValueOf{T}"/> does.
/// </summary>
/// <param name="Resource">The property resource.</param>
/// <param name="Args">Its typed inputs.</param>
/// <param name="Default">The default rule, or null when the rules cannot be read at synthesis (see <paramref name="Unreadable"/>).</param>
/// <param name="Variables">The default rule's user variables.</param>
/// <param name="Unreadable">Why the rules cannot be read (unset, deploy-time, not JSON), or null.</param>
internal sealed record EdgePropertyView(Property Resource, PropertyArgs Args, EdgeRuleView? Default, IReadOnlyList<EdgeRuleVariable> Variables, string? Unreadable)
{
    /// <summary>Every property of <paramref name="graph"/>, in program order.</summary>
    public static IEnumerable<EdgePropertyView> All(StackGraph graph)
    {
        var typed = new Dictionary<Resource, RuleTree>(ReferenceEqualityComparer.Instance);
        foreach (var component in graph.Resources.OfType<EdgeProperty>())
        {
            typed[component.Property] = component.RuleTree;
        }

        foreach (var property in graph.ResourcesOf<Property>())
        {
            var args = graph.InputsOf<PropertyArgs>(property);
            if (typed.TryGetValue(property, out var tree))
            {
                yield return new EdgePropertyView(property, args, EdgeRuleView.FromTyped(graph, tree.Default, "rules", isDefault: true), [.. tree.Default.Variables.Select(v => EdgeRuleVariable.FromTyped(graph, v))], null);
                continue;
            }

            var rules = graph.ValueOf(args.Rules);
            if (!rules.IsKnown)
            {
                yield return new EdgePropertyView(property, args, null, [], rules.IsUnset
                    ? "rules is unset (Akamai's product defaults apply, which the program does not show)"
                    : "rules is a deploy-time value");
                continue;
            }

            yield return FromJson(property, args, rules.Value);
        }
    }

    /// <summary>The served hostnames (<c>hostnames[].cnameFrom</c>): known names as strings, others as their expression.</summary>
    public IReadOnlyList<object?> ServedHostnames(StackGraph graph) =>
        [.. PolicyChecks.Items(Args.Hostnames).Select(hostname => EdgeValues.Of(graph, hostname.CnameFrom))];

    /// <summary>Every rule of the tree, the default rule first, depth first; empty when the rules cannot be read.</summary>
    public IEnumerable<EdgeRuleView> Rules() => Default?.DescendantsAndSelf() ?? [];

    private static EdgePropertyView FromJson(Property property, PropertyArgs args, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Object)
            {
                return new EdgePropertyView(property, args, null, [], "rules is not a rule tree: a JSON object with a 'rules' object");
            }

            var variables = rules.TryGetProperty("variables", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).Select(EdgeRuleVariable.FromJson).ToList()
                : [];
            return new EdgePropertyView(property, args, EdgeRuleView.FromJson(rules, "rules"), variables, null);
        }
        catch (JsonException exception)
        {
            return new EdgePropertyView(property, args, null, [], $"rules is not valid JSON ({exception.Message})");
        }
    }
}

/// <summary>A rule of a property's rule tree (see <see cref="EdgePropertyView"/>).</summary>
/// <param name="Path">Its place in the tree: <c>rules</c> for the default rule, <c>rules.children[0]</c> and so on.</param>
/// <param name="Name">Its name.</param>
/// <param name="Criteria">Its match conditions.</param>
/// <param name="MatchAny">True when any criterion suffices (<c>criteriaMustSatisfy: any</c>).</param>
/// <param name="Behaviors">Its behaviors.</param>
/// <param name="Children">Its child rules.</param>
internal sealed record EdgeRuleView(string Path, string Name, IReadOnlyList<EdgeRuleItem> Criteria, bool MatchAny, IReadOnlyList<EdgeRuleItem> Behaviors, IReadOnlyList<EdgeRuleView> Children)
{
    /// <summary>Whether this is the default rule, which applies to every request.</summary>
    public bool IsDefault => Path == "rules";

    /// <summary>How messages name the rule.</summary>
    public string Label => IsDefault ? "the default rule" : $"rule '{Name}' ({Path})";

    /// <summary>This rule and every rule under it, depth first.</summary>
    public IEnumerable<EdgeRuleView> DescendantsAndSelf() => [this, .. Children.SelectMany(child => child.DescendantsAndSelf())];

    /// <summary>This rule's behaviors named <paramref name="name"/>, with their paths.</summary>
    public IEnumerable<(EdgeRuleItem Behavior, string Path)> BehaviorsNamed(string name) =>
        Behaviors.Select((behavior, i) => (behavior, $"{Path}.behaviors[{i.ToString(CultureInfo.InvariantCulture)}]")).Where(pair => pair.behavior.Name == name);

    /// <summary>The rules under the default rule that apply to every request: reached through rules without criteria.</summary>
    public IEnumerable<EdgeRuleView> Unconditional() =>
        [this, .. Children.Where(child => child.Criteria.Count == 0).SelectMany(child => child.Unconditional())];

    /// <summary>The view of a typed rule.</summary>
    public static EdgeRuleView FromTyped(StackGraph graph, Rule rule, string path, bool isDefault) => new(
        path,
        rule.Name,
        isDefault ? [] : [.. rule.Criteria.Select(c => new EdgeRuleItem(c.Name, EdgeValues.Dictionary(graph, c.Options)))],
        rule.CriteriaMustSatisfy == CriteriaMatch.Any,
        [.. rule.Behaviors.Select(b => new EdgeRuleItem(b.Name, EdgeValues.Dictionary(graph, b.Options)))],
        [.. rule.Children.Select((child, i) => FromTyped(graph, child, $"{path}.children[{i.ToString(CultureInfo.InvariantCulture)}]", isDefault: false))]);

    /// <summary>The view of a rule stated as JSON.</summary>
    public static EdgeRuleView FromJson(JsonElement rule, string path) => new(
        path,
        rule.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "",
        Items(rule, "criteria"),
        rule.TryGetProperty("criteriaMustSatisfy", out var match) && match.ValueKind == JsonValueKind.String && match.GetString() == "any",
        Items(rule, "behaviors"),
        rule.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array
            ? [.. children.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select((child, i) => FromJson(child, $"{path}.children[{i.ToString(CultureInfo.InvariantCulture)}]"))]
            : []);

    private static List<EdgeRuleItem> Items(JsonElement rule, string member) =>
        rule.TryGetProperty(member, out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(item => new EdgeRuleItem(
                item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "",
                item.TryGetProperty("options", out var options) && EdgeValues.FromJson(options) is IReadOnlyDictionary<string, object?> dictionary ? dictionary : new SortedDictionary<string, object?>(StringComparer.Ordinal)))]
            : [];
}

/// <summary>A behavior or criterion: its name and options (see <see cref="EdgePropertyView"/> for the values).</summary>
/// <param name="Name">The behavior's or criterion's name.</param>
/// <param name="Options">Its options.</param>
internal sealed record EdgeRuleItem(string Name, IReadOnlyDictionary<string, object?> Options)
{
    /// <summary>The option at the dotted <paramref name="path"/> (e.g. <c>ssmap.value</c>), or null when absent.</summary>
    public object? Option(string path)
    {
        object? current = Options;
        foreach (var part in path.Split('.'))
        {
            if (current is not IReadOnlyDictionary<string, object?> dictionary || !dictionary.TryGetValue(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Whether the option <paramref name="path"/> is the boolean true.</summary>
    public bool IsTrue(string path) => Option(path) is true;

    /// <summary>The option <paramref name="path"/> when it is a string, else null.</summary>
    public string? Text(string path) => Option(path) as string;

    /// <summary>The option <paramref name="path"/> as a list (empty when absent or not a list).</summary>
    public IReadOnlyList<object?> List(string path) => Option(path) as IReadOnlyList<object?> ?? [];
}

/// <summary>A user variable of the default rule.</summary>
/// <param name="Name">Its name (<c>PMUSER_…</c>).</param>
/// <param name="Value">Its initial value (see <see cref="EdgePropertyView"/>).</param>
/// <param name="ValueExpression">The value as the program states it, for a typed rule tree; null for JSON.</param>
/// <param name="Hidden">Whether it is hidden.</param>
/// <param name="Sensitive">Whether it is sensitive.</param>
internal sealed record EdgeRuleVariable(string Name, object? Value, Expression? ValueExpression, bool Hidden, bool Sensitive)
{
    /// <summary>The view of a typed variable.</summary>
    public static EdgeRuleVariable FromTyped(StackGraph graph, RuleVariable variable) =>
        new(variable.Name, EdgeValues.Of(graph, variable.Value), variable.Value.ToExpression(), variable.Hidden, variable.Sensitive);

    /// <summary>The view of a variable stated as JSON.</summary>
    public static EdgeRuleVariable FromJson(JsonElement variable) => new(
        variable.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "",
        variable.TryGetProperty("value", out var value) ? EdgeValues.FromJson(value) : null,
        null,
        variable.TryGetProperty("hidden", out var hidden) && hidden.ValueKind == JsonValueKind.True,
        variable.TryGetProperty("sensitive", out var sensitive) && sensitive.ValueKind == JsonValueKind.True);
}

/// <summary>Reads the values of rule trees and resource inputs the way the edge rules compare them.</summary>
internal static class EdgeValues
{
    /// <summary>
    /// <paramref name="input"/> as a plain value, or its expression when it is known only at deploy time; a non-secret
    /// config reference (with a path such as <c>${hostnames[0]}</c>) is the stack's value.
    /// </summary>
    public static object? Of(StackGraph graph, IInput? input) => input is null ? null : FromExpression(graph, input.ToExpression());

    /// <summary>The plain form of a typed rule tree's option value (see <see cref="Of"/>).</summary>
    public static object? FromTyped(StackGraph graph, object? value) => value switch
    {
        null => null,
        string or bool or long or double => value,
        int number => (long)number,
        IInput input => Of(graph, input),
        JsonIntegerFromText integer => Of(graph, integer.Text) switch
        {
            string text when long.TryParse(text.StartsWith(integer.Prefix, StringComparison.Ordinal) ? text[integer.Prefix.Length..] : text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            var other => other,
        },
        IDictionary dictionary => Dictionary(graph, Entries(dictionary)),
        IEnumerable sequence => sequence.Cast<object?>().Select(item => FromTyped(graph, item)).ToList(),
        _ => value,
    };

    private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new KeyValuePair<string, object?>((string)entry.Key, entry.Value);
        }
    }

    /// <summary>The plain form of typed options.</summary>
    public static IReadOnlyDictionary<string, object?> Dictionary(StackGraph graph, IEnumerable<KeyValuePair<string, object?>> options)
    {
        var result = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in options)
        {
            if (value is not null)
            {
                result[key] = FromTyped(graph, value);
            }
        }

        return result;
    }

    /// <summary>The plain form of a JSON value; of a key given twice in an object the last one counts, as in JSON.parse.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var number) ? number : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => ObjectFromJson(element),
        _ => null,
    };

    private static SortedDictionary<string, object?> ObjectFromJson(JsonElement element)
    {
        var properties = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            properties[property.Name] = FromJson(property.Value);
        }

        return properties;
    }

    /// <summary>
    /// How a value is shown in a message: quoted text, lowercase booleans, lists in brackets, "unset", a reference to
    /// another resource's output in the program's notation (<c>${origin-pip.dnsSettings.fqdn}</c>), "a deploy-time value".
    /// </summary>
    public static string Show(object? value) => value switch
    {
        null => "unset",
        ResourceReferenceExpression reference => $"${{{reference.Resource.LogicalName}{reference.Path.Render()}}}",
        Expression => "a deploy-time value",
        string text => $"'{text}'",
        bool flag => flag ? "true" : "false",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The resources an expression refers to.</summary>
    public static IEnumerable<Resource> References(Expression expression) =>
        expression.DescendantsAndSelf().OfType<ResourceReferenceExpression>().Select(reference => reference.Resource);

    /// <summary>Whether two expressions state the same value: the same literal, reference, config key or the same call of the same parts.</summary>
    public static bool Same(Expression a, Expression b) => (a, b) switch
    {
        (LiteralExpression x, LiteralExpression y) => Equals(x.Value, y.Value),
        (ResourceReferenceExpression x, ResourceReferenceExpression y) => ReferenceEquals(x.Resource, y.Resource) && x.Path.Equals(y.Path),
        (ConfigReferenceExpression x, ConfigReferenceExpression y) => x.Key == y.Key && x.Path.Equals(y.Path),
        _ => a.GetType() == b.GetType()
            && a.Describe() == b.Describe()
            && a.Children.Count() == b.Children.Count()
            && a.Children.Zip(b.Children).All(pair => Same(pair.First, pair.Second)),
    };

    /// <summary>
    /// Whether <paramref name="expression"/> carries a secret: a <c>fn::secret</c>, a secret config value, or an output
    /// the provider schema (or <c>additionalSecretOutputs</c>) marks secret, such as a <c>random</c> password's <c>result</c>.
    /// </summary>
    public static bool IsSecret(StackGraph graph, Expression expression) => expression.DescendantsAndSelf().Any(part => part switch
    {
        BuiltinCallExpression { Function: BuiltinFunction.Secret } => true,
        ConfigReferenceExpression config => config.IsSecret,
        ResourceReferenceExpression { Resource: CustomResource resource } reference => reference.Path.Segments.FirstOrDefault()?.Name is { } output
            && ((resource.GetResourceMetadata()?.SecretOutputs.Contains(output) ?? false)
                || (graph.Options.TryGetValue(resource, out var options) && options.AdditionalSecretOutputs.Contains(output))),
        _ => false,
    });

    private static object? FromExpression(StackGraph graph, Expression expression) => expression switch
    {
        LiteralExpression literal => literal.Value,
        ListExpression list => list.Items.Select(item => FromExpression(graph, item)).ToList(),
        ObjectExpression objectExpression => new SortedDictionary<string, object?>(objectExpression.Properties.ToDictionary(p => p.Key, p => FromExpression(graph, p.Value)), StringComparer.Ordinal),
        ConfigReferenceExpression { IsSecret: false } config when ConfigValue(graph, config) is { } value => value,
        _ => expression,
    };

    /// <summary>The stack's value of a non-secret config reference (navigating its path), or null when the stack does not say.</summary>
    private static object? ConfigValue(StackGraph graph, ConfigReferenceExpression config)
    {
        var key = config.Key.Contains(':', StringComparison.Ordinal) ? config.Key : $"{graph.Settings.ProjectName}:{config.Key}";
        if (graph.Settings.Config.Find(key) is not { IsSecret: false, Value: { } text })
        {
            return null;
        }

        if (config.Path.IsEmpty && !LooksLikeJson(text))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var element = document.RootElement;
            foreach (var segment in config.Path.Segments)
            {
                if (segment.Index is int index && element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength())
                {
                    element = element[index];
                }
                else if (segment.Name is { } name && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var member))
                {
                    element = member;
                }
                else
                {
                    return null;
                }
            }

            return FromJson(element);
        }
        catch (JsonException)
        {
            return config.Path.IsEmpty ? text : null;
        }
    }

    private static bool LooksLikeJson(string text) => text.TrimStart() is ['[' or '{', ..];
}
