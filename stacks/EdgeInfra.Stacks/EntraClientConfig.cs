namespace EdgeInfra.Stacks;

/// <summary>An item of <c>entra.clients</c>: a workload client (see <c>EntraWorkloadClient</c>).</summary>
public sealed record EntraClientConfig
{
    /// <summary>The client's name in the program (its resources' names).</summary>
    public string? Name { get; init; }

    /// <summary>The workload's token issuer, an https URL.</summary>
    public string? Issuer { get; init; }

    /// <summary>The workload's subject at that issuer.</summary>
    public string? Subject { get; init; }

    /// <summary>The app roles the client is granted; each a role some route requires.</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}
