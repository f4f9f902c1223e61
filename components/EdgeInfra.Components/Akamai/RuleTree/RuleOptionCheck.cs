using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A check of one option value known at synthesis: <see cref="What"/> the value must be ("a port") and the
/// <see cref="Rule"/> it follows ("1 to 65535"), for messages such as <c>70000 is not a port: 1 to 65535</c>.
/// </summary>
internal sealed partial record RuleOptionCheck(string What, string Rule, Func<object, bool> Accepts)
{
    public static readonly RuleOptionCheck Port = new("a port", "1 to 65535", value => value is long port && port is >= 1 and <= 65535);

    public static readonly RuleOptionCheck Ttl = new("a TTL", "digits and a unit, s, m, h or d (e.g. 30s, 10m, 1d)", value => value is string text && ValidationPatterns.Ttl().IsMatch(text));

    public static readonly RuleOptionCheck HeaderName = new("a header name", "an HTTP token of letters, digits and !#$%&'*+-.^_`|~", value => value is string text && ValidationPatterns.HttpHeaderName().IsMatch(text));

    public static readonly RuleOptionCheck VariableName = new(
        "a variable name",
        $"PMUSER_ followed by uppercase letters, digits and underscores, {RuleVariable.MaxNameLength} characters at most",
        value => IsVariableName(value as string));

    public static readonly RuleOptionCheck Hostname = new("a hostname", PropertyHostnameSyntax.Rule, value => value is string text && PropertyHostnameSyntax.IsValid(text));

    public static readonly RuleOptionCheck CpCodeId = new("a CP code id", "a positive integer, optionally after cpc_", value => value is long number ? number > 0 : value is string text && ValidationPatterns.CpCodeId().IsMatch(text));

    public static readonly RuleOptionCheck EdgeWorkerId = new("an EdgeWorker id", "digits", value => value is string text && ValidationPatterns.Digits().IsMatch(text));

    public static readonly RuleOptionCheck Code = new("an option code", "uppercase letters, digits and underscores", value => value is string text && ValidationPatterns.ConstantName().IsMatch(text));

    public static readonly RuleOptionCheck DenyReason = new("a deny reason", "1 to 64 letters, digits, underscores and hyphens", value => value is string text && ValidationPatterns.DenyReason().IsMatch(text));

    public static readonly RuleOptionCheck ConditionalOriginId = new("a conditional origin id", "1 to 64 letters, digits and underscores", value => value is string text && ValidationPatterns.ConditionalOriginId().IsMatch(text));

    public static readonly RuleOptionCheck QueryParameterName = new("a query parameter name", "1 to 64 letters, digits, '_', '-' and '.'", value => value is string text && ValidationPatterns.DottedName64().IsMatch(text));

    public static readonly RuleOptionCheck NonEmptyList = new("a list of values", "at least one value", value => value is System.Collections.IEnumerable sequence and not string && sequence.Cast<object?>().Any());

    /// <summary>A check that the value is one of <paramref name="values"/>.</summary>
    public static RuleOptionCheck OneOf(params string[] values) =>
        new("an accepted value", "one of " + string.Join(", ", values), value => value is string text && values.Contains(text, StringComparer.Ordinal));

    /// <summary>True when <paramref name="name"/> is a user variable's name.</summary>
    public static bool IsVariableName(string? name) =>
        name is not null && name.Length <= RuleVariable.MaxNameLength && ValidationPatterns.PropertyVariableName().IsMatch(name);
}
