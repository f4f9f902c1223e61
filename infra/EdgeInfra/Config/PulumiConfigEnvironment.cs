using System.Text.Json;

namespace EdgeInfra;

/// <summary>Reads the config Pulumi hands a program in <c>PULUMI_CONFIG</c> (JSON, full key → string).</summary>
public static class PulumiConfigEnvironment
{
    /// <summary>
    /// The config in <paramref name="configJson"/>; keys listed in <paramref name="secretKeysJson"/>
    /// (<c>PULUMI_CONFIG_SECRET_KEYS</c>, a JSON array, when Pulumi gives it) are marked secret.
    /// </summary>
    /// <exception cref="FormatException">The JSON is not a map of strings.</exception>
    public static ConfigSource Read(string configJson, string? secretKeysJson)
    {
        Dictionary<string, JsonElement>? values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(configJson);
        }
        catch (JsonException e)
        {
            throw new FormatException($"PULUMI_CONFIG is not a JSON object: {e.Message}", e);
        }

        var secretKeys = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(secretKeysJson))
        {
            try
            {
                secretKeys.UnionWith(JsonSerializer.Deserialize<string[]>(secretKeysJson) ?? []);
            }
            catch (JsonException e)
            {
                throw new FormatException($"PULUMI_CONFIG_SECRET_KEYS is not a JSON array of strings: {e.Message}", e);
            }
        }

        var entries = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        foreach (var (key, value) in values ?? [])
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            entries[key] = new ConfigEntry(text, secretKeys.Contains(key));
        }

        return new ConfigSource(entries);
    }
}
