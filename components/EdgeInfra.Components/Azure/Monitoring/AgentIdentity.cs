using EdgeInfra.AzureNative.Compute;
using EdgeInfra.Expressions;
using static EdgeInfra.Components.TypedInputs;

namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// Which managed identity the Azure Monitor agent on a VM must authenticate with. The agent uses the VM's
/// system-assigned identity by default; a VM with only user-assigned identities needs the agent's settings to name
/// one (<c>authentication.managedIdentity</c>, <c>identifier-name: mi_res_id</c>), or the agent cannot send anything.
/// </summary>
public static class AgentIdentity
{
    /// <summary>
    /// The resource id of the user-assigned identity the agent of <paramref name="vm"/> must name: the VM's first
    /// user-assigned identity when its <c>identity.type</c> is stated and has no <c>SystemAssigned</c>; otherwise null.
    /// </summary>
    public static Expression? UserAssignedIdFor(VirtualMachine vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var identity = Plain(((VirtualMachineArgs)vm.Args).Identity);
        if (Value(identity?.Type) is not { } type
            || type.Value.Contains("SystemAssigned", StringComparison.OrdinalIgnoreCase)
            || identity!.UserAssignedIdentities?.FirstOrDefault() is not { } first)
        {
            return null;
        }

        return first.ToExpression();
    }

    /// <summary>The agent extension's <c>settings</c> naming the user-assigned identity <paramref name="identityId"/>.</summary>
    public static Input<object> Settings(Expression identityId) =>
        Input<object>.FromExpression(new ObjectExpression(
        [
            new("authentication", new ObjectExpression(
            [
                new("managedIdentity", new ObjectExpression(
                [
                    new("identifier-name", new LiteralExpression("mi_res_id")),
                    new("identifier-value", identityId),
                ])),
            ])),
        ]));
}
