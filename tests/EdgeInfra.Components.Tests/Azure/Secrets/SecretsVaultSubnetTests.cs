using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Network;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Azure.Secrets;

/// <summary>A Key Vault network rule admits a subnet only with the subnet's <c>Microsoft.KeyVault</c> service endpoint: refused at synthesis when the stack makes the subnet.</summary>
public sealed class SecretsVaultSubnetTests
{
    private static OriginNetwork Network(params string[] endpoints) => new("net", new OriginNetworkArgs
    {
        ResourceGroupName = "rg-app",
        Location = "westeurope",
        AddressSpace = ["10.10.0.0/16"],
        Subnets =
        [
            new SubnetSpec { Name = "origin", AddressPrefix = "10.10.1.0/24", ServiceEndpoints = endpoints },
            new SubnetSpec { Name = "jobs", AddressPrefix = "10.10.2.0/24", ServiceEndpoints = ["Microsoft.KeyVault"] },
        ],
        EdgeCidrs = ["203.0.113.0/24"],
    });

    private static SecretsVault Vault(params SubnetReference[] subnets) => new("kv", new SecretsVaultArgs
    {
        ResourceGroupName = "rg-app",
        Location = "westeurope",
        VaultName = "kv-app-dev",
        AllowedSubnets = subnets,
    });

    [Fact]
    public void A_subnet_of_the_stack_with_the_key_vault_endpoint_is_admitted()
    {
        var program = SynthConforming(() =>
        {
            var network = Network("Microsoft.Storage", "Microsoft.KeyVault");
            Vault(network.Subnet("origin"), network.Subnet("jobs"));
        });
        Assert.Contains("- id: \"${net-vnet.subnets[0].id}\"", program, StringComparison.Ordinal);
        Assert.Contains("- id: \"${net-vnet.subnets[1].id}\"", program, StringComparison.Ordinal);
        Assert.Contains("publicNetworkAccess: \"Enabled\"", program, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subnet_of_the_stack_without_the_key_vault_endpoint_is_refused_naming_it()
    {
        var errors = Errors(() =>
        {
            var network = Network("Microsoft.Storage");
            Vault(network.Subnet("jobs"), network.Subnet("origin"));
        });
        Assert.Equal(
            ["component 'kv' (edgeinfra:azure:SecretsVault), property 'allowedSubnets[1]': subnet 'origin' of network 'net' has the service endpoints [Microsoft.Storage], without Microsoft.KeyVault: Azure refuses a Key Vault virtual network rule for a subnet without it; add \"Microsoft.KeyVault\" to the subnet's ServiceEndpoints"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_subnet_without_any_endpoint_says_none()
    {
        var errors = Errors(() => Vault(Network().Subnet("origin")));
        Assert.Contains("has the service endpoints [none], without Microsoft.KeyVault", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_subnet_given_by_id_or_output_is_left_to_azure()
    {
        var program = Synth(() =>
        {
            var network = Network();
            Vault("/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app", network.SubnetId("origin"));
        });
        Assert.Contains("- id: \"${net-vnet.subnets[0].id}\"", program, StringComparison.Ordinal);
    }
}
