using System.Net;
using System.Text;
using System.Text.Json;

using EdgeInfra.Components.Tests.Azure.Compute;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// A loopback stand-in for the instance metadata endpoint (a token for one managed identity's client id, asked with
/// <c>Metadata: true</c>) and Key Vault (secret versions and values, with that token, API version 7.4), holding what
/// the stack would store. Versions are listed oldest first, each enabled, with increasing <c>created</c> times.
/// </summary>
internal sealed class VaultStandIn : IDisposable
{
    private const string Token = "rehearsal-token";

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, List<(string Version, string Value)>> _secrets = new(StringComparer.Ordinal);
    private readonly string _clientId;

    /// <summary>Starts the stand-in for the identity <paramref name="clientId"/>; with <paramref name="answers"/> false, Key Vault refuses every read.</summary>
    public VaultStandIn(string clientId, bool answers = true)
    {
        _clientId = clientId;
        Answers = answers;
        Uri = $"http://127.0.0.1:{RehearsalProcess.FreePort()}/";
        _listener.Prefixes.Add(Uri);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The stand-in's base URI, for both the IMDS endpoint and the vault URI.</summary>
    public string Uri { get; }

    /// <summary>Whether Key Vault answers.</summary>
    public bool Answers { get; set; }

    /// <summary>Adds a new version of the secret <paramref name="name"/>.</summary>
    public void AddVersion(string name, string value)
    {
        lock (_secrets)
        {
            if (!_secrets.TryGetValue(name, out var versions))
            {
                versions = [];
                _secrets[name] = versions;
            }

            versions.Add((Guid.NewGuid().ToString("N"), value));
        }
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var (status, body) = Answer(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, string Body) Answer(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath;
        if (path == "/metadata/identity/oauth2/token")
        {
            return request.Headers["Metadata"] == "true" && request.QueryString["client_id"] == _clientId && request.QueryString["resource"] == "https://vault.azure.net"
                ? (200, JsonSerializer.Serialize(new { access_token = Token }))
                : (400, "{}");
        }

        if (!Answers || request.Headers["Authorization"] != $"Bearer {Token}" || request.QueryString["api-version"] != "7.4")
        {
            return (403, "{\"error\":{\"code\":\"Forbidden\"}}");
        }

        var parts = path.Trim('/').Split('/');
        lock (_secrets)
        {
            if (parts.Length != 3 || parts[0] != "secrets" || !_secrets.TryGetValue(parts[1], out var versions))
            {
                return (404, "{}");
            }

            if (parts[2] == "versions")
            {
                var created = 1_700_000_000;
                var items = versions.Select(v => new { id = $"{Uri}secrets/{parts[1]}/{v.Version}", attributes = new { enabled = true, created = created++ } });
                return (200, JsonSerializer.Serialize(new { value = items, nextLink = (string?)null }));
            }

            var match = versions.FirstOrDefault(v => v.Version == parts[2]);
            return match.Value is null ? (404, "{}") : (200, JsonSerializer.Serialize(new { value = match.Value }));
        }
    }
}
