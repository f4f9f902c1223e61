using EdgeInfra.Policy;

namespace EdgeInfra.Components.Policy;

/// <summary>The building blocks of the pack's rules: walk the resources of one generated class and read their typed inputs.</summary>
internal static class PolicyChecks
{
    /// <summary>
    /// A rule check over every resource of class <typeparamref name="TResource"/> created with inputs
    /// <typeparamref name="TArgs"/>: <paramref name="check"/> returns the violations' messages (none when it passes).
    /// </summary>
    public static Func<StackGraph, IEnumerable<PolicyViolation>> Each<TResource, TArgs>(Func<StackGraph, TArgs, IEnumerable<string>> check, string? property = null)
        where TResource : CustomResource
        where TArgs : ResourceArgs =>
        graph => graph.ResourcesOf<TResource>()
            .SelectMany(resource => check(graph, graph.InputsOf<TArgs>(resource)).Select(message => new PolicyViolation(resource, message, property)));

    /// <summary><see cref="Each{TResource, TArgs}(Func{StackGraph, TArgs, IEnumerable{string}}, string?)"/> for a check with at most one message.</summary>
    public static Func<StackGraph, IEnumerable<PolicyViolation>> Each<TResource, TArgs>(Func<StackGraph, TArgs, string?> check, string? property = null)
        where TResource : CustomResource
        where TArgs : ResourceArgs =>
        Each<TResource, TArgs>((graph, args) => check(graph, args) is { } message ? [message] : [], property);

    /// <summary>The plain object an input holds at synthesis (nested input types such as <c>OSProfileArgs</c>), or null.</summary>
    public static T? Plain<T>(Input<T>? input)
        where T : class => TypedInputs.Plain(input);

    /// <summary>The plain items of a list input, or empty when the list is unset or a deploy-time value.</summary>
    public static IReadOnlyList<T> Items<T>(InputList<T>? list)
    {
        if (list is null)
        {
            return [];
        }

        var items = new List<T>();
        foreach (var item in list)
        {
            if (item is not null && item.TryGetValue(out var value))
            {
                items.Add(value);
            }
        }

        return items;
    }

    /// <summary>How a value is shown in a message: quoted text, lowercase booleans, "unset", "a deploy-time value".</summary>
    public static string Show<T>(InputValue<T> value) => value.Kind switch
    {
        InputValueKind.Unset => "unset",
        InputValueKind.DeployTime => "a deploy-time value",
        _ => value.Value switch
        {
            bool flag => flag ? "true" : "false",
            string text => $"'{text}'",
            var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
        },
    };
}
