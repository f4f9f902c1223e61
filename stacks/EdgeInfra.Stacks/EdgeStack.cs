using EdgeInfra.Expressions;

namespace EdgeInfra.Stacks;

/// <summary>
/// The repository's stack: a generated password kept in a Key Vault whose tenant comes from the deploying
/// identity, and an Akamai CP code for the edge. The dev and prod stacks differ only by config.
/// </summary>
public sealed class EdgeStack : Stack
{
    /// <summary>Builds the stack from the current stack's config.</summary>
    public EdgeStack()
    {
        var config = new Config();
        var location = config.Require("location");
        var passwordLength = config.GetInt32("passwordLength", 32);
        if (passwordLength.Value is < 16 or > 128)
        {
            throw new ArgumentException($"Config 'passwordLength' is {passwordLength.Value}: a generated password has 16 to 128 characters.");
        }

        var password = new CustomResource("random:index/randomPassword:RandomPassword", "origin-password", new PropertyMap
        {
            ["length"] = passwordLength,
            ["special"] = true,
            ["minSpecial"] = 2,
            ["minNumeric"] = 2,
            ["minUpper"] = 2,
            ["minLower"] = 2,
        });

        var resourceGroup = new CustomResource("azure-native:resources:ResourceGroup", "rg", new PropertyMap
        {
            ["resourceGroupName"] = config.Require("resourceGroupName"),
            ["location"] = location,
            ["tags"] = Tags(config),
        });

        var tenantId = Deployment.Invoke<ClientConfig>("azure-native:authorization:getClientConfig").GetProperty<string>("tenantId");
        var vault = new CustomResource("azure-native:keyvault:Vault", "vault", new PropertyMap
        {
            ["vaultName"] = config.Require("vaultName"),
            ["resourceGroupName"] = resourceGroup.GetOutput<string>("name"),
            ["location"] = location,
            ["tags"] = Tags(config),
            ["properties"] = new PropertyMap
            {
                ["tenantId"] = tenantId,
                ["sku"] = new PropertyMap { ["family"] = "A", ["name"] = config.Get("vaultSku", "standard") },
                ["enableRbacAuthorization"] = true,
                ["enableSoftDelete"] = true,
                ["softDeleteRetentionInDays"] = 90,
                ["enablePurgeProtection"] = true,
                ["publicNetworkAccess"] = "Disabled",
                ["networkAcls"] = new PropertyMap { ["bypass"] = "AzureServices", ["defaultAction"] = "Deny" },
            },
        }, new CustomResourceOptions { Protect = config.GetBoolean("protectStatefulResources", false) });

        var vaultName = vault.GetOutput<string>("name");
        new CustomResource("azure-native:keyvault:Secret", "origin-password-secret", new PropertyMap
        {
            ["resourceGroupName"] = resourceGroup.GetOutput<string>("name"),
            ["vaultName"] = vaultName,
            ["secretName"] = "origin-password",
            ["properties"] = new PropertyMap
            {
                ["value"] = password.GetOutput<string>("result"),
                ["contentType"] = "text/plain",
            },
        });

        if (config.GetSecret("partnerApiKey") is { } partnerApiKey)
        {
            new CustomResource("azure-native:keyvault:Secret", "partner-api-key-secret", new PropertyMap
            {
                ["resourceGroupName"] = resourceGroup.GetOutput<string>("name"),
                ["vaultName"] = vaultName,
                ["secretName"] = "partner-api-key",
                ["properties"] = new PropertyMap { ["value"] = partnerApiKey, ["contentType"] = "text/plain" },
            });
        }

        var cpCode = new CustomResource("akamai:index/cpCode:CpCode", "cp-code", new PropertyMap
        {
            ["name"] = Output.Format($"edge-infra-{config.Require("environment")}"),
            ["contractId"] = config.Require("akamaiContractId"),
            ["groupId"] = config.Require("akamaiGroupId"),
            ["productId"] = config.Require("akamaiProductId"),
        });

        VaultUri = vault.GetOutput<string>("properties").GetProperty<string>("vaultUri");
        CpCodeId = cpCode.Id;
        ResourceGroupName = resourceGroup.GetOutput<string>("name");
    }

    /// <summary>The Key Vault's URI.</summary>
    [Output]
    public Output<string> VaultUri { get; }

    /// <summary>The Akamai CP code's id.</summary>
    [Output]
    public Output<string> CpCodeId { get; }

    /// <summary>The resource group's name.</summary>
    [Output]
    public Output<string> ResourceGroupName { get; }

    private static PropertyMap Tags(Config config) => new()
    {
        ["environment"] = config.Require("environment"),
        ["managedBy"] = "edge-infra",
    };

    /// <summary>The result of <c>azure-native:authorization:getClientConfig</c>.</summary>
    private sealed record ClientConfig;
}
