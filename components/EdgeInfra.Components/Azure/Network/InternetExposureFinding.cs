namespace EdgeInfra.Components.Azure.Network;

/// <summary>A security rule of a synthesized program that admits a port from the Internet.</summary>
/// <param name="Resource">The logical name of the resource that states the rule, e.g. <c>origin-nsg-web</c>.</param>
/// <param name="Path">Where the rule is in the resource's properties, e.g. <c>securityRules[2]</c>; empty for a <c>SecurityRule</c> resource.</param>
/// <param name="RuleName">The rule's name, or null when the program states none.</param>
/// <param name="Port">The port admitted.</param>
/// <param name="Source">The source the port is admitted from, as the program states it (e.g. <c>*</c>, <c>Internet</c>, <c>${cidr}</c>).</param>
public sealed record InternetExposureFinding(string Resource, string Path, string? RuleName, int Port, string Source)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Path.Length == 0 ? $"resource '{Resource}'" : $"resource '{Resource}', {Path}";
        var name = RuleName is null ? string.Empty : $" (rule '{RuleName}')";
        return $"{where}{name} admits port {Port} from '{Source}'";
    }
}
