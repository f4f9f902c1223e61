using EdgeInfra.Akamai;
using EdgeInfra.AzureNative.Authorization;
using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.AzureNative.KeyVault.Inputs;
using EdgeInfra.AzureNative.Resources;
using EdgeInfra.Random;

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
        var environment = config.Require("environment");
        var passwordLength = config.GetInt32("passwordLength", 32);
        if (passwordLength.Value is < 16 or > 128)
        {
            throw new ArgumentException($"Config 'passwordLength' is {passwordLength.Value}: a generated password has 16 to 128 characters.");
        }

        var password = new RandomPassword("origin-password", new RandomPasswordArgs
        {
            Length = passwordLength,
            Special = true,
            MinSpecial = 2,
            MinNumeric = 2,
            MinUpper = 2,
            MinLower = 2,
        });

        var resourceGroup = new ResourceGroup("rg", new ResourceGroupArgs
        {
            ResourceGroupName = config.Require("resourceGroupName"),
            Location = location,
            Tags = Tags(environment),
        });

        var vault = new Vault("vault", new VaultArgs
        {
            VaultName = config.Require("vaultName"),
            ResourceGroupName = resourceGroup.Name,
            Location = location,
            Tags = Tags(environment),
            Properties = new VaultPropertiesArgs
            {
                TenantId = GetClientConfig.Invoke().TenantId,
                Sku = new SkuArgs { Family = "A", Name = config.Get("vaultSku", "standard").AsInput<SkuName>() },
                EnableRbacAuthorization = true,
                EnableSoftDelete = true,
                SoftDeleteRetentionInDays = 90,
                EnablePurgeProtection = true,
                PublicNetworkAccess = "Disabled",
                NetworkAcls = new NetworkRuleSetArgs { Bypass = "AzureServices", DefaultAction = "Deny" },
            },
        }, new CustomResourceOptions { Protect = config.GetBoolean("protectStatefulResources", false) });

        new Secret("origin-password-secret", new SecretArgs
        {
            ResourceGroupName = resourceGroup.Name,
            VaultName = vault.Name,
            SecretName = "origin-password",
            Properties = new SecretPropertiesArgs { Value = password.Result, ContentType = "text/plain" },
        });

        if (config.GetSecret("partnerApiKey") is { } partnerApiKey)
        {
            new Secret("partner-api-key-secret", new SecretArgs
            {
                ResourceGroupName = resourceGroup.Name,
                VaultName = vault.Name,
                SecretName = "partner-api-key",
                Properties = new SecretPropertiesArgs { Value = partnerApiKey, ContentType = "text/plain" },
            });
        }

        var cpCode = new CpCode("cp-code", new CpCodeArgs
        {
            Name = Output.Format($"edge-infra-{environment}"),
            ContractId = config.Require("akamaiContractId"),
            GroupId = config.Require("akamaiGroupId"),
            ProductId = config.Require("akamaiProductId"),
        });

        VaultUri = vault.Properties.VaultUri;
        CpCodeId = cpCode.Id;
        ResourceGroupName = resourceGroup.Name;
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

    private static InputMap<string> Tags(ConfigValue<string> environment) => new()
    {
        ["environment"] = environment,
        ["managedBy"] = "edge-infra",
    };
}
