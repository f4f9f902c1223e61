namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// Config values that only reach resource properties are references in the program (<c>${key}</c>), never copies:
/// Pulumi passes secrets decrypted without saying which keys are secret, so a copy could put one in plain text into
/// the program and the state. The stack still reads these values at synthesis, to validate them.
/// </summary>
public sealed class ConfigReferenceTests
{
    /// <summary>
    /// The keys stated as references. Not yet among them (still read at synthesis and copied, see the README's stack
    /// config section): propertyName (it also builds child names and the origin boot script), hostnames,
    /// activationContacts, alertEmails and edgeLogs.notificationEmails (lists that components read item by item).
    /// </summary>
    public static readonly TheoryData<string, string> ReferencedKeys = new()
    {
        { "dev", "edgeHostname" }, { "dev", "vaultName" }, { "dev", "activationNote" }, { "dev", "adminSshPublicKey" },
        { "prod", "edgeHostname" }, { "prod", "vaultName" }, { "prod", "activationNote" }, { "prod", "adminSshPublicKey" },
    };

    [Theory]
    [MemberData(nameof(ReferencedKeys))]
    public void A_value_that_only_reaches_resources_is_referenced_not_copied(string stack, string key)
    {
        var value = StackConfig.Of(stack)[key];
        var program = StackProgram.Synth(stack);

        Assert.DoesNotContain(value, program, StringComparison.Ordinal);
        Assert.Contains($"\"${{{key}}}\"", program, StringComparison.Ordinal);
    }
}
