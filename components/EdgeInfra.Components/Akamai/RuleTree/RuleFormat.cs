namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The Property Manager rule format this library writes rule trees in. A rule format freezes the set of behaviors,
/// criteria and option names, so a pinned format keeps a property's rules valid when Akamai publishes new ones;
/// moving to a newer format is a deliberate change (and a new property version).
/// </summary>
public static class RuleFormat
{
    /// <summary>The pinned rule format: <c>v2024-10-21</c>.</summary>
    public const string Pinned = "v2024-10-21";
}
