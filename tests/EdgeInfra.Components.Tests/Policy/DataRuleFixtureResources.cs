using EdgeInfra.AzureNative.Compute;
using EdgeInfra.AzureNative.Compute.Inputs;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>What the Key Vault, RBAC, Backup, Monitor and storage fixtures share: names, ids and a minimal VM.</summary>
internal static class DataRuleFixtureResources
{
    public const string ResourceGroupName = "rg-fixture";

    public const string Location = "westeurope";

    public const string TenantId = "00000000-0000-0000-0000-000000000001";

    public const string SubscriptionScope = "/subscriptions/00000000-0000-0000-0000-000000000002";

    public const string WorkspaceId = SubscriptionScope + "/resourceGroups/rg-fixture/providers/Microsoft.OperationalInsights/workspaces/log-fixture";

    /// <summary>A Linux VM named <paramref name="name"/> with the given identity block.</summary>
    public static VirtualMachine Vm(string name = "vm", VirtualMachineIdentityArgs? identity = null) =>
        new(name, new VirtualMachineArgs
        {
            ResourceGroupName = ResourceGroupName,
            Location = Location,
            VmName = $"{name}-fixture",
            Identity = identity is null ? null : (Input<VirtualMachineIdentityArgs>)identity,
            OsProfile = new OSProfileArgs
            {
                ComputerName = $"{name}-fixture",
                AdminUsername = "fixture",
                LinuxConfiguration = new LinuxConfigurationArgs { DisablePasswordAuthentication = true },
            },
        });
}
