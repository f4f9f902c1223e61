using System.Globalization;
using EdgeInfra.AzureNative.Network;
using In = EdgeInfra.AzureNative.Network.Inputs;
using EdgeInfra.Random;

namespace EdgeInfra.Benchmarks;

/// <summary>
/// The scale generator of the synthesis benchmarks: a stack of exactly <c>resources</c> custom resources, made of
/// "sites" of five (a random string, an NSG, a VNet with inline subnets, a subnet resource and a public IP) that
/// reference each other within the site and, chosen by a seeded <see cref="System.Random"/>, resources of earlier
/// sites (property references, interpolations and <c>dependsOn</c>), so the graph has no cycle. The same size and
/// seed always give the same program.
/// </summary>
public static class ScaleGraph
{
    /// <summary>The seed the benchmarks use.</summary>
    public const int DefaultSeed = 17;

    /// <summary>The packages of the generated resources, discovered once (discovery is not what is measured).</summary>
    public static PackageCatalog Packages { get; } = PackageCatalog.Discover(typeof(AzureNative.Provider).Assembly);

    /// <summary>The settings the benchmarks build with.</summary>
    public static DeploymentSettings Settings { get; } = new()
    {
        ProjectName = "scale",
        StackName = "bench",
        Packages = Packages,
        LogWriter = TextWriter.Null,
    };

    /// <summary>The stack factory for a graph of <paramref name="resources"/> custom resources.</summary>
    public static Func<Stack> Create(int resources, int seed = DefaultSeed) => () => new ScaleStack(resources, seed);

    private sealed class ScaleStack : Stack
    {
        public ScaleStack(int resources, int seed) => RegisterOutputs(Populate(resources, seed));
    }

    private static Dictionary<string, object?> Populate(int resources, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resources);
        var random = new System.Random(seed);
        var strings = new List<RandomString>();
        var groups = new List<NetworkSecurityGroup>();
        var networks = new List<VirtualNetwork>();
        var ips = new List<PublicIPAddress>();
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        var made = 0;
        for (var site = 0; made < resources; site++)
        {
            var id = site.ToString(CultureInfo.InvariantCulture);
            var location = Locations[random.Next(Locations.Length)];
            var resourceGroup = $"rg-{random.Next(16).ToString(CultureInfo.InvariantCulture)}";

            var suffix = new RandomString($"sfx-{id}", new RandomStringArgs
            {
                Length = 6 + random.Next(10),
                Special = false,
                Upper = random.Next(2) == 0,
                Keepers = strings.Count > 0 && random.Next(3) == 0
                    ? (InputMap<string>)new Dictionary<string, string> { ["site"] = id, ["salt"] = RandomText(random, 12) }
                    : null,
            });
            strings.Add(suffix);
            if (++made == resources)
            {
                break;
            }

            var rules = new List<In.SecurityRuleArgs>();
            for (var r = 0; r < 1 + random.Next(4); r++)
            {
                rules.Add(new In.SecurityRuleArgs
                {
                    Name = $"rule-{r.ToString(CultureInfo.InvariantCulture)}",
                    Access = random.Next(4) == 0 ? "Deny" : "Allow",
                    Direction = "Inbound",
                    Protocol = random.Next(2) == 0 ? "Tcp" : "*",
                    Priority = 100 + (r * 10),
                    SourceAddressPrefix = $"10.{random.Next(256).ToString(CultureInfo.InvariantCulture)}.0.0/16",
                    SourcePortRange = "*",
                    DestinationAddressPrefix = "*",
                    DestinationPortRange = Ports[random.Next(Ports.Length)],
                    Description = strings.Count > 1 && random.Next(3) == 0
                        ? Output.Format($"from site {Pick(random, strings).Result} ({RandomText(random, 8)}) $x")
                        : RandomText(random, 20),
                });
            }

            var nsg = new NetworkSecurityGroup($"nsg-{id}", new NetworkSecurityGroupArgs
            {
                ResourceGroupName = resourceGroup,
                Location = location,
                NetworkSecurityGroupName = Output.Format($"nsg-{id}-{suffix.Result}"),
                SecurityRules = rules,
                Tags = new Dictionary<string, string> { ["site"] = id, ["owner"] = RandomText(random, 10) },
            });
            groups.Add(nsg);
            if (++made == resources)
            {
                break;
            }

            var subnets = new List<In.SubnetArgs>();
            for (var s = 0; s < 1 + random.Next(3); s++)
            {
                subnets.Add(new In.SubnetArgs
                {
                    Name = $"snet-{s.ToString(CultureInfo.InvariantCulture)}",
                    AddressPrefix = $"10.{(site % 250).ToString(CultureInfo.InvariantCulture)}.{s.ToString(CultureInfo.InvariantCulture)}.0/24",
                    NetworkSecurityGroup = new In.NetworkSecurityGroupArgs { Id = (random.Next(4) == 0 ? Pick(random, groups) : nsg).Id },
                });
            }

            var dependsOn = networks.Count > 0 && random.Next(4) == 0 ? new List<Resource> { Pick(random, networks) } : [];
            var vnet = new VirtualNetwork($"vnet-{id}", new VirtualNetworkArgs
            {
                ResourceGroupName = resourceGroup,
                Location = location,
                VirtualNetworkName = Output.Format($"vnet-{id}-{suffix.Result}"),
                AddressSpace = new In.AddressSpaceArgs { AddressPrefixes = new[] { $"10.{(site % 250).ToString(CultureInfo.InvariantCulture)}.0.0/16" } },
                Subnets = subnets,
                Tags = new Dictionary<string, string> { ["site"] = id },
            }, new CustomResourceOptions { DependsOn = dependsOn });
            networks.Add(vnet);
            if (++made == resources)
            {
                break;
            }

            _ = new Subnet($"snet-{id}", new SubnetArgs
            {
                ResourceGroupName = resourceGroup,
                VirtualNetworkName = vnet.Name,
                SubnetName = $"extra-{id}",
                AddressPrefix = $"10.{(site % 250).ToString(CultureInfo.InvariantCulture)}.200.0/24",
                NetworkSecurityGroup = new In.NetworkSecurityGroupArgs { Id = nsg.Id },
            });
            if (++made == resources)
            {
                break;
            }

            var ip = new PublicIPAddress($"pip-{id}", new PublicIPAddressArgs
            {
                ResourceGroupName = resourceGroup,
                Location = location,
                PublicIPAllocationMethod = "Static",
                DnsSettings = new In.PublicIPAddressDnsSettingsArgs { DomainNameLabel = Output.Format($"app-{id}-{suffix.Result}") },
                Tags = ips.Count > 0 && random.Next(2) == 0
                    ? (InputMap<string>)new Dictionary<string, string> { ["peer"] = Pick(random, ips).LogicalName, ["note"] = RandomText(random, 16) }
                    : null,
            });
            ips.Add(ip);
            ++made;
            if (site % 100 == 0)
            {
                outputs[$"ip{id}"] = ip.IpAddress;
                outputs[$"vnet{id}"] = vnet.Name;
            }
        }

        return outputs;
    }

    private static readonly string[] Locations = ["westeurope", "northeurope", "eastus", "westus2", "uksouth"];

    private static readonly string[] Ports = ["22", "80", "443", "8080-8090", "*"];

    private static T Pick<T>(System.Random random, List<T> items) => items[random.Next(items.Count)];

    private static string RandomText(System.Random random, int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }
}
