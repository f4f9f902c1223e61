using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// Mocks that echo inputs and add what Azure, Akamai and random compute for this stack: ARM ids, names, the public
/// IPs' FQDNs, the vault URI, generated passwords, EdgeWorker ids and property versions.
/// </summary>
internal sealed class StackMocks() : EchoMocks(new Dictionary<string, object>
{
    ["azure-native:authorization:getClientConfig"] = ImmutableDictionary<string, object?>.Empty
        .Add("subscriptionId", Subscription)
        .Add("tenantId", "00000000-0000-0000-0000-00000000000a")
        .Add("objectId", "deployer")
        .Add("clientId", "client"),
})
{
    public const string Subscription = "00000000-0000-0000-0000-0000000000s1";

    public override async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var (id, state) = await base.NewResourceAsync(args);
        var outputs = (ImmutableDictionary<string, object?>)state;
        var group = outputs.GetValueOrDefault("resourceGroupName") as string ?? "rg";
        string Arm(string provider, string name) => $"/subscriptions/{Subscription}/resourceGroups/{group}/providers/{provider}/{name}";
        switch (args.Type)
        {
            case var type when type.StartsWith("random:", StringComparison.Ordinal):
                outputs = outputs.SetItem("result", $"{args.Name}-result");
                break;
            case "azure-native:resources:ResourceGroup":
                outputs = outputs.SetItem("name", outputs["resourceGroupName"]);
                id = $"/subscriptions/{Subscription}/resourceGroups/{outputs["resourceGroupName"]}";
                break;
            case "azure-native:keyvault:Vault":
                outputs = outputs.SetItem("name", outputs["vaultName"])
                    .SetItem("properties", ((ImmutableDictionary<string, object?>)outputs["properties"]!).SetItem("vaultUri", $"https://{outputs["vaultName"]}.vault.azure.net/"));
                id = Arm("Microsoft.KeyVault", $"vaults/{outputs["vaultName"]}");
                break;
            case "azure-native:keyvault:Secret":
                id = Arm("Microsoft.KeyVault", $"vaults/{outputs["vaultName"]}/secrets/{outputs["secretName"]}");
                break;
            case "azure-native:network:PublicIPAddress":
                var dns = (ImmutableDictionary<string, object?>)outputs["dnsSettings"]!;
                outputs = outputs.SetItem("dnsSettings", dns.SetItem("fqdn", $"{dns["domainNameLabel"]}-h4sh.{outputs["location"]}.cloudapp.azure.com"));
                id = Arm("Microsoft.Network", $"publicIPAddresses/{args.Name}");
                break;
            case "azure-native:compute:VirtualMachine":
                id = Arm("Microsoft.Compute", $"virtualMachines/{args.Name}");
                break;
            case "akamai:index/edgeWorker:EdgeWorker":
                outputs = outputs.SetItem("edgeworkerId", 4242L);
                break;
            case "akamai:index/cpCode:CpCode":
                id = "cpc_61234";
                break;
            case "akamai:index/property:Property":
                outputs = outputs.SetItem("latestVersion", 7L);
                id = "prp_1001";
                break;
            case "akamai:index/propertyActivation:PropertyActivation":
                outputs = outputs.SetItem("version", 7L);
                break;
        }

        if (!outputs.ContainsKey("name"))
        {
            outputs = outputs.SetItem("name", args.Name);
        }

        return (id, outputs);
    }
}
