using System.Collections.Immutable;
using EdgeInfra.Components.Tests;
using EdgeInfra.Testing;

namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// <see cref="ComponentMocks"/> plus what Azure and Akamai compute for this stack: ARM ids, the resource group and
/// vault names, the public IPs' FQDNs, the vault URI, the CP code, EdgeWorker id and property versions.
/// </summary>
internal sealed class StackMocks : ComponentMocks
{
    /// <summary>The subscription <see cref="ComponentMocks"/> gives <c>getClientConfig</c>.</summary>
    public const string Subscription = "sub-1";

    protected override (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs)
    {
        var group = outputs.GetValueOrDefault("resourceGroupName") as string ?? "rg";
        string Arm(string provider, string name) => $"/subscriptions/{Subscription}/resourceGroups/{group}/providers/{provider}/{name}";
        switch (args.Type)
        {
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
            case "akamai:index/cpCode:CpCode":
                id = "cpc_61234";
                break;
            case "akamai:index/edgeWorker:EdgeWorker":
                outputs = outputs.SetItem("edgeworkerId", 4242L);
                break;
            case "akamai:index/property:Property":
                outputs = outputs.SetItem("latestVersion", 7L);
                id = "prp_1001";
                break;
            case "akamai:index/propertyActivation:PropertyActivation":
                outputs = outputs.SetItem("version", 7L);
                break;
        }

        return (id, outputs);
    }
}
