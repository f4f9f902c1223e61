using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

/// <summary><see cref="ComponentMocks"/>, plus the <c>customerId</c> that Azure computes for a Log Analytics workspace.</summary>
internal sealed class WorkspaceMocks : IMocks
{
    private readonly ComponentMocks _inner = new();

    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var (id, state) = await _inner.NewResourceAsync(args);
        var outputs = (ImmutableDictionary<string, object?>)state;
        if (args.Type == "azure-native:operationalinsights:Workspace")
        {
            outputs = outputs.SetItem("customerId", $"{args.Name}-customer-guid");
        }

        return (id, outputs);
    }

    public Task<object> CallAsync(MockCallArgs args) => _inner.CallAsync(args);
}
