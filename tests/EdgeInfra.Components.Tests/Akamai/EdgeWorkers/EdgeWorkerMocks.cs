using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Akamai.EdgeWorkers;

/// <summary>
/// <see cref="ComponentMocks"/>, plus what Akamai computes: an EdgeWorker gets <c>edgeworkerId</c> 4242 and the
/// version <c>uploaded-version</c>; an activation gets an <c>activationId</c> (1 on STAGING, 2 on PRODUCTION).
/// </summary>
internal sealed class EdgeWorkerMocks : IMocks
{
    private readonly ComponentMocks _inner = new();

    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var (id, state) = await _inner.NewResourceAsync(args);
        var outputs = (ImmutableDictionary<string, object?>)state;
        outputs = args.Type switch
        {
            "akamai:index/edgeWorker:EdgeWorker" => outputs.SetItem("edgeworkerId", 4242L).SetItem("version", "uploaded-version"),
            "akamai:index/edgeWorkersActivation:EdgeWorkersActivation" => outputs.SetItem("activationId", (string?)args.Inputs["network"] == "STAGING" ? 1L : 2L),
            _ => outputs,
        };
        return (id, outputs);
    }

    public Task<object> CallAsync(MockCallArgs args) => _inner.CallAsync(args);
}
