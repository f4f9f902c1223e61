using EdgeInfra.AzureNative.Network;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Components.Azure.Network;
using static EdgeInfra.Components.Tests.Azure.Network.OriginNetworkFixtures;
using static EdgeInfra.Components.Tests.ComponentHarness;
using RuleArgs = EdgeInfra.AzureNative.Network.Inputs.SecurityRuleArgs;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure.Network;

public sealed class InternetExposureTests
{
    [Fact]
    public void A_program_of_origin_networks_admits_neither_22_nor_3389_from_the_internet()
    {
        var program = SynthConforming(() =>
        {
            _ = new OriginNetwork("origin", Full());
            _ = new OriginNetwork("other", Defaults());
        });
        Assert.Empty(InternetExposure.Find(program));
        Assert.Empty(InternetExposure.Find(program, 22, 3389, 5985, 5986));
    }

    [Fact]
    public void Asked_about_443_the_check_finds_exactly_the_edge_cidrs()
    {
        var program = SynthConforming(() => new OriginNetwork("origin", Defaults()));
        Assert.Equal(
            [
                "resource 'origin-nsg-web', securityRules[0] (rule 'AllowEdgeHttpsInbound') admits port 443 from '203.0.113.0/24'",
                "resource 'origin-nsg-web', securityRules[0] (rule 'AllowEdgeHttpsInbound') admits port 443 from '198.51.100.0/25'",
            ],
            InternetExposure.Find(program, 443).Select(f => f.ToString()));
    }

    [Fact]
    public void Rules_that_admit_22_or_3389_from_the_internet_are_found_wherever_they_are_stated()
    {
        var program = Synth(OpenStack);
        Assert.Equal(
            [
                new InternetExposureFinding("open-nsg", "securityRules[0]", "Ssh", 22, "*"),
                new InternetExposureFinding("open-nsg", "securityRules[1]", "Everything", 22, "8.8.8.0/24"),
                new InternetExposureFinding("open-nsg", "securityRules[1]", "Everything", 3389, "8.8.8.0/24"),
                new InternetExposureFinding("open-nsg", "securityRules[4]", "FromReference", 22, "(known at deploy time)"),
                new InternetExposureFinding("rdp-rule", string.Empty, null, 3389, "Internet"),
            ],
            InternetExposure.Find(program));
    }

    [Fact]
    public void The_stack_graph_read_from_typed_inputs_finds_what_the_program_text_shows()
    {
        var graph = StackBuilder.Build(() => new LambdaStack(OpenStack), Settings());
        Assert.Equal(InternetExposure.Find(ProgramSynthesizer.Synthesize(graph)), InternetExposure.Find(graph));
        Assert.Equal(5, InternetExposure.Find(graph).Count);
    }

    [Fact]
    public void Rules_in_hand_written_programs_are_read_with_lists_ranges_and_escaped_literals()
    {
        const string program = """
            name: "edge-infra"
            runtime: "yaml"
            resources:
              vnet:
                type: "azure-native:network:VirtualNetwork"
                properties:
                  subnets:
                    - name: "web"
                      networkSecurityGroup:
                        securityRules:
                          - name: "Range"
                            access: "allow"
                            direction: "inbound"
                            protocol: "tcp"
                            sourceAddressPrefixes: ["10.0.0.0/8", "0.0.0.0/0"]
                            destinationPortRanges: ["80", "20-25"]
                          - name: "Literal"
                            access: "Allow"
                            direction: "Inbound"
                            protocol: "Tcp"
                            sourceAddressPrefix: "$${not-a-reference}"
                            destinationPortRange: "3389"
                          - name: "Private"
                            access: "Allow"
                            direction: "Inbound"
                            protocol: "Tcp"
                            sourceAddressPrefix: "192.168.0.4"
                            destinationPortRange: "*"
            """;
        Assert.Equal(
            [
                "resource 'vnet', subnets[0].networkSecurityGroup.securityRules[0] (rule 'Range') admits port 22 from '0.0.0.0/0'",
                "resource 'vnet', subnets[0].networkSecurityGroup.securityRules[1] (rule 'Literal') admits port 3389 from '${not-a-reference}'",
            ],
            InternetExposure.Find(program).Select(f => f.ToString()));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("Internet", true)]
    [InlineData("internet", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("203.0.113.0/24", true)]
    [InlineData("AzureCloud", true)]
    [InlineData("not a source", true)]
    [InlineData("VirtualNetwork", false)]
    [InlineData("AzureLoadBalancer", false)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("172.16.5.4", false)]
    public void Only_the_virtual_network_the_load_balancer_and_private_ranges_are_not_the_internet(string source, bool isInternet) =>
        Assert.Equal(isInternet, InternetExposure.IsInternetSource(source));

    [Theory]
    [InlineData("*", true)]
    [InlineData("Any", true)]
    [InlineData("internet", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("::/0", true)]
    [InlineData("203.0.113.0/24", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("VirtualNetwork", false)]
    [InlineData("10.0.0.0/8", false)]
    public void Only_wildcards_the_internet_tag_and_slash_zero_are_every_source(string source, bool isAny) =>
        Assert.Equal(isAny, InternetExposure.IsAnySource(source));

    [Theory]
    [InlineData("*", 22, true)]
    [InlineData("22", 22, true)]
    [InlineData("0-1024", 22, true)]
    [InlineData("3389-3389", 3389, true)]
    [InlineData("23-3388", 22, false)]
    [InlineData("23-3388", 3389, false)]
    [InlineData("443", 22, false)]
    [InlineData("unreadable", 22, true)]
    public void Port_ranges_include_their_bounds_and_unreadable_ones_count_as_including(string range, int port, bool included) =>
        Assert.Equal(included, InternetExposure.PortRangeIncludes(range, port));

    /// <summary>A stack with security rules stated directly with the bindings, some of them wide open.</summary>
    private static void OpenStack()
    {
        var group = new ResourceGroup("rg", new ResourceGroupArgs { Location = "westeurope" });
        _ = new NetworkSecurityGroup("open-nsg", new NetworkSecurityGroupArgs
        {
            ResourceGroupName = group.Name,
            SecurityRules =
            [
                Rule("Ssh", 100, "Allow", "Inbound", "Tcp", "*", "22"),
                Rule("Everything", 110, "Allow", "Inbound", "*", "8.8.8.0/24", "*"),
                Rule("DenySsh", 120, "Deny", "Inbound", "Tcp", "*", "22"),
                Rule("Outbound", 130, "Allow", "Outbound", "Tcp", "*", "22"),
                new RuleArgs { Name = "FromReference", Priority = 140, Access = "Allow", Direction = "Inbound", Protocol = "Tcp", SourceAddressPrefix = group.Name, DestinationPortRange = "22" },
                Rule("Icmp", 150, "Allow", "Inbound", "Icmp", "*", "*"),
                Rule("FromVnet", 160, "Allow", "Inbound", "Tcp", "VirtualNetwork", "3389"),
            ],
        });
        _ = new SecurityRule("rdp-rule", new SecurityRuleArgs
        {
            ResourceGroupName = group.Name,
            NetworkSecurityGroupName = "legacy",
            Priority = 100,
            Access = "Allow",
            Direction = "Inbound",
            Protocol = "Tcp",
            SourceAddressPrefix = "Internet",
            DestinationPortRange = "3000-4000",
        });
    }

    private static RuleArgs Rule(string name, int priority, string access, string direction, string protocol, string source, string ports) => new()
    {
        Name = name,
        Priority = priority,
        Access = access,
        Direction = direction,
        Protocol = protocol,
        SourceAddressPrefix = source,
        DestinationPortRange = ports,
    };
}
