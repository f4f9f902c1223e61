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

    /// <summary><see cref="Of"/> with <paramref name="overrides"/>, as <c>PULUMI_CONFIG</c> JSON (full keys).</summary>
    public static string AsPulumiConfig(string stack, IReadOnlyDictionary<string, string> overrides)
    {
        var values = Of(stack);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return System.Text.Json.JsonSerializer.Serialize(values.ToDictionary(v => Prefix + v.Key, v => v.Value));
    }
}
