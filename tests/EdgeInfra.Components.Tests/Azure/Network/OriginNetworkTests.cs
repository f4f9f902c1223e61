using System.Collections.Immutable;
using EdgeInfra.Components.Azure.Network;
using static EdgeInfra.Components.Tests.Azure.Network.OriginNetworkFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;
using static EdgeInfra.Components.Tests.ResolvedValues;

namespace EdgeInfra.Components.Tests.Azure.Network;

public sealed class OriginNetworkTests
{
    [Fact]
    public async Task Defaults_state_one_vnet_with_inline_subnets_and_one_locked_down_nsg_per_subnet()
    {
        static void Build() => _ = new OriginNetwork("origin", Defaults());

        var program = SynthConforming(Build);
        Assert.Equal(["origin-nsg-web", "origin-vnet"], ResourceNames(program));
        var result = await RunAsync(Build, new NetworkMocks());
        var nsg = result.Resource("origin-nsg-web");
        Assert.Equal("azure-native:network:NetworkSecurityGroup", nsg.Type);
        AssertTree(
            Obj(
                ("location", "westeurope"),
                ("resourceGroupName", "rg-origin"),
                ("securityRules", new[]
                {
                    Obj(
                        ("access", "Allow"),
                        ("description", "HTTPS from the edge's egress ranges only."),
                        ("destinationAddressPrefix", "10.0.1.0/24"),
                        ("destinationPortRange", "443"),
                        ("direction", "Inbound"),
                        ("name", "AllowEdgeHttpsInbound"),
                        ("priority", 100L),
                        ("protocol", "Tcp"),
                        ("sourceAddressPrefixes", new[] { "203.0.113.0/24", "198.51.100.0/25" }),
                        ("sourcePortRange", "*")),
                    Obj(
                        ("access", "Allow"),
                        ("description", "The Azure load balancer's health probe."),
                        ("destinationAddressPrefix", "10.0.1.0/24"),
                        ("destinationPortRange", "443"),
                        ("direction", "Inbound"),
                        ("name", "AllowAzureLoadBalancerProbeInbound"),
                        ("priority", 110L),
                        ("protocol", "Tcp"),
                        ("sourceAddressPrefix", "AzureLoadBalancer"),
                        ("sourcePortRange", "*")),
                    Obj(
                        ("access", "Deny"),
                        ("description", "Everything not admitted above."),
                        ("destinationAddressPrefix", "*"),
                        ("destinationPortRange", "*"),
                        ("direction", "Inbound"),
                        ("name", "DenyAllInbound"),
                        ("priority", 4096L),
                        ("protocol", "*"),
                        ("sourceAddressPrefix", "*"),
                        ("sourcePortRange", "*")),
                }),
                ("tags", Obj(("managedBy", "edge-infra")))),
            nsg.Inputs);
        AssertOnlyVersion(nsg);

        var vnet = result.Resource("origin-vnet");
        Assert.Equal("azure-native:network:VirtualNetwork", vnet.Type);
        AssertTree(
            Obj(
                ("addressSpace", Obj(("addressPrefixes", new[] { "10.0.0.0/16" }))),
                ("location", "westeurope"),
                ("resourceGroupName", "rg-origin"),
                ("subnets", new[]
                {
                    Obj(
                        ("addressPrefix", "10.0.1.0/24"),
                        ("defaultOutboundAccess", false),
                        ("name", "web"),
                        ("networkSecurityGroup", Obj(("id", nsg.Id))),
                        ("privateEndpointNetworkPolicies", "Enabled"),
                        ("privateLinkServiceNetworkPolicies", "Enabled")),
                }),
                ("tags", Obj(("managedBy", "edge-infra")))),
            vnet.Inputs);
        AssertOnlyVersion(vnet);
        Assert.DoesNotContain(result.Resources, r => HasProperty(r.Inputs, "virtualNetworkName"));
        Assert.DoesNotContain(result.Resources, r => r.Options.Protect);
        Assert.Empty(InternetExposure.Find(program));
    }

    [Fact]
    public async Task A_full_configuration_states_every_subnet_rule_lock_role_and_diagnostic_setting()
    {
        static void Build() => _ = new OriginNetwork("origin", Full());

        var program = SynthConforming(Build);
        Assert.Equal(
            [
                "origin-nsg-data", "origin-nsg-data-diag", "origin-nsg-kong", "origin-nsg-kong-diag",
                "origin-nsg-web", "origin-nsg-web-diag", "origin-vnet", "origin-vnet-diag",
                "origin-vnet-lock", "origin-vnet-role-ops", "origin-vnet-role-ops-id",
            ],
            ResourceNames(program));
        var result = await RunAsync(Build, new NetworkMocks());
        var vnet = result.Resource("origin-vnet");
        Assert.Equal("vnet-origin-prod", vnet.Inputs["virtualNetworkName"]);
        AssertTree(Obj(("addressPrefixes", new[] { "10.0.0.0/16", "10.10.0.0/24" })), vnet.Inputs["addressSpace"]);
        var data = Assert.Single(AsObjects(vnet.Inputs["subnets"]), subnet => Equals(subnet["name"], "data"));
        Assert.Equal("10.10.0.0/29", data["addressPrefix"]);
        Assert.Equal(false, data["defaultOutboundAccess"]);
        AssertTree(Obj(("id", result.Resource("origin-nsg-data").Id)), data["networkSecurityGroup"]);

        var kongProbe = Assert.Single(AsObjects(result.Resource("origin-nsg-kong").Inputs["securityRules"]), rule => Equals(rule["name"], "AllowAzureLoadBalancerProbeInbound"));
        Assert.Equal("Allow", kongProbe["access"]);
        Assert.Equal("The Azure load balancer's health probe.", kongProbe["description"]);
        Assert.Equal("10.0.2.0/28", kongProbe["destinationAddressPrefix"]);
        Assert.Equal("8443", kongProbe["destinationPortRange"]);

        var webRules = AsObjects(result.Resource("origin-nsg-web").Inputs["securityRules"]).ToList();
        var ssh = webRules.FindIndex(rule => Equals(rule["name"], "AllowSshFromVnet"));
        Assert.True(ssh >= 0 && ssh + 3 < webRules.Count, "the web NSG has the additional rules, then more");
        AssertTree(
            new[]
            {
                Obj(
                    ("access", "Allow"),
                    ("description", "Bastion hosts inside the network."),
                    ("destinationAddressPrefix", "10.0.1.0/24"),
                    ("destinationPortRange", "22"),
                    ("direction", "Inbound"),
                    ("name", "AllowSshFromVnet"),
                    ("priority", 300L),
                    ("protocol", "Tcp"),
                    ("sourceAddressPrefix", "VirtualNetwork"),
                    ("sourcePortRange", "*")),
                Obj(
                    ("access", "Allow"),
                    ("destinationAddressPrefix", "10.0.1.0/24"),
                    ("destinationPortRange", "3389"),
                    ("direction", "Inbound"),
                    ("name", "AllowRdpFromOffice"),
                    ("priority", 310L),
                    ("protocol", "Tcp"),
                    ("sourceAddressPrefix", "192.168.50.0/24"),
                    ("sourcePortRange", "*")),
                Obj(
                    ("access", "Deny"),
                    ("destinationAddressPrefix", "10.0.1.0/24"),
                    ("destinationPortRange", "1024-65535"),
                    ("direction", "Inbound"),
                    ("name", "DenyHighPorts"),
                    ("priority", 400L),
                    ("protocol", "*"),
                    ("sourceAddressPrefix", "*"),
                    ("sourcePortRange", "*")),
            },
            ImmutableArray.CreateRange<object?>(webRules.GetRange(ssh, 3)));
        Assert.Equal("Deny", webRules[ssh + 3]["access"]);

        var protectedResources = result.Resources.Where(r => r.Options.Protect).ToList();
        Assert.Equal(4, protectedResources.Count);
        Assert.All(protectedResources, r =>
        {
            Assert.True(r.Options.RetainOnDelete);
            AssertTree(Obj(("env", "prod"), ("managedBy", "edge-infra")), r.Inputs["tags"]);
        });

        var vnetLock = result.Resource("origin-vnet-lock");
        Assert.Equal("azure-native:authorization:ManagementLockByScope", vnetLock.Type);
        AssertTree(
            Obj(
                ("level", "CanNotDelete"),
                ("lockName", "edge-infra-do-not-delete"),
                ("notes", "Managed by edge-infra (Pulumi): component 'origin' (edgeinfra:azure:OriginNetwork) keeps its 'vnet' from deletion. To lift it, set the component's lock to None and run pulumi up; do not remove it by hand."),
                ("scope", vnet.Id)),
            vnetLock.Inputs);
        AssertOnlyVersion(vnetLock);

        const string workspace = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs";
        var vnetDiagnostics = result.Resource("origin-vnet-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", vnetDiagnostics.Type);
        AssertTree(
            Obj(
                ("logs", new[] { Obj(("categoryGroup", "allLogs"), ("enabled", true)) }),
                ("metrics", new[] { Obj(("category", "AllMetrics"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", vnet.Id),
                ("workspaceId", workspace)),
            vnetDiagnostics.Inputs);
        var nsgDiagnostics = result.Resource("origin-nsg-web-diag");
        Assert.Equal("azure-native:monitor:DiagnosticSetting", nsgDiagnostics.Type);
        AssertTree(
            Obj(
                ("logs", new[] { Obj(("categoryGroup", "allLogs"), ("enabled", true)) }),
                ("name", "edge-infra-diagnostics"),
                ("resourceUri", result.Resource("origin-nsg-web").Id),
                ("workspaceId", workspace)),
            nsgDiagnostics.Inputs);

        var role = result.Resource("origin-vnet-role-ops");
        Assert.Equal("Group", role.Inputs["principalType"]);
        Assert.Equal(vnet.Id, role.Inputs["scope"]);
        Assert.Empty(InternetExposure.Find(program));
    }

    [Fact]
    public async Task Each_nsg_admits_exactly_the_edge_cidrs_on_443_and_nothing_else_from_outside()
    {
        var result = await RunAsync(() => new OriginNetwork("origin", Full()), new NetworkMocks());
        var groups = result.OfType("azure-native:network:NetworkSecurityGroup").ToList();
        Assert.Equal(3, groups.Count);
        foreach (var group in groups)
        {
            var rules = ((ImmutableArray<object?>)group.Inputs["securityRules"]!).Cast<ImmutableDictionary<string, object?>>().ToList();
            Assert.Equal(
                ["AllowEdgeHttpsInbound", "AllowAzureLoadBalancerProbeInbound", "AllowSshFromVnet", "AllowRdpFromOffice", "DenyHighPorts", "DenyAllInbound"],
                rules.Select(r => (string)r["name"]!));
            var admitting443 = rules.Where(r => (string)r["access"]! == "Allow" && InternetExposure.PortRangeIncludes((string)r["destinationPortRange"]!, 443)).ToList();
            var edge = Assert.Single(admitting443);
            Assert.Equal("Tcp", edge["protocol"]);
            Assert.Equal(EdgeCidrs, ((ImmutableArray<object?>)edge["sourceAddressPrefixes"]!).Cast<string>());
            Assert.False(edge.ContainsKey("sourceAddressPrefix"));
            var allowedSources = rules.Where(r => (string)r["access"]! == "Allow").SelectMany(SourcesOf);
            Assert.Equal(EdgeCidrs, allowedSources.Where(InternetExposure.IsInternetSource));
            var last = rules[^1];
            Assert.Equal(("Deny", 4096L, "*", "*", "*"), ((string)last["access"]!, (long)last["priority"]!, (string)last["sourceAddressPrefix"]!, (string)last["destinationPortRange"]!, (string)last["protocol"]!));
        }
    }

    [Fact]
    public async Task Subnets_reference_their_own_nsg_and_outputs_resolve_to_the_deployed_ids()
    {
        OriginNetwork network = null!;
        var result = await RunAsync(() => network = new OriginNetwork("origin", Full()), new NetworkMocks());
        var vnet = result.Resource("origin-vnet");
        var subnets = ((ImmutableArray<object?>)vnet.Inputs["subnets"]!).Cast<ImmutableDictionary<string, object?>>().ToList();
        Assert.Equal(["web", "kong", "data"], subnets.Select(s => (string)s["name"]!));
        foreach (var subnet in subnets)
        {
            var name = (string)subnet["name"]!;
            Assert.Equal($"origin-nsg-{name}_id", ((ImmutableDictionary<string, object?>)subnet["networkSecurityGroup"]!)["id"]);
            Assert.False((bool)subnet["defaultOutboundAccess"]!);
            Assert.Equal("Enabled", subnet["privateEndpointNetworkPolicies"]);
            Assert.Equal($"origin-nsg-{name}_id", result.Evaluate(network.NetworkSecurityGroupIds[name]));
            Assert.Equal($"origin-vnet_id/subnets/{name}", result.Evaluate(network.SubnetId(name)));
            Assert.Equal($"origin-vnet_id/subnets/{name}", result.Evaluate(network.SubnetIds[name]));
        }

        Assert.Equal("origin-vnet_id", result.Evaluate(network.VirtualNetworkId));
        Assert.Equal("vnet-origin-prod", result.Evaluate(network.VirtualNetworkName));
        Assert.Equal(["data", "kong", "web"], network.AddressPlan.Subnets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(251L, AddressPlan.UsableAddresses(network.AddressPlan.Subnets["web"]));
    }

    [Fact]
    public void Asking_for_a_subnet_the_network_does_not_have_lists_those_it_has()
    {
        OriginNetwork network = null!;
        Synth(() => network = new OriginNetwork("origin", Full()));
        var error = Assert.Throws<ArgumentException>(() => network.SubnetId("app"));
        Assert.StartsWith("'app' is not a subnet of this network: web, kong, data.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_nothing_is_created()
    {
        var errors = Errors(() => new OriginNetwork("origin", Args(
            addressSpace: ["10.0.0.1/16"],
            subnets: [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/30" }, new SubnetSpec { Name = "web", AddressPrefix = "10.0.2.0/24" }],
            edgeCidrs: [])));
        Assert.All(errors, e => Assert.Equal(Subject, e.Subject));
        Assert.Equal(
            [
                ("subnets[1].name", "'web' repeats subnets[0].name: subnet names must be unique (Azure compares them ignoring case)"),
                ("addressSpace[0]", "'10.0.0.1/16' has host bits set: its network address is 10.0.0.0/16"),
                ("subnets[0].addressPrefix", "'10.0.1.0/30' is smaller than /29: Azure subnets must be /29 or larger"),
                ("edgeCidrs", "is empty: list the edge's egress ranges (Akamai Site Shield or origin IP ACL CIDRs), the only sources admitted on 443"),
            ],
            errors.Select(e => (e.Property!, e.Message)));
        Assert.Equal(
            "component 'origin' (edgeinfra:azure:OriginNetwork), property 'subnets[0].addressPrefix': '10.0.1.0/30' is smaller than /29: Azure subnets must be /29 or larger",
            errors[2].ToString());
    }

    [Theory]
    [InlineData("10.0.0/16", "addressSpace[0]", "'10.0.0/16' has 3 octets: an IPv4 address has 4, expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData("10.0.0.1/16", "addressSpace[0]", "'10.0.0.1/16' has host bits set: its network address is 10.0.0.0/16")]
    [InlineData("10.0.300.0/16", "addressSpace[0]", "'10.0.300.0/16' octet '300' is not a number from 0 to 255")]
    [InlineData("10.0.0.0/40", "addressSpace[0]", "'10.0.0.0/40' prefix length '40' is not a number from 0 to 32")]
    [InlineData("10.0.0.0/16 ", "addressSpace[0]", "'10.0.0.0/16 ' contains whitespace: expected an IPv4 CIDR such as 10.0.0.0/16")]
    public void An_invalid_address_space_is_refused(string addressSpace, string property, string message) =>
        AssertOnlyError(Args(addressSpace: [addressSpace]), property, message);

    [Fact]
    public void An_empty_or_overlapping_address_space_is_refused()
    {
        AssertOnlyError(Args(addressSpace: []), "addressSpace", "is empty: a virtual network needs at least one address range, e.g. 10.0.0.0/16");
        AssertOnlyError(Args(addressSpace: ["10.0.0.0/16", "10.0.128.0/17"]), "addressSpace[1]", "'10.0.128.0/17' overlaps addressSpace[0] '10.0.0.0/16': address ranges of a virtual network must not overlap");
    }

    [Theory]
    [InlineData("10.0.1.0/30", "'10.0.1.0/30' is smaller than /29: Azure subnets must be /29 or larger")]
    [InlineData("10.0.1.1/24", "'10.0.1.1/24' has host bits set: its network address is 10.0.1.0/24")]
    [InlineData("10.1.0.0/24", "'10.1.0.0/24' is not inside the address space 10.0.0.0/16: a subnet must lie within one of the virtual network's address ranges")]
    [InlineData("10.0.0.0/15", "'10.0.0.0/15' is not inside the address space 10.0.0.0/16: a subnet must lie within one of the virtual network's address ranges")]
    [InlineData("10.0.1.0", "'10.0.1.0' has no prefix length: expected an IPv4 CIDR such as 10.0.0.0/16")]
    public void An_invalid_subnet_prefix_is_refused(string prefix, string message) =>
        AssertOnlyError(Args(subnets: [new SubnetSpec { Name = "web", AddressPrefix = prefix }]), "subnets[0].addressPrefix", message);

    [Fact]
    public void Overlapping_subnets_are_refused() =>
        AssertOnlyError(
            Args(subnets: [new SubnetSpec { Name = "web", AddressPrefix = "10.0.0.0/23" }, new SubnetSpec { Name = "kong", AddressPrefix = "10.0.1.0/24" }]),
            "subnets[1].addressPrefix",
            "'10.0.1.0/24' overlaps subnets[0] 'web' (10.0.0.0/23): subnets must not overlap");

    [Fact]
    public void An_empty_subnet_list_is_refused() =>
        AssertOnlyError(Args(subnets: []), "subnets", "is empty: an origin network needs at least one subnet");

    [Fact]
    public void A_subnet_with_fewer_usable_addresses_than_asked_is_refused()
    {
        AssertOnlyError(
            Args(subnets: [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/28", MinimumHosts = 12 }]),
            "subnets[0].minimumHosts",
            "'10.0.1.0/28' has 11 usable addresses (16 minus the 5 Azure reserves), fewer than the 12 asked");
        AssertOnlyError(
            Args(subnets: [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/28", MinimumHosts = 0 }]),
            "subnets[0].minimumHosts",
            "0 is not a number of hosts: it must be at least 1");
        SynthConforming(() => new OriginNetwork("origin", Args(subnets: [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/28", MinimumHosts = 11 }])));
    }

    [Theory]
    [InlineData("web subnet", "'web subnet' is not a subnet name: a letter, then letters, digits, '_' or '-', ending with a letter, digit or '_' (at most 80 characters)")]
    [InlineData("1web", "'1web' is not a subnet name: a letter, then letters, digits, '_' or '-', ending with a letter, digit or '_' (at most 80 characters)")]
    [InlineData("web-", "'web-' is not a subnet name: a letter, then letters, digits, '_' or '-', ending with a letter, digit or '_' (at most 80 characters)")]
    [InlineData("web.app", "'web.app' is not a subnet name: a letter, then letters, digits, '_' or '-', ending with a letter, digit or '_' (at most 80 characters)")]
    [InlineData("gatewaysubnet", "'gatewaysubnet' is reserved for an Azure service (GatewaySubnet) whose security rules this component does not state: name the subnet otherwise")]
    [InlineData("AzureBastionSubnet", "'AzureBastionSubnet' is reserved for an Azure service (AzureBastionSubnet) whose security rules this component does not state: name the subnet otherwise")]
    public void An_invalid_subnet_name_is_refused(string name, string message) =>
        AssertOnlyError(Args(subnets: [new SubnetSpec { Name = name, AddressPrefix = "10.0.1.0/24" }]), "subnets[0].name", message);

    [Fact]
    public async Task Service_endpoints_are_stated_on_their_subnet_only()
    {
        static void Build() => _ = new OriginNetwork("origin", Args(subnets:
        [
            new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24", ServiceEndpoints = ["Microsoft.KeyVault", "Microsoft.Storage"] },
            new SubnetSpec { Name = "data", AddressPrefix = "10.0.2.0/24" },
        ]));

        SynthConforming(Build);
        var result = await RunAsync(Build, new NetworkMocks());
        var subnets = AsObjects(result.Resource("origin-vnet").Inputs["subnets"]).ToDictionary(subnet => (string)subnet["name"]!);
        AssertTree(new[] { Obj(("service", "Microsoft.KeyVault")), Obj(("service", "Microsoft.Storage")) }, subnets["web"]["serviceEndpoints"]);
        Assert.False(subnets["data"].ContainsKey("serviceEndpoints"));
        Assert.Single(result.Resources, r => HasProperty(r.Inputs, "serviceEndpoints"));
    }

    [Theory]
    [InlineData("Microsoft.Keyvault", "'Microsoft.Keyvault' is not a service endpoint: one of Microsoft.AzureActiveDirectory, Microsoft.AzureCosmosDB, Microsoft.CognitiveServices, Microsoft.ContainerRegistry, Microsoft.EventHub, Microsoft.KeyVault, Microsoft.ServiceBus, Microsoft.Sql, Microsoft.Storage, Microsoft.Storage.Global, Microsoft.Web")]
    [InlineData("", "'' is not a service endpoint: one of Microsoft.AzureActiveDirectory, Microsoft.AzureCosmosDB, Microsoft.CognitiveServices, Microsoft.ContainerRegistry, Microsoft.EventHub, Microsoft.KeyVault, Microsoft.ServiceBus, Microsoft.Sql, Microsoft.Storage, Microsoft.Storage.Global, Microsoft.Web")]
    public void An_unknown_service_endpoint_is_refused(string service, string message) =>
        AssertOnlyError(Args(subnets: [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24", ServiceEndpoints = [service] }]), "subnets[0].serviceEndpoints[0]", message);

    [Fact]
    public void A_repeated_service_endpoint_is_refused() =>
        AssertOnlyError(
            Args(subnets: [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24", ServiceEndpoints = ["Microsoft.KeyVault", "Microsoft.KeyVault"] }]),
            "subnets[0].serviceEndpoints[1]",
            "'Microsoft.KeyVault' is listed twice: each service endpoint once");

    [Fact]
    public void Duplicate_subnet_names_are_refused_whatever_their_case() =>
        AssertOnlyError(
            Args(subnets: [new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24" }, new SubnetSpec { Name = "Web", AddressPrefix = "10.0.2.0/24" }]),
            "subnets[1].name",
            "'Web' repeats subnets[0].name: subnet names must be unique (Azure compares them ignoring case)");

    [Theory]
    [InlineData("-vnet")]
    [InlineData("v")]
    [InlineData("vnet.")]
    [InlineData("vnet origin")]
    public void An_invalid_virtual_network_name_is_refused(string name) =>
        AssertOnlyError(Args(virtualNetworkName: name), "virtualNetworkName", $"'{name}' is not a virtual network name: 2 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'");

    [Fact]
    public void Empty_edge_cidrs_are_refused() =>
        AssertOnlyError(Args(edgeCidrs: []), "edgeCidrs", "is empty: list the edge's egress ranges (Akamai Site Shield or origin IP ACL CIDRs), the only sources admitted on 443");

    [Theory]
    [InlineData("203.0.113.7/24", "'203.0.113.7/24' has host bits set: its network address is 203.0.113.0/24")]
    [InlineData("203.0.113.0", "'203.0.113.0' has no prefix length: expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData("akamai", "'akamai' has no prefix length: expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData("0.0.0.0/0", "'0.0.0.0/0' is wider than /8: an edge CIDR is the edge's own egress range, never a large part of the Internet")]
    [InlineData("203.0.113.0/24", "'203.0.113.0/24' repeats edgeCidrs[0]: list each edge range once")]
    public void A_bad_edge_cidr_is_refused(string cidr, string message) =>
        AssertOnlyError(Args(edgeCidrs: ["203.0.113.0/24", cidr]), "edgeCidrs[1]", message);

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void A_health_probe_port_that_is_not_a_port_is_refused(int port) =>
        AssertOnlyError(Args(healthProbePort: port), "healthProbePort", $"{port} is not a port: it must be from 1 to 65535");

    [Theory]
    [InlineData("Tcp", "*", "22", 22)]
    [InlineData("Tcp", "Internet", "3389", 3389)]
    [InlineData("Udp", "0.0.0.0/0", "3389", 3389)]
    [InlineData("*", "8.8.8.0/24", "20-30", 22)]
    [InlineData("Tcp", "AzureCloud", "3000-4000", 3389)]
    [InlineData("Tcp", "203.0.113.0/24", "22", 22)]
    public void An_extra_rule_opening_22_or_3389_to_the_internet_is_refused(string protocol, string source, string ports, int port) =>
        AssertOnlyError(
            Args(rules: [new InboundRuleSpec { Name = "Open", Priority = 300, Protocol = protocol, SourceAddressPrefix = source, DestinationPortRange = ports }]),
            "additionalInboundRules[0]",
            $"rule 'Open' allows port {port} ({ports}) from '{source}', which is the Internet: SSH (22) and RDP (3389) must never be reachable from the Internet; reach VMs through Azure Bastion or a private network");

    [Fact]
    public void An_extra_rule_opening_every_port_to_the_internet_is_refused_for_22_and_for_3389()
    {
        var errors = Errors(() => new OriginNetwork("origin", Args(rules: [new InboundRuleSpec { Name = "AllowAll", Priority = 300, Protocol = "*", SourceAddressPrefix = "*", DestinationPortRange = "*" }])));
        Assert.Equal(
            [
                ("additionalInboundRules[0]", "rule 'AllowAll' allows port 22 (*) from '*', which is the Internet: SSH (22) and RDP (3389) must never be reachable from the Internet; reach VMs through Azure Bastion or a private network"),
                ("additionalInboundRules[0]", "rule 'AllowAll' allows port 3389 (*) from '*', which is the Internet: SSH (22) and RDP (3389) must never be reachable from the Internet; reach VMs through Azure Bastion or a private network"),
            ],
            errors.Select(e => (e.Property!, e.Message)));
    }

    [Theory]
    [InlineData("Allow", "Tcp", "VirtualNetwork", "22")]
    [InlineData("Allow", "Tcp", "10.1.0.0/16", "3389")]
    [InlineData("Allow", "Icmp", "*", "*")]
    [InlineData("Deny", "*", "*", "22")]
    [InlineData("Allow", "Tcp", "*", "8443")]
    [InlineData("Allow", "Tcp", "Internet", "23-3388")]
    public void Extra_rules_that_keep_22_and_3389_closed_to_the_internet_are_accepted(string access, string protocol, string source, string ports)
    {
        var program = SynthConforming(() => new OriginNetwork("origin", Args(rules: [new InboundRuleSpec { Name = "Extra", Priority = 300, Access = access, Protocol = protocol, SourceAddressPrefix = source, DestinationPortRange = ports }])));
        Assert.Empty(InternetExposure.Find(program));
    }

    [Theory]
    [InlineData("name", "-rule", "'-rule' is not a security rule name: a letter or digit, then letters, digits, '_', '.' or '-', ending with a letter, digit or '_' (at most 80 characters)")]
    [InlineData("name", "denyallinbound", "'denyallinbound' is the name of the component's own rule DenyAllInbound: name the rule otherwise")]
    [InlineData("priority", "150", "150 is not from 200 to 4095: 100 to 199 belong to the component's own rules and 4096 to DenyAllInbound")]
    [InlineData("priority", "4096", "4096 is not from 200 to 4095: 100 to 199 belong to the component's own rules and 4096 to DenyAllInbound")]
    [InlineData("access", "allow", "'allow' is not an access: Allow or Deny")]
    [InlineData("protocol", "TCP", "'TCP' is not a protocol: Tcp, Udp, Icmp, Esp, Ah, *")]
    [InlineData("sourceAddressPrefix", "10.1.0.1/16", "'10.1.0.1/16' has host bits set: its network address is 10.1.0.0/16; a source is an IPv4 CIDR, a service tag such as VirtualNetwork, or *")]
    [InlineData("sourceAddressPrefix", "Virtual Network", "'Virtual Network' contains whitespace: expected an IPv4 CIDR such as 10.0.0.0/16; a source is an IPv4 CIDR, a service tag such as VirtualNetwork, or *")]
    [InlineData("destinationPortRange", "70000", "'70000' is not a port range: a port from 0 to 65535 (443), a range low-high (8000-8100) or *")]
    [InlineData("destinationPortRange", "30-20", "'30-20' is not a port range: a port from 0 to 65535 (443), a range low-high (8000-8100) or *")]
    [InlineData("destinationPortRange", "22,3389", "'22,3389' is not a port range: a port from 0 to 65535 (443), a range low-high (8000-8100) or *")]
    public void An_invalid_extra_rule_is_refused(string property, string value, string message)
    {
        var rule = new InboundRuleSpec { Name = "Extra", Priority = 300, SourceAddressPrefix = "VirtualNetwork", DestinationPortRange = "8443" };
        rule = property switch
        {
            "name" => rule with { Name = value },
            "priority" => rule with { Priority = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "access" => rule with { Access = value },
            "protocol" => rule with { Protocol = value },
            "sourceAddressPrefix" => rule with { SourceAddressPrefix = value },
            _ => rule with { DestinationPortRange = value },
        };
        AssertOnlyError(Args(rules: [rule]), $"additionalInboundRules[0].{property}", message);
    }

    [Fact]
    public void Extra_rules_with_the_same_name_or_priority_are_refused()
    {
        var first = new InboundRuleSpec { Name = "Extra", Priority = 300, SourceAddressPrefix = "VirtualNetwork", DestinationPortRange = "8443" };
        var errors = Errors(() => new OriginNetwork("origin", Args(rules: [first, first with { Name = "EXTRA" }])));
        Assert.Equal(
            [
                ("additionalInboundRules[1].name", "'EXTRA' repeats additionalInboundRules[0].name: rule names must be unique (Azure compares them ignoring case)"),
                ("additionalInboundRules[1].priority", "300 repeats additionalInboundRules[0].priority: priorities must be unique"),
            ],
            errors.Select(e => (e.Property!, e.Message)));
    }

    private static OriginNetworkArgs Args(
        IReadOnlyList<string>? addressSpace = null,
        IReadOnlyList<SubnetSpec>? subnets = null,
        IReadOnlyList<string>? edgeCidrs = null,
        IReadOnlyList<InboundRuleSpec>? rules = null,
        int healthProbePort = 443,
        string? virtualNetworkName = null)
    {
        var defaults = Defaults();
        return new OriginNetworkArgs
        {
            ResourceGroupName = defaults.ResourceGroupName,
            Location = defaults.Location,
            VirtualNetworkName = virtualNetworkName,
            AddressSpace = addressSpace ?? defaults.AddressSpace,
            Subnets = subnets ?? defaults.Subnets,
            EdgeCidrs = edgeCidrs ?? defaults.EdgeCidrs,
            AdditionalInboundRules = rules ?? [],
            HealthProbePort = healthProbePort,
        };
    }

    private static void AssertOnlyError(OriginNetworkArgs args, string property, string message)
    {
        var error = Assert.Single(Errors(() => new OriginNetwork("origin", args)));
        Assert.Equal((Subject, property, message), (error.Subject, error.Property, error.Message));
    }

    private static IEnumerable<string> SourcesOf(ImmutableDictionary<string, object?> rule) =>
        rule.TryGetValue("sourceAddressPrefix", out var one)
            ? new[] { (string)one! }
            : ((ImmutableArray<object?>)rule["sourceAddressPrefixes"]!).Cast<string>();

    private static List<string> ResourceNames(string program) =>
        [.. EdgeInfra.Review.ProgramDocument.Parse(program).Resources.Keys];

    /// <summary>Asserts that <paramref name="resource"/> is stated with no option but its pinned version.</summary>
    private static void AssertOnlyVersion(EdgeInfra.Testing.TestResource resource)
    {
        Assert.Equal("3.28.0", resource.Options.Version);
        Assert.Empty(resource.Options.DependsOn);
        Assert.Null(resource.Options.Parent);
        Assert.Null(resource.Options.Provider);
        Assert.False(resource.Options.Protect);
        Assert.False(resource.Options.RetainOnDelete);
    }
}
