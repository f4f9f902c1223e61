using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EdgeInfra.Expressions;

namespace EdgeInfra.Testing;

/// <summary>
/// The values config references evaluate to, typed as the program declares the key: strings, integers, booleans,
/// and structured values parsed from JSON; secret keys evaluate to <see cref="SecretValue"/>s.
/// </summary>
internal sealed class ConfigValues(StackGraph graph)
{
    /// <summary>The value <paramref name="reference"/> stands for.</summary>
    /// <exception cref="InvalidOperationException">The key is not set, or its value does not have the declared type.</exception>
    public object? Read(ConfigReferenceExpression reference)
    {
        var fullKey = reference.Key.Contains(':', StringComparison.Ordinal) ? reference.Key : graph.Settings.ProjectName + ":" + reference.Key;
        var entry = graph.Settings.Config.Find(fullKey)
            ?? throw new InvalidOperationException($"config '{fullKey}' is not set: give it in TestOptions.Config or TestOptions.SecretConfig.");
        var declaration = graph.Config.FirstOrDefault(c => c.Key == reference.Key);
        var value = Parse(fullKey, entry.Value ?? string.Empty, declaration?.Type);
        var isSecret = reference.IsSecret || entry.IsSecret || declaration?.IsSecret == true;
        return ValuePaths.Navigate(SecretValue.WrapIf(isSecret, value), reference.Path);
    }

    private static object? Parse(string fullKey, string text, string? type)
    {
        switch (type)
        {
            case "string":
                return text;
            case "integer":
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? integer
                    : throw new InvalidOperationException($"config '{fullKey}' is declared an integer, but its value is '{text}'.");
            case "boolean":
                return text switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw new InvalidOperationException($"config '{fullKey}' is declared a boolean, but its value is '{text}'."),
                };
            default:
                try
                {
                    using var document = JsonDocument.Parse(text);
                    return FromJson(document.RootElement);
                }
                catch (JsonException e)
                {
                    throw new InvalidOperationException($"config '{fullKey}' holds a structured value, but '{text}' is not JSON: {e.Message}", e);
                }
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToImmutableDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToImmutableArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
