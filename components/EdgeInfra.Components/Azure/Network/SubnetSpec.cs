namespace EdgeInfra.Components.Azure.Network;

/// <summary>A subnet of an <see cref="OriginNetwork"/>; it gets its own network security group.</summary>
public sealed record SubnetSpec
{
    /// <summary>
    /// The subnet's name, unique within the network: a letter, then letters, digits, '_' or '-', ending with a letter,
    /// digit or '_' (at most 80 characters); also part of the logical name of its security group (<c>nsg-{Name}</c>).
    /// Azure's reserved subnet names (<c>GatewaySubnet</c>, <c>AzureBastionSubnet</c>, ...) are refused.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>The subnet's address range in CIDR notation, e.g. <c>10.0.1.0/24</c>: /29 or larger, inside the address space.</summary>
    public required string AddressPrefix { get; init; }

    /// <summary>
    /// The fewest usable addresses the subnet must have (its size minus the 5 addresses Azure reserves in every subnet).
    /// Default: null, no requirement beyond Azure's /29 minimum (3 usable addresses).
    /// </summary>
    public int? MinimumHosts { get; init; }

    /// <summary>
    /// The service endpoints of the subnet, by service name (<c>Microsoft.KeyVault</c>, <c>Microsoft.Storage</c>, ...;
    /// see <see cref="KnownServiceEndpoints"/>), no repeats. A Key Vault or storage account that admits the subnet in its
    /// network rules needs the matching endpoint, or Azure refuses the rule. Default: none.
    /// </summary>
    public IReadOnlyList<string> ServiceEndpoints { get; init; } = [];

    /// <summary>The service endpoint names Azure offers on a subnet.</summary>
    public static IReadOnlyList<string> KnownServiceEndpoints { get; } =
    [
        "Microsoft.AzureActiveDirectory", "Microsoft.AzureCosmosDB", "Microsoft.CognitiveServices", "Microsoft.ContainerRegistry",
        "Microsoft.EventHub", "Microsoft.KeyVault", "Microsoft.ServiceBus", "Microsoft.Sql", "Microsoft.Storage",
        "Microsoft.Storage.Global", "Microsoft.Web",
    ];
}
