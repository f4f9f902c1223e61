using System.Text.Json;

namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// Config values that only reach resource properties are references in the program (<c>${key}</c>,
/// <c>${key[i]}</c>, <c>${key.field}</c>), never copies: Pulumi passes secrets decrypted without saying which keys
/// are secret, so a copy could put one in plain text into the program and the state. The stack still reads these
/// values at synthesis, to validate them. The README's "Stack config" section lists the keys read into the program.
/// </summary>
public sealed class ConfigReferenceTests
{
    /// <summary>
    /// The keys (a dot for a field of a structured key) whose values the program must not hold, with the reference it
    /// states instead. <c>akamaiGroupId</c> is among them as text: the EdgeWorker and the mTLS keystore take the group
    /// as a number, which Pulumi YAML cannot make out of <c>grp_…</c>, so only the digits are copied, there.
    /// </summary>
    public static readonly TheoryData<string, string, string> ReferencedKeys = Keys(
        ("propertyName", "${propertyName}"),
        ("edgeHostname", "${edgeHostname}"),
        ("vaultName", "${vaultName}"),
        ("activationNote", "${activationNote}"),
        ("adminSshPublicKey", "${adminSshPublicKey}"),
        ("hostnames", "${hostnames[0]}"),
        ("activationContacts", "${activationContacts}"),
        ("alertEmails", "${alertEmails[0]}"),
        ("edgeLogs.notificationEmails", "${edgeLogs.notificationEmails}"),
        ("akamaiGroupId", "${akamaiGroupId}"),
        ("entra.clients.issuer", "${entra.clients[0].issuer}"),
        ("entra.clients.subject", "${entra.clients[0].subject}"));

    [Theory]
    [MemberData(nameof(ReferencedKeys))]
    public void A_value_that_only_reaches_resources_is_referenced_not_copied(string stack, string key, string reference)
    {
        var program = StackProgram.Synth(stack);

        Assert.Contains(reference, program, StringComparison.Ordinal);
        var values = ValuesOf(stack, key);
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            // Other config values may hold the same letters (rsv-edgeinfra-dev-weu holds edgeinfra-dev): their own
            // occurrences are not copies of this one.
            var masked = OtherValues(stack, key)
                .Where(other => other.Length > value.Length && other.Contains(value, StringComparison.Ordinal))
                .OrderByDescending(other => other.Length)
                .Aggregate(program, (text, other) => text.Replace(other, "<other config value>", StringComparison.Ordinal));
            var at = masked.IndexOf(value, StringComparison.Ordinal);
            Assert.True(at < 0, $"{key} '{value}' is copied into the program: ...{(at < 0 ? "" : masked.Substring(Math.Max(0, at - 60), Math.Min(120, masked.Length - Math.Max(0, at - 60))))}...");
        }
    }

    /// <summary>Each of <paramref name="keys"/> for each stack that sets it.</summary>
    private static TheoryData<string, string, string> Keys(params (string Key, string Reference)[] keys)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var stack in new[] { "dev", "prod" })
        {
            foreach (var (key, reference) in keys.Where(k => StackConfig.Of(stack).ContainsKey(k.Key.Split('.')[0])))
            {
                data.Add(stack, key, reference);
            }
        }

        return data;
    }

    /// <summary>Every string the stack sets at keys other than <paramref name="key"/>, structured values included, and the host and path of each URL.</summary>
    private static IEnumerable<string> OtherValues(string stack, string key)
    {
        static IEnumerable<string> Leaves(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Leaves(property.Value)),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Leaves),
            JsonValueKind.String => [element.GetString()!],
            _ => [],
        };

        var own = ValuesOf(stack, key).ToHashSet(StringComparer.Ordinal);
        return StackConfig.Of(stack)
            .SelectMany(entry => entry.Value.StartsWith('[') || entry.Value.StartsWith('{') ? Leaves(JsonDocument.Parse(entry.Value).RootElement) : [entry.Value])
            .Where(value => !own.Contains(value))
            // The property relays the JWKS from the URL's host and path, which it states apart.
            .SelectMany(value => Uri.TryCreate(value, UriKind.Absolute, out var url) ? [value, url.Host, url.PathAndQuery] : new[] { value });
    }

    /// <summary>The strings the stack sets at <paramref name="key"/> (every item of a list).</summary>
    private static List<string> ValuesOf(string stack, string key)
    {
        var parts = key.Split('.');
        var text = StackConfig.Of(stack)[parts[0]];
        if (parts.Length == 1 && !text.StartsWith('[') && !text.StartsWith('{'))
        {
            return [text];
        }

        // A field of a list of objects (entra.clients.subject) is that field of every item.
        IEnumerable<JsonElement> elements = [JsonDocument.Parse(text).RootElement];
        foreach (var field in parts.Skip(1))
        {
            elements = elements.SelectMany(e => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : (IEnumerable<JsonElement>)[e]).Select(e => e.GetProperty(field));
        }

        return [.. elements.SelectMany(e => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : (IEnumerable<JsonElement>)[e]).Select(item => item.GetString()!)];
    }
}
