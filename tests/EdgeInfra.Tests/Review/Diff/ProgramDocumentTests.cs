using EdgeInfra.Review;
using EdgeInfra.Yaml;

namespace EdgeInfra.Tests.Review;

/// <summary>Reading synthesized programs back: resources, config, variables and outputs, and clear errors for other texts.</summary>
public sealed class ProgramDocumentTests
{
    private const string Program = """
        name: "edge-infra"
        runtime: "yaml"
        config:
          location:
            type: "string"
          partnerApiKey:
            type: "string"
            secret: true
        variables:
          invoke-getClientConfig-1a2b3c4d:
            fn::invoke:
              function: "azure-native:authorization:getClientConfig"
              arguments: {}
        resources:
          origin-password:
            type: "random:index/randomPassword:RandomPassword"
            properties:
              length: 32
              overrideSpecial: "!#"
              special: true
              upper: null
              version: "90"
            options:
              protect: true
              version: "4.21.1"
          rg:
            type: "azure-native:resources:ResourceGroup"
        outputs:
          password:
            fn::secret: "${origin-password.result}"

        """;

    [Fact]
    public void Reads_resources_with_their_properties_and_options()
    {
        var program = ProgramDocument.Parse(Program);

        Assert.Equal("edge-infra", program.Name);
        Assert.Equal(["origin-password", "rg"], program.Resources.Keys);
        var password = program.Resources["origin-password"];
        Assert.Equal("random:index/randomPassword:RandomPassword", password.Type);
        Assert.Equal(["length", "overrideSpecial", "special", "upper", "version"], password.Properties.Entries.Select(e => e.Key));
        Assert.Equal(new YamlPlain("32"), password.Properties.Entries[0].Value);
        Assert.Equal(new YamlString("!#"), password.Properties.Entries[1].Value);
        Assert.Equal(new YamlPlain("true"), password.Properties.Entries[2].Value);
        Assert.Equal(YamlPlain.Null, password.Properties.Entries[3].Value);
        Assert.Equal(new YamlString("90"), password.Properties.Entries[4].Value);
        Assert.True(password.HasFlag("protect"));
        Assert.Equal(new YamlString("4.21.1"), password.Option("version"));
        Assert.Empty(program.Resources["rg"].Properties.Entries);
        Assert.Empty(program.Resources["rg"].Options.Entries);
    }

    [Fact]
    public void Reads_config_declarations_variables_and_outputs()
    {
        var program = ProgramDocument.Parse(Program);

        Assert.Equal(["location", "partnerApiKey"], program.Config.Keys);
        Assert.False(program.Config["location"].IsSecret);
        Assert.True(program.Config["partnerApiKey"].IsSecret);
        Assert.Equal(["invoke-getClientConfig-1a2b3c4d"], program.Variables.Keys);
        Assert.Equal(["password"], program.Outputs.Keys);
        Assert.IsType<YamlMapping>(program.Outputs["password"]);
    }

    [Fact]
    public void Plain_scalars_that_are_not_numbers_booleans_or_null_are_strings()
    {
        var program = ProgramDocument.Parse("""
            resources:
              rg:
                type: azure-native:resources:ResourceGroup
                properties:
                  location: westeurope
                  count: 0x1F
                  ratio: -1.5e3
                  enabled: False

            """);

        var properties = program.Resources["rg"].Properties.Entries.ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal("azure-native:resources:ResourceGroup", program.Resources["rg"].Type);
        Assert.Equal(new YamlString("westeurope"), properties["location"]);
        Assert.Equal(new YamlPlain("0x1F"), properties["count"]);
        Assert.Equal(new YamlPlain("-1.5e3"), properties["ratio"]);
        Assert.Equal(new YamlPlain("False"), properties["enabled"]);
    }

    [Fact]
    public void Reads_the_golden_program_of_the_dev_stack()
    {
        var program = ProgramDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "tests", "EdgeInfra.Stacks.Tests", "Golden", "dev.golden.yml")));

        Assert.Contains("app-vault-vault", program.Resources.Keys);
        Assert.Equal("azure-native:keyvault:Vault", program.Resources["app-vault-vault"].Type);
        Assert.Contains("vaultUri", program.Outputs.Keys);
    }

    [Theory]
    [InlineData("resources: [", "not valid YAML")]
    [InlineData("", "the text is empty")]
    [InlineData("- a\n- b\n", "its top level is not a mapping")]
    [InlineData("name: \"edge-infra\"\nruntime: \"yaml\"\n", "it has no 'resources' section")]
    [InlineData("resources:\n  - \"rg\"\n", "'resources' (line 2, column 3) is not a mapping")]
    [InlineData("resources:\n  rg: \"azure-native:resources:ResourceGroup\"\n", "resource 'rg' (line 2, column 7) is not a mapping")]
    [InlineData("resources:\n  rg:\n    properties: {}\n", "resource 'rg' (line 3, column 5) has no 'type'")]
    [InlineData("resources:\n  rg:\n    type: \"ResourceGroup\"\n", "resource 'rg' (line 3, column 5) has the type \"ResourceGroup\", not a type token")]
    [InlineData("resources:\n  rg:\n    type: \"azure-native:resources:ResourceGroup\"\n    propertes: {}\n", "resource 'rg' (line 3, column 5) has the key 'propertes'")]
    [InlineData("resources:\n  rg:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties: \"westeurope\"\n", "'properties' of resource 'rg' is \"westeurope\", not a mapping")]
    [InlineData("resources: {}\n---\nresources: {}\n", "it holds 2 YAML documents, not one")]
    [InlineData("resources: {}\noutputs: \"x\"\n", "'outputs' (line 2, column 10) is not a mapping")]
    public void A_text_that_is_not_a_program_is_a_format_error(string yaml, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ProgramDocument.Parse(yaml));

        Assert.StartsWith("Not a Pulumi YAML program: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_resource_names_are_a_format_error()
    {
        const string yaml = """
            resources:
              rg:
                type: "azure-native:resources:ResourceGroup"
              rg:
                type: "azure-native:resources:ResourceGroup"

            """;

        var error = Assert.Throws<FormatException>(() => ProgramDocument.Parse(yaml));

        Assert.StartsWith("Not a Pulumi YAML program: ", error.Message, StringComparison.Ordinal);
    }
}
