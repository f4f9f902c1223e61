using System.Globalization;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// Finds every problem of a rule tree at once: the default rule's shape (named <c>default</c>, no criteria, an
/// <c>origin</c> and a <c>cpCode</c>), variables (names, duplicates, sensitive ones hidden, declared before use),
/// rule names, and the option values this library knows (<see cref="RuleOptionChecks"/>).
/// </summary>
internal sealed class RuleTreeValidator
{
    private readonly List<RuleTreeError> _errors = [];
    private readonly HashSet<string> _declaredVariables = new(StringComparer.Ordinal);

    /// <summary>The problems of the tree whose default rule is <paramref name="defaultRule"/>, in tree order.</summary>
    public static IReadOnlyList<RuleTreeError> Validate(Rule defaultRule)
    {
        var validator = new RuleTreeValidator();
        validator.CheckDefaultRule(defaultRule);
        return validator._errors;
    }

    private void CheckDefaultRule(Rule rule)
    {
        const string path = "rules";
        if (rule.Name != RuleTree.DefaultRuleName)
        {
            Add($"{path}.name", rule, $"{RuleTreeValues.Show(rule.Name)} is not the default rule's name: Property Manager names the top rule '{RuleTree.DefaultRuleName}'");
        }

        if (rule.Criteria.Count > 0)
        {
            Add($"{path}.criteria", rule, $"has {Count(rule.Criteria.Count)} criteria: the default rule applies to every request and takes none");
        }

        foreach (var required in new[] { "origin", "cpCode" })
        {
            if (!rule.Behaviors.Any(b => b.Name == required))
            {
                Add($"{path}.behaviors", rule, $"has no {required} behavior: the default rule must set the {required}");
            }
        }

        CheckVariables(path, rule);
        CheckRule(path, rule);
    }

    private void CheckVariables(string path, Rule rule)
    {
        for (var i = 0; i < rule.Variables.Count; i++)
        {
            var variable = rule.Variables[i];
            var at = $"{path}.variables[{Count(i)}]";
            if (variable is null)
            {
                Add(at, rule, "is null: give a variable");
                continue;
            }

            if (!RuleOptionCheck.IsVariableName(variable.Name))
            {
                Add($"{at}.name", rule, $"{RuleTreeValues.Show(variable.Name)} is not {RuleOptionCheck.VariableName.What}: {RuleOptionCheck.VariableName.Rule}");
            }
            else if (!_declaredVariables.Add(variable.Name))
            {
                Add($"{at}.name", rule, $"{RuleTreeValues.Show(variable.Name)} is declared twice: variable names are unique");
            }

            if (variable.Sensitive && !variable.Hidden)
            {
                Add($"{at}.hidden", rule, $"is false for the sensitive variable {RuleTreeValues.Show(variable.Name)}: a sensitive variable must also be hidden");
            }
        }
    }

    private void CheckRule(string path, Rule rule)
    {
        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            Add($"{path}.name", rule, $"{RuleTreeValues.Show(rule.Name)} is blank: every rule has a name");
        }

        for (var i = 0; i < rule.Criteria.Count; i++)
        {
            var criterion = rule.Criteria[i];
            CheckOptions($"{path}.criteria[{Count(i)}]", rule, criterion?.Name, criterion?.Options, RuleOptionChecks.Criteria);
        }

        for (var i = 0; i < rule.Behaviors.Count; i++)
        {
            var behavior = rule.Behaviors[i];
            var at = $"{path}.behaviors[{Count(i)}]";
            CheckOptions(at, rule, behavior?.Name, behavior?.Options, RuleOptionChecks.Behaviors);
            if (behavior?.Name == "setVariable"
                && RuleTreeValues.TryKnown(behavior.Options.GetValueOrDefault("variableName"), out var name)
                && name is string variableName
                && RuleOptionCheck.IsVariableName(variableName)
                && !_declaredVariables.Contains(variableName))
            {
                Add($"{at}.options.variableName", rule, $"{RuleTreeValues.Show(variableName)} is not declared: declare it in the default rule's variables");
            }
        }

        for (var i = 0; i < rule.Children.Count; i++)
        {
            var child = rule.Children[i];
            var at = $"{path}.children[{Count(i)}]";
            if (child is null)
            {
                Add(at, rule, "is null: give a rule");
                continue;
            }

            if (child.Variables.Count > 0)
            {
                Add($"{at}.variables", child, $"has {Count(child.Variables.Count)} variables: only the default rule declares variables");
            }

            if (child.IsSecure is not null)
            {
                Add($"{at}.options.is_secure", child, "is set: only the default rule says whether the property is secure");
            }

            CheckRule(at, child);
        }
    }

    private void CheckOptions(string path, Rule rule, string? name, IReadOnlyDictionary<string, object?>? options, IReadOnlyDictionary<string, RuleOptionCheck> checks)
    {
        if (string.IsNullOrWhiteSpace(name) || options is null)
        {
            Add($"{path}.name", rule, $"{RuleTreeValues.Show(name)} is blank: every behavior and criterion has a name");
            return;
        }

        CheckValues($"{path}.options", rule, name, name, options, checks);
    }

    private void CheckValues(string path, Rule rule, string owner, string key, IReadOnlyDictionary<string, object?> options, IReadOnlyDictionary<string, RuleOptionCheck> checks)
    {
        foreach (var (option, value) in options)
        {
            var optionKey = $"{key}.{option}";
            var at = $"{path}.{option}";
            if (value is IReadOnlyDictionary<string, object?> nested)
            {
                CheckValues(at, rule, owner, optionKey, nested, checks);
                continue;
            }

            if (!checks.TryGetValue(optionKey, out var check) || !RuleTreeValues.TryKnown(value, out var known))
            {
                continue;
            }

            if (known is null)
            {
                Add(at, rule, $"is missing: {owner} needs {check.What} ({check.Rule})");
            }
            else if (!check.Accepts(known))
            {
                Add(at, rule, $"{RuleTreeValues.Show(known)} is not {check.What}: {check.Rule}");
            }
        }
    }

    private void Add(string path, Rule rule, string message) =>
        _errors.Add(new RuleTreeError(path, $"{message} (in rule {RuleTreeValues.Show(rule.Name)})"));

    private static string Count(int number) => number.ToString(CultureInfo.InvariantCulture);
}
