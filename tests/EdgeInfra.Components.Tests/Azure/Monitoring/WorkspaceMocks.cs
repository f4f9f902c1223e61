using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

/// <summary><see cref="ComponentMocks"/>, plus the <c>customerId</c> that Azure computes for a Log Analytics workspace.</summary>
internal sealed class WorkspaceMocks : ComponentMocks
{
    protected override (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs) =>
        args.Type == "azure-native:operationalinsights:Workspace"
            ? (id, outputs.SetItem("customerId", $"{args.Name}-customer-guid"))
            : (id, outputs);
}
