namespace EdgeInfra.Policy;

/// <summary>How much a policy finding matters; <c>check</c> fails on findings at or above its failing severity.</summary>
public enum PolicySeverity
{
    /// <summary>Hygiene: worth fixing, no direct exposure.</summary>
    Low,

    /// <summary>Weakens a control: an audit would ask about it.</summary>
    Medium,

    /// <summary>Exposes data or a service, or loses evidence an audit needs.</summary>
    High,

    /// <summary>Open to the Internet or to anyone: fix before deploying.</summary>
    Critical,
}
