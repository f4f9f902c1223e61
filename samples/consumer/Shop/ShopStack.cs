using EdgeInfra;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Application;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Compute;

namespace Shop;

/// <summary>
/// A team's edge-fronted application: an Akamai property with the packaged edge-gateway EdgeWorker in front of nginx
/// VMs in one Azure region. Where it runs comes from the stack's config (<c>location</c>, <c>environment</c>).
/// </summary>
public sealed class ShopStack : Stack
{
    /// <summary>Builds the stack from the current stack's config.</summary>
    public ShopStack()
    {
        var config = new Config();
        var location = config.Require("location").Value;
        var environment = config.Require("environment").Value;

        var app = new EdgeFrontedApplication("shop", new EdgeFrontedApplicationArgs
        {
            ResourceGroupName = $"rg-shop-{environment}",
            Location = location,
            ContractId = "ctr_C-1A2B3C",
            GroupId = "grp_123456",
            ProductId = "prd_Fresca",
            PropertyName = $"shop-{environment}",
            Hostnames = [$"shop-{environment}.example.com"],
            EdgeHostname = $"shop-{environment}.example.com.edgesuite.net",
            ActivationContacts = ["web@example.com"],
            ActivationNote = "shop release",
            EdgeCidrs = ["203.0.113.0/24"],
            // The edge-gateway bundle that ships in the EdgeInfra.Components package.
            EdgeWorkerBundleDirectory = EdgeGatewayBundle.PackagedDirectory,
            Jwt = new EdgeGatewayJwt
            {
                Issuer = "https://login.example.com/shop/v2.0",
                Audience = "api://shop",
                JwksUrl = "https://login.example.com/shop/keys",
            },
            Flavor = OriginFlavor.Nginx,
            AdminSshPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9yaWdpbi1hZG1pbi1rZXktZm9yLXRlc3Rz ops@example.com",
            Regions =
            [
                new OriginRegionSpec
                {
                    Name = "weu",
                    Location = location,
                    AddressSpace = "10.40.0.0/16",
                    OriginSubnet = "10.40.1.0/24",
                    DomainNameLabel = $"shop-{environment}-weu",
                    BackupVaultName = $"rsv-shop-{environment}-weu",
                },
            ],
            VaultName = $"kv-shop-{environment}",
            OriginSecret = new GeneratedSecretSpec { ExpiresOn = new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero) },
        });

        // Written during synthesis: it reaches standard error, never the program.
        Console.WriteLine($"shop: {environment} in {location}");

        EdgeHostname = app.EdgeHostname;
        OriginHostname = app.OriginHostname;
    }

    /// <summary>The hostname the edge serves.</summary>
    [Output("edgeHostname")]
    public Output<string> EdgeHostname { get; }

    /// <summary>The origin's hostname (the first region's load balancer).</summary>
    [Output("originHostname")]
    public Output<string> OriginHostname { get; }
}
