using System.Collections.Immutable;
using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.Testing;
using Moq;

namespace EdgeInfra.Stacks.Tests;

/// <summary>The repository's stack run against mocks, the way a Pulumi .NET user tests a program.</summary>
public sealed class EdgeStackMockTests
{
    private static readonly TestOptions Dev = new()
    {
        StackName = "dev",
        ProjectName = "edge-infra",
        Config = new Dictionary<string, string>
        {
            ["environment"] = "dev",
            ["location"] = "westeurope",
            ["resourceGroupName"] = "rg-edgeinfra-dev",
            ["vaultName"] = "kv-edgeinfra-dev-weu",
            ["akamaiContractId"] = "ctr_C-0000000",
            ["akamaiGroupId"] = "grp_000000",
            ["akamaiProductId"] = "prd_Fresca",
        },
        SecretConfig = new Dictionary<string, string> { ["partnerApiKey"] = "k3y" },
    };

    private static Mock<IMocks> Mocks()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) => args.Type switch
            {
                Vault.TypeToken => (args.Name + "-id", (object)args.Inputs
                    .SetItem("name", args.Inputs["vaultName"])
                    .SetItem("properties", ImmutableDictionary<string, object?>.Empty.Add("vaultUri", "https://kv-edgeinfra-dev-weu.vault.azure.net/"))),
                "azure-native:resources:ResourceGroup" => (args.Name + "-id", args.Inputs.SetItem("name", args.Inputs["resourceGroupName"])),
                "random:index/randomPassword:RandomPassword" => (args.Name + "-id", args.Inputs.SetItem("result", "generated-password")),
                _ => (args.Name + "-id", args.Inputs),
            });
        mocks.Setup(m => m.CallAsync(It.Is<MockCallArgs>(c => c.Token == "azure-native:authorization:getClientConfig")))
            .ReturnsAsync(ImmutableDictionary<string, object?>.Empty.Add("tenantId", "00000000-0000-0000-0000-00000000000a"));
        return mocks;
    }

    [Fact]
    public async Task The_vault_gets_the_deploying_tenant_and_its_secrets_go_into_that_vault()
    {
        var mocks = Mocks();
        var result = await Deployment.TestAsync<EdgeStack>(mocks.Object, Dev);

        var vault = result.Resource("vault");
        var properties = (ImmutableDictionary<string, object?>)vault.Inputs["properties"]!;
        Assert.Equal("00000000-0000-0000-0000-00000000000a", properties["tenantId"]);
        Assert.Equal(true, properties["enablePurgeProtection"]);
        Assert.Equal(true, properties["enableRbacAuthorization"]);
        foreach (var secret in result.OfType<Secret>())
        {
            Assert.Equal("kv-edgeinfra-dev-weu", secret.Inputs["vaultName"]);
            Assert.Equal("rg-edgeinfra-dev", secret.Inputs["resourceGroupName"]);
        }

        Assert.Equal("https://kv-edgeinfra-dev-weu.vault.azure.net/", result.Outputs["vaultUri"]);
        mocks.Verify(m => m.CallAsync(It.IsAny<MockCallArgs>()), Times.Once);
    }

    [Fact]
    public async Task Secrets_stay_secret_through_the_run()
    {
        var result = await Deployment.TestAsync<EdgeStack>(Mocks().Object, Dev);

        var stored = (ImmutableDictionary<string, object?>)result.Resource("partner-api-key-secret").Inputs["properties"]!;
        Assert.Equal(new SecretValue("k3y"), stored["value"]);
        Assert.Equal(2, result.OfType<Secret>().Count());
    }
}
