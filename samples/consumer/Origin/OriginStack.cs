using EdgeInfra;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Monitoring;
using EdgeInfra.Components.Azure.Network;

namespace Origin;

/// <summary>
/// A stack of single components: a resource group, an origin network whose subnet reaches Key Vault through its
/// service endpoint, a Key Vault that admits only that subnet, with a generated secret, and the monitoring workspace.
/// </summary>
public sealed class OriginStack : Stack
{
    /// <summary>Builds the stack from the current stack's config.</summary>
    public OriginStack()
    {
        var config = new Config();
        var location = config.Require("location").Value;
        var environment = config.Require("environment").Value;

        var group = new ResourceGroup("rg", new ResourceGroupArgs { ResourceGroupName = $"rg-origin-{environment}", Location = location });
        var network = new OriginNetwork("net", new OriginNetworkArgs
        {
            ResourceGroupName = group.Name,
            Location = location,
            AddressSpace = ["10.50.0.0/16"],
            Subnets = [new SubnetSpec { Name = "origin", AddressPrefix = "10.50.1.0/24", ServiceEndpoints = ["Microsoft.KeyVault"] }],
            EdgeCidrs = ["203.0.113.0/24"],
        });
        var vault = new SecretsVault("kv", new SecretsVaultArgs
        {
            ResourceGroupName = group.Name,
            Location = location,
            VaultName = $"kv-origin-{environment}",
            AllowedSubnets = [network.Subnet("origin")],
        });
        vault.AddGeneratedSecret("api-key", new GeneratedSecretSpec { ExpiresOn = new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero) });
        _ = new Observability("obs", new ObservabilityArgs { ResourceGroupName = group.Name, Location = location });

        VaultUri = vault.VaultUri;
    }

    /// <summary>The Key Vault's URI.</summary>
    [Output("vaultUri")]
    public Output<string> VaultUri { get; }
}
