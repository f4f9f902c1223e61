using EdgeInfra.AzureNative.KeyVault;
using EdgeInfra.Random;

namespace EdgeInfra.Components.Azure;

/// <summary>A secret that <see cref="SecretsVault.AddGeneratedSecret"/> generated and stored in the vault.</summary>
public sealed class GeneratedSecret
{
    internal GeneratedSecret(string name, Secret secret, RandomPassword password)
    {
        Name = name;
        Secret = secret;
        Password = password;
    }

    /// <summary>The secret's name in the vault.</summary>
    public string Name { get; }

    /// <summary>The URI of the secret's current version, without a version (<c>properties.secretUri</c>): what apps and Key Vault references use.</summary>
    public Output<string> SecretUri => Secret.Properties.SecretUri;

    /// <summary>The Key Vault secret resource.</summary>
    public Secret Secret { get; }

    /// <summary>The <c>random</c> password the secret holds; its <c>keepers</c> drive rotation.</summary>
    public RandomPassword Password { get; }
}
