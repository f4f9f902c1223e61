using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure.Backup;

/// <summary>
/// <see cref="ComponentMocks"/>, except that a VM gets the id and name Azure would give it:
/// <c>/subscriptions/sub-1/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}</c>.
/// </summary>
internal sealed class VirtualMachineIdMocks : IMocks
{
    private readonly ComponentMocks _inner = new();

    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var (id, state) = await _inner.NewResourceAsync(args);
        if (args.Type != "azure-native:compute:VirtualMachine")
        {
            return (id, state);
        }

        var vmName = (string)args.Inputs["vmName"]!;
        var resourceGroup = (string)args.Inputs["resourceGroupName"]!;
        var outputs = ((ImmutableDictionary<string, object?>)state).SetItem("name", vmName);
        return ($"/subscriptions/sub-1/resourceGroups/{resourceGroup}/providers/Microsoft.Compute/virtualMachines/{vmName}", outputs);
    }

    public Task<object> CallAsync(MockCallArgs args) => _inner.CallAsync(args);
}
