namespace EdgeInfra.Components.Azure.Network;

/// <summary>
/// A subnet another resource admits in its network rules: its resource id and, when the stack creates the subnet,
/// its service endpoints, so that a rule Azure would refuse (a Key Vault rule for a subnet without the
/// <c>Microsoft.KeyVault</c> endpoint) fails at synthesis. <see cref="OriginNetwork.Subnet"/> gives one for a subnet
/// of the stack; a string or an output converts to one whose endpoints are unknown (a subnet from elsewhere), which
/// Azure checks at deployment.
/// </summary>
public sealed class SubnetReference
{
    /// <summary>A reference to the subnet <paramref name="id"/>; <paramref name="serviceEndpoints"/> null when they are not known at synthesis.</summary>
    /// <param name="id">The subnet's resource id.</param>
    /// <param name="serviceEndpoints">The subnet's service endpoints, or null when unknown.</param>
    /// <param name="description">How errors name the subnet, e.g. <c>subnet 'origin' of 'app-weu-net'</c>; null: the id.</param>
    public SubnetReference(Input<string> id, IReadOnlyList<string>? serviceEndpoints = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        ServiceEndpoints = serviceEndpoints;
        Description = description ?? "a subnet given by its resource id";
    }

    /// <summary>The subnet's resource id.</summary>
    public Input<string> Id { get; }

    /// <summary>The subnet's service endpoints, by service name (e.g. <c>Microsoft.KeyVault</c>); null when not known at synthesis.</summary>
    public IReadOnlyList<string>? ServiceEndpoints { get; }

    /// <summary>How errors name the subnet.</summary>
    public string Description { get; }

    /// <summary>True when the subnet is known not to have the service endpoint <paramref name="service"/> (false when its endpoints are unknown).</summary>
    public bool LacksServiceEndpoint(string service) =>
        ServiceEndpoints is { } endpoints && !endpoints.Contains(service, StringComparer.OrdinalIgnoreCase);

    /// <summary>A subnet given by its resource id, endpoints unknown.</summary>
    public static implicit operator SubnetReference(string id) => new(id);

    /// <summary>A subnet given by an output holding its resource id, endpoints unknown.</summary>
    public static implicit operator SubnetReference(Output<string> id) => new(id);

    /// <summary>A subnet given by its resource id, endpoints unknown.</summary>
    public static SubnetReference FromId(Input<string> id) => new(id);
}
