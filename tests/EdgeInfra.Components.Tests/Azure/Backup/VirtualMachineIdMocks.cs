using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Azure.Backup;

/// <summary>
/// <see cref="ComponentMocks"/>, except that a VM gets the id and name Azure would give it:
/// <c>/subscriptions/sub-1/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}</c>.
/// </summary>
internal sealed class VirtualMachineIdMocks : ComponentMocks
{
    protected override (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs)
    {
        if (args.Type != "azure-native:compute:VirtualMachine")
        {
            return (id, outputs);
        }

        var vmName = (string)args.Inputs["vmName"]!;
        var resourceGroup = (string)args.Inputs["resourceGroupName"]!;
        return ($"/subscriptions/sub-1/resourceGroups/{resourceGroup}/providers/Microsoft.Compute/virtualMachines/{vmName}", outputs.SetItem("name", vmName));
    }
}
