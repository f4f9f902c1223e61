using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure.Network;

/// <summary>
/// <see cref="ComponentMocks"/>, plus what Azure computes for a virtual network: the <c>id</c> of each inline subnet
/// (<c>{vnet id}/subnets/{name}</c>), and its <c>name</c> when <c>virtualNetworkName</c> is given.
/// </summary>
internal sealed class NetworkMocks : ComponentMocks
{
    protected override (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs)
    {
        if (args.Inputs.TryGetValue("virtualNetworkName", out var name) && name is string)
        {
            outputs = outputs.SetItem("name", name);
        }

        if (args.Type == "azure-native:network:VirtualNetwork" && outputs.TryGetValue("subnets", out var subnets) && subnets is ImmutableArray<object?> items)
        {
            var withIds = items
                .Cast<ImmutableDictionary<string, object?>>()
                .Select(subnet => (object?)subnet.SetItem("id", $"{id}/subnets/{subnet["name"]}"))
                .ToImmutableArray();
            outputs = outputs.SetItem("subnets", withIds);
        }

        return (id, outputs);
    }
}
