namespace EdgeInfra.Stacks.Tests;

/// <summary>The config of the repository's stacks as <c>Pulumi.{stack}.yaml</c> holds it, for mocks and config overrides.</summary>
internal static class StackConfig
{
    private const string Prefix = "edge-infra:";

    /// <summary>The plain values of <c>Pulumi.{stack}.yaml</c> by key without the project prefix (structured values as JSON).</summary>
    public static Dictionary<string, string> Of(string stack) =>
        StackConfigFile.Read(Path.Combine(Repository.Root, $"Pulumi.{stack}.yaml")).Entries
            .Where(entry => !entry.Value.IsSecret)
            .ToDictionary(entry => entry.Key[Prefix.Length..], entry => entry.Value.Value!, StringComparer.Ordinal);

    /// <summary>The valid <c>jwt</c> of an OIDC issuer, for the stacks without their <c>entra</c> (the two are alternatives).</summary>
    public const string OidcJwt = """{"issuer":"https://login.example.com/edgeinfra-dev/v2.0","audience":"api://edgeinfra-dev","jwksUrl":"https://login.example.com/edgeinfra-dev/discovery/v2.0/keys"}""";

    /// <summary><see cref="Of"/> with <paramref name="overrides"/> and without the key <paramref name="without"/>, as <c>PULUMI_CONFIG</c> JSON (full keys).</summary>
    public static string AsPulumiConfig(string stack, IReadOnlyDictionary<string, string> overrides, string? without = null)
    {
        var values = Of(stack);
        if (without is not null)
        {
            values.Remove(without);
        }

        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return System.Text.Json.JsonSerializer.Serialize(values.ToDictionary(v => Prefix + v.Key, v => v.Value));
    }
}
