using System.Text;
using System.Text.Json;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The committed record of a bundle's last released version, <c>bundle.lock.json</c> beside <c>bundle.json</c>:
/// <c>{"edgeworker-version": "1.2.0", "sha256": "…"}</c>. It enforces Akamai's rule that a version is immutable:
/// when the files change, <c>edgeworker-version</c> must change too (see <see cref="EdgeWorkerBundle"/>).
/// </summary>
/// <param name="Version">The <c>edgeworker-version</c> the files had when the lock was written.</param>
/// <param name="Sha256">The bundle's content hash then (<see cref="EdgeWorkerBundle.Sha256"/>), lowercase hex.</param>
public sealed record EdgeWorkerBundleLock(string Version, string Sha256)
{
    /// <summary>The lock's file name.</summary>
    public const string FileName = "bundle.lock.json";

    /// <summary>The lock as written to disk: two keys in fixed order, two-space indent, LF line ends, final newline.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteString("edgeworker-version", Version);
            writer.WriteString("sha256", Sha256);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads the lock from <paramref name="json"/>; null with <paramref name="problem"/> when it is not a valid lock.</summary>
    public static EdgeWorkerBundleLock? Parse(string json, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("edgeworker-version", out var version) && version.ValueKind == JsonValueKind.String
                && root.TryGetProperty("sha256", out var sha256) && sha256.ValueKind == JsonValueKind.String)
            {
                problem = null;
                return new EdgeWorkerBundleLock(version.GetString()!, sha256.GetString()!);
            }
        }
        catch (JsonException exception)
        {
            problem = $"is not valid JSON ({exception.Message})";
            return null;
        }

        problem = "is not a lock: a JSON object with the strings 'edgeworker-version' and 'sha256'";
        return null;
    }
}
