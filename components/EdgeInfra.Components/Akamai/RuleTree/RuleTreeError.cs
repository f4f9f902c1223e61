namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A problem found in a rule tree: <paramref name="Path"/> is where it is in the rule-tree JSON (for example
/// <c>rules.children[1].behaviors[0].options.httpsPort</c>), <paramref name="Message"/> names the bad value, the rule
/// it breaks and the rule (by name) it is in.
/// </summary>
/// <param name="Path">The JSON path of the bad value in the rule tree.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RuleTreeError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
