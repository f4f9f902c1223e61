namespace EdgeInfra.Schemas;

/// <summary>One way a Pulumi YAML program breaks the rules of the program format or of its package schemas.</summary>
/// <param name="Location">Where: a dotted path into the program, such as <c>resources.vault.properties.properties.tenantId</c> (sequence items as <c>[0]</c>).</param>
/// <param name="Message">What: the offending value and the rule it breaks.</param>
public sealed record ConformanceViolation(string Location, string Message)
{
    /// <summary>The violation as <c>location: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Location}: {Message}";
}
