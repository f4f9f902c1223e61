using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>
/// <see cref="ComponentMocks"/> plus what Azure computes for an origin cluster: the ids of the load balancer's backend
/// pools, the public IP's address and FQDN, and the identity's principal and client ids.
/// </summary>
internal class OriginVmClusterMocks : ComponentMocks
{
    public const string Fqdn = "origin-label-abc123.westeurope.cloudapp.azure.com";
    public const string IpAddress = "203.0.113.10";

    protected override (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs)
    {
        switch (args.Type)
        {
            case "azure-native:network:LoadBalancer":
                var pools = (ImmutableArray<object?>)outputs["backendAddressPools"]!;
                outputs = outputs.SetItem("backendAddressPools", pools
                    .Select(pool => (object?)((ImmutableDictionary<string, object?>)pool!).SetItem("id", $"{id}/backendAddressPools/{((ImmutableDictionary<string, object?>)pool!)["name"]}"))
                    .ToImmutableArray());
                break;
            case "azure-native:network:PublicIPAddress":
                var dns = (ImmutableDictionary<string, object?>)outputs["dnsSettings"]!;
                outputs = outputs.SetItem("dnsSettings", dns.SetItem("fqdn", Fqdn)).SetItem("ipAddress", IpAddress);
                break;
            case "azure-native:managedidentity:UserAssignedIdentity":
                outputs = outputs.SetItem("principalId", $"{args.Name}-principal").SetItem("clientId", $"{args.Name}-client");
                break;
        }

        return (id, outputs);
    }
}
