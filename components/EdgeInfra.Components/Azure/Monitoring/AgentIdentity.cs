using EdgeInfra.Expressions;

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
    public static Expression? UserAssignedIdFor(CustomResource vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (vm.Args.ToExpression() is not ObjectExpression properties
            || !properties.Properties.TryGetValue("identity", out var identityExpression)
            || identityExpression is not ObjectExpression identity
            || !identity.Properties.TryGetValue("type", out var type)
            || type is not LiteralExpression { Value: string typeName }
            || typeName.Contains("SystemAssigned", StringComparison.OrdinalIgnoreCase)
            || !identity.Properties.TryGetValue("userAssignedIdentities", out var identities)
            || identities is not ListExpression { Items.Length: > 0 } list)
        {
            return null;
        }

        return list.Items[0];
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
