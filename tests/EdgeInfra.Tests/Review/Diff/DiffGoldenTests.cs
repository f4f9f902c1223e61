using EdgeInfra.Review;
using static EdgeInfra.Tests.Review.DiffTestKit;

namespace EdgeInfra.Tests.Review;

/// <summary>
/// The rendered diffs a reviewer reads, compared with reviewed golden files in <c>Golden/</c>. To accept a change,
/// run the tests with <c>EDGEINFRA_UPDATE_GOLDEN=1</c> and review the golden diff like any other diff.
/// </summary>
public sealed class DiffGoldenTests
{
    private const string ResourceGroupOnly = """
        name: "edge-infra"
        runtime: "yaml"
        config:
          location:
            type: "string"
        resources:
          rg:
            type: "azure-native:resources:ResourceGroup"
            properties:
              location: "${location}"
              resourceGroupName: "rg-edge-dev"
              tags:
                environment: "dev"
            options:
              version: "3.28.0"
        outputs:
          resourceGroupName: "${rg.name}"

        """;

    private const string WithNetworkAndVault = """
        name: "edge-infra"
        runtime: "yaml"
        config:
          location:
            type: "string"
        resources:
          app-net-vnet:
            type: "azure-native:network:VirtualNetwork"
            properties:
              addressSpace:
                addressPrefixes:
                  - "10.20.0.0/16"
              location: "${location}"
              resourceGroupName: "${rg.name}"
              virtualNetworkName: "vnet-edge-dev"
            options:
              version: "3.28.0"
          app-vault:
            type: "azure-native:keyvault:Vault"
            properties:
              location: "${location}"
              properties:
                enableRbacAuthorization: true
                networkAcls:
                  bypass: "AzureServices"
                  defaultAction: "Deny"
                sku:
                  family: "A"
                  name: "standard"
                tenantId:
                  fn::invoke:
                    function: "azure-native:authorization:getClientConfig"
                    arguments: {}
                    options:
                      version: "3.28.0"
                    return: "tenantId"
              resourceGroupName: "${rg.name}"
              vaultName: "kv-edge-dev"
            options:
              protect: true
              version: "3.28.0"
          rg:
            type: "azure-native:resources:ResourceGroup"
            properties:
              location: "${location}"
              resourceGroupName: "rg-edge-dev"
              tags:
                environment: "dev"
            options:
              version: "3.28.0"
        outputs:
          resourceGroupName: "${rg.name}"
          vaultUri: "${app-vault.properties.vaultUri}"
          vnetId: "${app-net-vnet.id}"

        """;

    [Fact]
    public void Added_resources_and_outputs()
    {
        var diff = Diff(ResourceGroupOnly, WithNetworkAndVault);

        MatchesGolden("add.golden.md", DiffRenderer.Markdown(diff, DiffRenderOptions.Default));
    }

    [Fact]
    public void Removed_resources_and_outputs()
    {
        var diff = Diff(WithNetworkAndVault, ResourceGroupOnly);

        MatchesGolden("remove.golden.md", DiffRenderer.Markdown(diff, DiffRenderOptions.Default));
        MatchesGolden("remove.golden.txt", DiffRenderer.PlainText(diff, DiffRenderOptions.Default));
    }

    [Fact]
    public void In_place_update()
    {
        const string before = """
            name: "edge-infra"
            runtime: "yaml"
            resources:
              app-net-nsg:
                type: "azure-native:network:NetworkSecurityGroup"
                properties:
                  networkSecurityGroupName: "nsg-edge-dev"
                  resourceGroupName: "${rg.name}"
                  securityRules:
                    - access: "Allow"
                      destinationPortRange: "443"
                      name: "allow-edge-https"
                      priority: 100
                      protocol: "Tcp"
                    - access: "Deny"
                      destinationPortRange: "22"
                      name: "deny-ssh"
                      priority: 200
                      protocol: "Tcp"
                    - access: "Deny"
                      destinationPortRange: "3389"
                      name: "deny-rdp"
                      priority: 300
                      protocol: "Tcp"
                options:
                  version: "3.28.0"
              app-vault:
                type: "azure-native:keyvault:Vault"
                properties:
                  properties:
                    networkAcls:
                      bypass: "AzureServices"
                      defaultAction: "Deny"
                    softDeleteRetentionInDays: 90
                  resourceGroupName: "${rg.name}"
                  tags:
                    costCenter: "1234"
                    env: "dev"
                  vaultName: "kv-edge-dev"
                options:
                  version: "3.28.0"

            """;
        const string after = """
            name: "edge-infra"
            runtime: "yaml"
            resources:
              app-net-nsg:
                type: "azure-native:network:NetworkSecurityGroup"
                properties:
                  networkSecurityGroupName: "nsg-edge-dev"
                  resourceGroupName: "${rg.name}"
                  securityRules:
                    - access: "Allow"
                      destinationPortRange: "443"
                      name: "allow-edge-https"
                      priority: 100
                      protocol: "Tcp"
                    - access: "Deny"
                      destinationPortRange: "22"
                      name: "deny-ssh"
                      priority: 200
                      protocol: "Tcp"
                    - access: "Deny"
                      destinationPortRange: "3389"
                      name: "deny-rdp"
                      priority: 310
                      protocol: "Tcp"
                options:
                  version: "3.28.0"
              app-vault:
                type: "azure-native:keyvault:Vault"
                properties:
                  properties:
                    networkAcls:
                      bypass: "AzureServices"
                      defaultAction: "Allow"
                    softDeleteRetentionInDays: 90
                  resourceGroupName: "${rg.name}"
                  tags:
                    env: "prod"
                    owner: "platform-team"
                  vaultName: "kv-edge-dev"
                options:
                  version: "3.28.0"

            """;

        var diff = Diff(before, after);

        MatchesGolden("update.golden.md", DiffRenderer.Markdown(diff, DiffRenderOptions.Default));
        MatchesGolden("update.golden.txt", DiffRenderer.PlainText(diff, DiffRenderOptions.Default));
    }

    [Fact]
    public void Replacement_forced_by_a_replace_on_change_input()
    {
        var after = WithNetworkAndVault
            .Replace("location: \"${location}\"\n      resourceGroupName: \"${rg.name}\"\n      virtualNetworkName", "location: \"northeurope\"\n      resourceGroupName: \"${rg.name}\"\n      virtualNetworkName", StringComparison.Ordinal)
            .Replace("\"10.20.0.0/16\"", "\"10.30.0.0/16\"", StringComparison.Ordinal);
        Assert.NotEqual(WithNetworkAndVault, after.Replace("northeurope", "${location}", StringComparison.Ordinal));

        var diff = Diff(WithNetworkAndVault, after);

        MatchesGolden("replace.golden.md", DiffRenderer.Markdown(diff, DiffRenderOptions.Default));
        MatchesGolden("replace.golden.txt", DiffRenderer.PlainText(diff, DiffRenderOptions.Default));
    }

    [Fact]
    public void Rename_without_an_alias()
    {
        const string before = """
            name: "edge-infra"
            runtime: "yaml"
            resources:
              rg:
                type: "azure-native:resources:ResourceGroup"
                properties:
                  location: "westeurope"
                  resourceGroupName: "rg-edge-dev"
                  tags:
                    environment: "dev"
                    managedBy: "edge-infra"
                options:
                  version: "3.28.0"

            """;
        const string after = """
            name: "edge-infra"
            runtime: "yaml"
            resources:
              resource-group:
                type: "azure-native:resources:ResourceGroup"
                properties:
                  location: "westeurope"
                  resourceGroupName: "rg-edge-dev"
                  tags:
                    environment: "dev"
                    managedBy: "edge-infra"
                options:
                  version: "3.28.0"

            """;

        var diff = Diff(before, after);

        MatchesGolden("rename.golden.md", DiffRenderer.Markdown(diff, DiffRenderOptions.Default));
    }

    [Fact]
    public void Secret_changes_never_show_a_value()
    {
        const string before = """
            name: "edge-infra"
            runtime: "yaml"
            config:
              location:
                type: "string"
            resources:
              app-origin-secret:
                type: "azure-native:keyvault:Secret"
                properties:
                  properties:
                    contentType: "text/plain"
                    value:
                      fn::secret: "s3cr3t-before"
                  resourceGroupName: "${rg.name}"
                  secretName: "origin-secret"
                  vaultName: "${app-vault.name}"
                options:
                  version: "3.28.0"
              azure:
                type: "pulumi:providers:azure-native"
                properties:
                  clientId: "11111111-1111-1111-1111-111111111111"
                  location: "${location}"
                options:
                  version: "3.28.0"
            outputs:
              originSecret:
                fn::secret: "s3cr3t-before"

            """;
        const string after = """
            name: "edge-infra"
            runtime: "yaml"
            config:
              location:
                type: "string"
              partnerApiKey:
                type: "string"
                secret: true
            resources:
              app-origin-secret:
                type: "azure-native:keyvault:Secret"
                properties:
                  properties:
                    contentType: "text/plain"
                    value:
                      fn::secret: "s3cr3t-after"
                  resourceGroupName: "${rg.name}"
                  secretName: "origin-secret"
                  vaultName: "${app-vault.name}"
                options:
                  version: "3.28.0"
              azure:
                type: "pulumi:providers:azure-native"
                properties:
                  clientId: "22222222-2222-2222-2222-222222222222"
                  clientSecret:
                    fn::secret: "p4ssw0rd"
                  location: "${location}"
                options:
                  version: "3.28.0"
            outputs:
              originSecret:
                fn::secret: "s3cr3t-after"

            """;

        var diff = Diff(before, after);
        var markdown = DiffRenderer.Markdown(diff, DiffRenderOptions.Default);
        var plain = DiffRenderer.PlainText(diff, DiffRenderOptions.Default);

        foreach (var secret in new[] { "s3cr3t", "p4ssw0rd", "11111111", "22222222" })
        {
            Assert.DoesNotContain(secret, markdown, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, plain, StringComparison.Ordinal);
        }

        MatchesGolden("secret.golden.md", markdown);
        MatchesGolden("secret.golden.txt", plain);
    }

    [Fact]
    public void No_change()
    {
        var diff = Diff(WithNetworkAndVault, WithNetworkAndVault);

        Assert.False(diff.HasChanges);
        MatchesGolden("no-change.golden.md", DiffRenderer.Markdown(diff, DiffRenderOptions.Default));
    }
}
