using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// The edge half of the rehearsal: <c>components/edgeworkers/test-support/edge-server.js</c> in node, serving one
/// property from its synthesized rule tree and running the packed EdgeWorker bundle, on 127.0.0.1 only. Its event
/// lines (origin requests, gateway log lines, identity provider requests) are kept for the test to read.
/// </summary>
internal sealed class EdgeStandIn : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly string _settingsFile;
    private readonly X509Certificate2 _clientTrust;
    private readonly TaskCompletionSource<JsonObject> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _variablesSet = new(0);

    private EdgeStandIn(JsonObject settings, X509Certificate2 clientTrust)
    {
        _clientTrust = clientTrust;
        _settingsFile = Path.GetTempFileName();
        File.WriteAllText(_settingsFile, settings.ToJsonString());
        var info = new ProcessStartInfo("node", [Path.Combine(TestSupportDirectory(), "edge-server.js"), _settingsFile])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, line) => Receive(line.Data);
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _events.Enqueue(new JsonObject { ["event"] = "stderr", ["line"] = line.Data });
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The HTTPS port clients reach the edge on.</summary>
    public int HttpsPort { get; private set; }

    /// <summary>The plain HTTP port clients reach the edge on.</summary>
    public int HttpPort { get; private set; }

    /// <summary>Everything the stand-in reported so far.</summary>
    public IReadOnlyList<JsonObject> Events => [.. _events];

    /// <summary>The events named <paramref name="name"/>.</summary>
    public IReadOnlyList<JsonObject> EventsNamed(string name) => [.. _events.Where(e => (string?)e["event"] == name)];

    /// <summary>Starts node with <paramref name="settings"/> (see edge-server.js); clients trust <paramref name="clientTrust"/> for the edge's certificate.</summary>
    public static async Task<EdgeStandIn> StartAsync(JsonObject settings, X509Certificate2 clientTrust)
    {
        var edge = new EdgeStandIn(settings, clientTrust);
        var ready = await Task.WhenAny(edge._listening.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        if (ready != edge._listening.Task)
        {
            var log = string.Join("\n", edge.Events.Select(e => e.ToJsonString()));
            edge.Dispose();
            throw new InvalidOperationException($"the edge stand-in did not start:\n{log}");
        }

        var listening = await edge._listening.Task;
        edge.HttpPort = (int)listening["http"]!;
        edge.HttpsPort = (int)listening["https"]!;
        return edge;
    }

    /// <summary>Gives the property's variables new values, as a new property version would, and waits until the edge uses them.</summary>
    public Task SetVariablesAsync(IReadOnlyDictionary<string, string> values) =>
        UpdateAsync(new JsonObject { ["variables"] = JsonSerializer.SerializeToNode(values) });

    /// <summary>
    /// The first event named <paramref name="name"/> after the first <paramref name="skip"/> of them, waiting up to 10 s for it
    /// (events arrive on the stand-in's output, independently of the HTTP answers).
    /// </summary>
    public async Task<JsonObject> NextEventNamedAsync(string name, int skip)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var events = EventsNamed(name);
            if (events.Count > skip)
            {
                return events[skip];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no '{name}' event after the first {skip}");
    }

    /// <summary>The identity provider publishes <paramref name="jwks"/> from now on; waits until the stand-in serves it.</summary>
    public Task PublishJwksAsync(object jwks) =>
        UpdateAsync(new JsonObject { ["identityProvider"] = new JsonObject { ["jwks"] = JsonSerializer.SerializeToNode(jwks) } });

    /// <summary>Moves the edge's clock <paramref name="seconds"/> ahead (time passing for its caches and the gateway); waits until it did.</summary>
    public Task AdvanceClockAsync(int seconds) =>
        UpdateAsync(new JsonObject { ["advanceClockSeconds"] = seconds });

    /// <summary>
    /// What a new property version or a keystore renewal brings (see edge-server.js: <c>variables</c>, <c>rules</c>,
    /// <c>clientCertificates</c>); waits until the edge uses it.
    /// </summary>
    public async Task UpdateAsync(JsonObject update)
    {
        await _process.StandardInput.WriteLineAsync(update.ToJsonString());
        await _process.StandardInput.FlushAsync();
        Assert.True(await _variablesSet.WaitAsync(TimeSpan.FromSeconds(10)), "the edge stand-in did not take the update");
    }

    /// <summary>Sends one request to the edge for <paramref name="host"/>: over HTTPS (with <paramref name="clientCertificate"/> when given), or plain HTTP with <paramref name="plainHttp"/>.</summary>
    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> SendAsync(
        string host, string pathAndQuery, string? bearerToken = null, HttpMethod? method = null, bool plainHttp = false, X509Certificate2? clientCertificate = null)
    {
        using var client = LoopbackHttpClient.Create(host, plainHttp ? HttpPort : HttpsPort, _clientTrust, clientCertificate);
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, $"{(plainHttp ? "http" : "https")}://{host}{pathAndQuery}");
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        _variablesSet.Dispose();
        File.Delete(_settingsFile);
    }

    private void Receive(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        var message = JsonNode.Parse(line)!.AsObject();
        _events.Enqueue(message);
        switch ((string?)message["event"])
        {
            case "listening":
                _listening.TrySetResult(message);
                break;
            case "variables":
                _variablesSet.Release();
                break;
        }
    }

    private static string TestSupportDirectory() => RepositoryRoot.Combine("components", "edgeworkers", "test-support");
}
