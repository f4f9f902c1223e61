using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Expressions;

namespace EdgeInfra.Components.Policy;

/// <summary>
/// How the Key Vault, RBAC, Backup, Monitor and storage rules read what an input refers to: the resources it references
/// (through <see cref="DiagnosticCoverage"/>'s reader, the one the stack's diagnostic coverage uses), the text of a string
/// built partly at deployment, and whether a list states any item.
/// </summary>
internal static class PolicyReferences
{
    /// <summary>How <see cref="Template"/> writes a part of a string that is only known at deployment.</summary>
    public const string DeployTimePart = "{deploy-time}";

    /// <summary>The resources <paramref name="input"/> references, directly or in any expression built from their outputs.</summary>
    public static IEnumerable<Resource> ReferencedBy(IInput? input) =>
        input is null ? [] : DiagnosticCoverage.ReferencedResources(input.ToExpression());

    /// <summary>Whether <paramref name="input"/> references <paramref name="resource"/>.</summary>
    public static bool References(IInput? input, Resource resource) =>
        ReferencedBy(input).Any(referenced => ReferenceEquals(referenced, resource));

    /// <summary>
    /// The text of a string input: its value when known at synthesis, else its literal parts with each deploy-time part
    /// written as <see cref="DeployTimePart"/> (so <c>/subscriptions/${client.subscriptionId}</c> reads
    /// <c>/subscriptions/{deploy-time}</c>, and the id of a resource group of the stack reads
    /// <c>/subscriptions/{deploy-time}/resourceGroups/{deploy-time}</c>); null when the input is unset.
    /// </summary>
    public static string? Template(StackGraph graph, Input<string>? input)
    {
        var value = graph.ValueOf(input);
        return value.Kind switch
        {
            InputValueKind.Unset => null,
            InputValueKind.Known => value.Value,
            _ => Render(input!.ToExpression()),
        };
    }

    /// <summary>Whether <paramref name="list"/> states at least one item (known or not); null when the whole list is a deploy-time value.</summary>
    public static bool? HasItems<T>(InputList<T>? list) =>
        list is null ? false : list.ToExpression() is ListExpression stated ? stated.Items.Length > 0 : null;

    /// <summary>How <paramref name="value"/> is shown in a message (see <see cref="PolicyChecks.Show{T}"/>), saying what Azure does when it is unset.</summary>
    public static string ShowOr<T>(InputValue<T> value, string whenUnset) =>
        value.IsUnset ? $"unset, which means {whenUnset}" : PolicyChecks.Show(value);

    /// <summary>Whether <paramref name="value"/> is known and equal to <paramref name="expected"/>, ignoring case (Azure's enums are case-insensitive).</summary>
    public static bool IsText(InputValue<string> value, string expected) =>
        value.IsKnown && string.Equals(value.Value, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>How <see cref="Template"/> writes the id of a resource group the stack declares.</summary>
    private const string ResourceGroupId = "/subscriptions/" + DeployTimePart + "/resourceGroups/" + DeployTimePart;

    private static string Render(Expression expression) => expression switch
    {
        LiteralExpression { Value: string text } => text,
        ResourceReferenceExpression { Resource: AzureNative.Resources.ResourceGroup } reference when reference.Path.Equals(PropertyPath.Of("id")) => ResourceGroupId,
        InterpolationExpression interpolation => string.Concat(interpolation.Parts.Select(Render)),
        _ => DeployTimePart,
    };
}
