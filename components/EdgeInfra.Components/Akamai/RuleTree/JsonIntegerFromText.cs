namespace EdgeInfra.Components.Akamai;

/// <summary>
/// A rule-tree value that Property Manager wants as a JSON integer but that is only known at deploy time as text,
/// such as the id of an <c>akamai:index/cpCode:CpCode</c> (<c>cpc_12345</c> or <c>12345</c>). A Pulumi YAML program
/// has no function turning text into a number, so the value goes into <c>fn::toJSON</c> as a marked string
/// (<c>"@@edgeinfra-integer:12345:edgeinfra-integer@@"</c>) and the marks, quotes included, are cut from the JSON text
/// afterwards with <c>fn::split</c> and <c>fn::join</c>, leaving <c>12345</c>.
/// </summary>
internal sealed class JsonIntegerFromText(Input<string> text, string prefix)
{
    private const string Open = "@@edgeinfra-integer:";
    private const string Close = ":edgeinfra-integer@@";

    /// <summary>The text: digits, possibly after <see cref="Prefix"/>.</summary>
    public Input<string> Text { get; } = text;

    /// <summary>The prefix cut from <see cref="Text"/>, e.g. <c>cpc_</c>.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>The marked string that stands for the integer inside <c>fn::toJSON</c>.</summary>
    public Output<string> Marked()
    {
        var digits = Output.Join("", Output.Split(Prefix, Text));
        return Output.Format($"{Open}{digits}{Close}");
    }

    /// <summary>The JSON text <paramref name="json"/> with every marked string turned into its bare integer.</summary>
    public static Output<string> Unmark(Output<string> json)
    {
        var withoutOpen = Output.Join("", Output.Split("\"" + Open, json));
        return Output.Join("", Output.Split(Close + "\"", withoutOpen));
    }
}
