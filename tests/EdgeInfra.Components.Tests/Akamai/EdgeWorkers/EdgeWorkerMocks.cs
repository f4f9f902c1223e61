using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Akamai.EdgeWorkers;

/// <summary>
/// <see cref="ComponentMocks"/>, plus what Akamai computes: an EdgeWorker gets <c>edgeworkerId</c> 4242 and the
/// version <c>uploaded-version</c>; an activation gets an <c>activationId</c> (1 on STAGING, 2 on PRODUCTION).
/// </summary>
internal sealed class EdgeWorkerMocks : ComponentMocks
{
    protected override (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs) => args.Type switch
    {
        "akamai:index/edgeWorker:EdgeWorker" => (id, outputs.SetItem("edgeworkerId", 4242L).SetItem("version", "uploaded-version")),
        "akamai:index/edgeWorkersActivation:EdgeWorkersActivation" => (id, outputs.SetItem("activationId", (string?)args.Inputs["network"] == "STAGING" ? 1L : 2L)),
        _ => (id, outputs),
    };
}
