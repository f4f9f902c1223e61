using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Stacks.Tests;

/// <summary>What the Pulumi YAML runtime asks of its compiler: determinism, package discovery without a stack, secrets never printed.</summary>
public sealed class PulumiRuntimeContractTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new();

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Synthesizing_twice_gives_byte_identical_programs(string stack) =>
        Assert.Equal(StackProgram.Synth(stack), StackProgram.Synth(stack));

    [Fact]
    public void Without_stack_or_config_synth_succeeds_and_names_the_same_packages_and_versions()
    {
        var (exitCode, discovery, error) = StackProgram.Run(NoEnvironment, "synth");
        Assert.True(exitCode == 0, error);
        var used = Packages(StackProgram.Synth("dev")).Union(Packages(StackProgram.Synth("prod"))).ToHashSet();
        var discovered = Packages(discovery).ToHashSet();

        // Discovery cannot run the stack (no config), so it names every package the program links: the ones the
        // stacks use, at the same versions, and the linked ones they do not use yet (azuread), pinned the same way.
        Assert.Subset(discovered, used);
        Assert.Equal(
            ["akamai@11.4.0", "azure-native@3.28.0", "azuread@6.10.0", "random@4.21.1", "tls@5.5.1"],
            discovered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_secret_in_pulumi_config_appears_nowhere_in_the_program()
    {
        // The one secret the stacks read is the HMAC key of HS256 tokens (an unknown key is refused), so the test
        // allows HS256 and sets the key as `pulumi config set --secret` would: PULUMI_CONFIG holds it decrypted, and
        // nothing of it may reach the program; the program refers to it by key.
        const string secret = "pa55-W0rd-that-must-never-leak";
        var jwt = System.Text.Json.Nodes.JsonNode.Parse(StackConfig.OidcJwt)!;
        jwt["algorithms"] = new System.Text.Json.Nodes.JsonArray("RS256", "HS256");
        var config = StackConfig.AsPulumiConfig("dev", new Dictionary<string, string> { ["jwt"] = jwt.ToJsonString(), ["jwtHmacKey"] = secret }, without: "entra");
        var (exitCode, program, error) = StackProgram.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_PROJECT"] = "edge-infra",
            ["PULUMI_CONFIG"] = config,
            ["PULUMI_CONFIG_SECRET_KEYS"] = "[\"edge-infra:jwtHmacKey\"]",
        }, "synth");
        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain(secret, program);
        Assert.Contains("jwtHmacKey", program, StringComparison.Ordinal);
        Assert.DoesNotContain("edgeLogStorageKey", program);
    }

    /// <summary>The packages a program uses, with versions, as Pulumi's package discovery reads them.</summary>
    private static IEnumerable<string> Packages(string program)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(program));
        var resources = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)[new YamlScalarNode("resources")];
        foreach (var (_, node) in resources.Children)
        {
            var resource = (YamlMappingNode)node;
            var type = ((YamlScalarNode)resource[new YamlScalarNode("type")]).Value!;
            var package = EdgeInfra.TypeTokens.PackageOf(type);
            var version = resource.Children.TryGetValue(new YamlScalarNode("options"), out var options)
                && ((YamlMappingNode)options).Children.TryGetValue(new YamlScalarNode("version"), out var v)
                ? ((YamlScalarNode)v).Value
                : null;
            yield return $"{package}@{version}";
        }
    }
}
