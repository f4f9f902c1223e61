using EdgeInfra.Review;
using static EdgeInfra.Tests.Review.DiffTestKit;

namespace EdgeInfra.Tests.Review;

/// <summary>
/// The stack settings (<c>Pulumi.&lt;stack&gt;.yaml</c>) compared beside the program: a config edit changes what the next
/// deployment sends although the program, which holds only references, stays the same text. Golden files in
/// <c>Golden/</c>.
/// </summary>
public sealed class StackConfigDiffTests
{
    private const string Program = """
        name: "edge-infra"
        runtime: "yaml"
        config:
          environment:
            type: "string"
          originSecretRotation:
            type: "string"
          partnerApiKey:
            type: "string"
            secret: true
        variables:
          commonTags:
            environment: "${environment}"
            managedBy: "edge-infra"
        resources:
          app-origin-secret:
            type: "azure-native:keyvault:Secret"
            properties:
              properties:
                value:
                  fn::secret: "${app-origin-secret-value.result}"
              resourceGroupName: "${rg.name}"
              secretName: "origin-auth"
              tags: "${commonTags}"
              vaultName: "kv-edge-dev"
          app-origin-secret-value:
            type: "random:index/randomPassword:RandomPassword"
            properties:
              keepers:
                rotation: "${originSecretRotation}"
              length: 32
          partner-api-key:
            type: "azure-native:keyvault:Secret"
            properties:
              properties:
                value: "${partnerApiKey}"
              resourceGroupName: "${rg.name}"
              secretName: "partner-api-key"
              vaultName: "kv-edge-dev"
          rg:
            type: "azure-native:resources:ResourceGroup"
            properties:
              location: "westeurope"
              resourceGroupName: "rg-edge-dev"
              tags: "${commonTags}"

        """;

    private const string Settings = """
        config:
          azure-native:location: westeurope
          edge-infra:environment: dev
          edge-infra:originSecretRotation: 2026-q4
          edge-infra:partnerApiKey:
            secure: v1:AAAAbeforeCipherText

        """;

    [Fact]
    public void A_config_only_change_shows_the_key_and_the_resource_it_replaces()
    {
        var diff = Diff(Program, Program, Settings, Settings.Replace("2026-q4", "2027-q1", StringComparison.Ordinal));

        Assert.True(diff.HasChanges);
        Assert.Empty(diff.Resources);
        var change = Assert.Single(diff.StackConfig);
        Assert.Equal("originSecretRotation", change.Change.Name);
        var read = Assert.Single(change.ReadBy);
        Assert.Equal(("app-origin-secret-value", "keepers.rotation", true), (read.Resource, Assert.Single(read.Paths), read.ForcesReplacement));
        MatchesGolden("config-only.golden.md", DiffRenderer.Markdown(diff, DiffRenderOptions.Default));
        MatchesGolden("config-only.golden.txt", DiffRenderer.PlainText(diff, DiffRenderOptions.Default));
    }

    [Fact]
    public void Secure_values_never_show_and_their_readers_are_named()
    {
        var after = Settings.Replace("v1:AAAAbeforeCipherText", "v1:BBBBafterCipherText", StringComparison.Ordinal)
            + "  edge-infra:partnerToken:\n    secure: v1:CCCCnewCipherText\n"
            + "  edge-infra:partner:\n    endpoint: https://partner.example.com\n    token:\n      secure: v1:DDDDnestedCipherText\n";

        var diff = Diff(Program, Program, Settings, after);
        var markdown = DiffRenderer.Markdown(diff, DiffRenderOptions.Default);
        var plain = DiffRenderer.PlainText(diff, DiffRenderOptions.Default);

        Assert.Equal(["partner", "partnerApiKey", "partnerToken"], diff.StackConfig.Select(c => c.Change.Name));
        Assert.All(diff.StackConfig, c => Assert.True(c.Change.IsSecret));
        foreach (var cipherText in new[] { "AAAA", "BBBB", "CCCC", "DDDD", "partner.example.com" })
        {
            Assert.DoesNotContain(cipherText, markdown, StringComparison.Ordinal);
            Assert.DoesNotContain(cipherText, plain, StringComparison.Ordinal);
        }

        MatchesGolden("config-secret.golden.md", markdown);
        MatchesGolden("config-secret.golden.txt", plain);
    }

    [Fact]
    public void Program_and_config_changes_show_side_by_side()
    {
        var program = Program.Replace("resourceGroupName: \"rg-edge-dev\"", "resourceGroupName: \"rg-edge-dev\"\n      managedByTeam: \"platform\"", StringComparison.Ordinal);
        var settings = Settings
            .Replace("2026-q4", "2027-q1", StringComparison.Ordinal)
            .Replace("edge-infra:environment: dev", "edge-infra:environment: staging", StringComparison.Ordinal)
            .Replace("  azure-native:location: westeurope\n", string.Empty, StringComparison.Ordinal);

        var diff = Diff(Program, program, Settings, settings);

        Assert.Equal(["rg"], diff.Resources.Select(r => r.Name));
        Assert.Equal(["azure-native:location", "environment", "originSecretRotation"], diff.StackConfig.Select(c => c.Change.Name));
        Assert.Equal(["app-origin-secret", "rg"], diff.StackConfig[1].ReadBy.Select(r => r.Resource));
        MatchesGolden("config-and-program.golden.md", DiffRenderer.Markdown(diff, DiffRenderOptions.Default));
        MatchesGolden("config-and-program.golden.txt", DiffRenderer.PlainText(diff, DiffRenderOptions.Default));
    }

    [Fact]
    public void Unchanged_settings_and_a_base_without_settings_add_nothing()
    {
        var same = Diff(Program, Program, Settings, Settings);
        var unknown = ProgramDiff.Compare(ProgramDocument.Parse(Program), ProgramDocument.Parse(Program), Context());

        Assert.False(same.HasChanges);
        Assert.Equal("Pulumi.dev.yaml", same.StackConfigFile);
        Assert.False(unknown.HasChanges);
        Assert.Null(unknown.StackConfigFile);
        Assert.StartsWith("## Infrastructure diff: stack `dev`\n\nNo changes.", DiffRenderer.Markdown(same), StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_reference_is_text_not_a_read()
    {
        var program = Program.Replace("rotation: \"${originSecretRotation}\"", "rotation: \"$${originSecretRotation}\"", StringComparison.Ordinal);

        var diff = Diff(program, program, Settings, Settings.Replace("2026-q4", "2027-q1", StringComparison.Ordinal));

        Assert.Empty(Assert.Single(diff.StackConfig).ReadBy);
        Assert.Contains("no resource refers to it", DiffRenderer.PlainText(diff), StringComparison.Ordinal);
    }

    private static DiffResult Diff(string before, string after, string beforeSettings, string afterSettings)
    {
        var context = Context();
        return ProgramDiff.Compare(ProgramDocument.Parse(before), ProgramDocument.Parse(after), new DiffContext
        {
            Packages = context.Packages,
            ComponentOf = context.ComponentOf,
            StackName = context.StackName,
            BaseStackConfig = Read(beforeSettings),
            StackConfig = Read(afterSettings),
        });
    }

    private static StackConfigValues Read(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("edgeinfra-settings-");
        try
        {
            var path = Path.Combine(folder.FullName, "Pulumi.dev.yaml");
            File.WriteAllText(path, yaml);
            return StackConfigValues.Read(path, "edge-infra");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
