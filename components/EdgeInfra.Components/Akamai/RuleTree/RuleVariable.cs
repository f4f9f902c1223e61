namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A user variable of the property, declared in the default rule and set by the <c>setVariable</c> behavior. Its
/// name starts with <c>PMUSER_</c> and has only uppercase letters, digits and underscores, at most
/// <see cref="MaxNameLength"/> characters. A sensitive variable is also hidden: Akamai never shows its value in
/// debug headers or logs.
/// </summary>
public sealed record RuleVariable
{
    /// <summary>The longest variable name this library accepts, prefix included.</summary>
    public const int MaxNameLength = 32;

    /// <summary>The variable's name, e.g. <c>PMUSER_ORIGIN_TOKEN</c>. Required.</summary>
    public required string Name { get; init; }

    /// <summary>The initial value; may be a deploy-time value. Default: empty.</summary>
    public Input<string> Value { get; init; } = "";

    /// <summary>What the variable holds. Default: empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether the value is left out of debug headers (<c>Pragma: akamai-x-get-extracted-values</c>). Default: false.</summary>
    public bool Hidden { get; init; }

    /// <summary>Whether the value is secret: hidden and never logged; a sensitive variable must also be <see cref="Hidden"/>. Default: false.</summary>
    public bool Sensitive { get; init; }

    /// <summary>A visible variable named <paramref name="name"/> whose initial value is <paramref name="value"/>.</summary>
    public static RuleVariable Visible(string name, Input<string> value, string description = "") =>
        new() { Name = name, Value = value, Description = description };

    /// <summary>A sensitive (and so hidden) variable named <paramref name="name"/>; its initial value is empty unless <paramref name="value"/> is given.</summary>
    public static RuleVariable Secret(string name, string description = "", Input<string>? value = null) =>
        new() { Name = name, Value = value ?? "", Description = description, Hidden = true, Sensitive = true };
}
