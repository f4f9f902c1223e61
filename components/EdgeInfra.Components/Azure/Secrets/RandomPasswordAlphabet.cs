namespace EdgeInfra.Components.Azure;

/// <summary>
/// The characters a <c>random:index/randomPassword:RandomPassword</c> can draw, by the provider's own rules
/// (terraform-provider-random, which the Pulumi provider bridges): lower-case letters, upper-case letters and digits
/// unless switched off, and, with <c>special</c> (on by default), <c>overrideSpecial</c> when it is set, else the
/// provider's default set <see cref="DefaultSpecial"/>. Used to prove at synthesis that every value the provider can
/// generate is one the consumer of the secret accepts, instead of hoping a sample passes.
/// </summary>
public static class RandomPasswordAlphabet
{
    /// <summary>The special characters the provider draws when <c>overrideSpecial</c> is not set.</summary>
    public const string DefaultSpecial = "!@#$%&*()-_=+[]{}<>:?";

    /// <summary>The lower-case letters.</summary>
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>The upper-case letters.</summary>
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>The digits.</summary>
    public const string Numeric = "0123456789";

    /// <summary>Every character a password with these settings can contain, each once, in the order above.</summary>
    /// <param name="special">The provider's <c>special</c> (default true).</param>
    /// <param name="overrideSpecial">The provider's <c>overrideSpecial</c>; null when not set.</param>
    /// <param name="upper">The provider's <c>upper</c> (default true).</param>
    /// <param name="lower">The provider's <c>lower</c> (default true).</param>
    /// <param name="numeric">The provider's <c>numeric</c> (default true).</param>
    public static string Of(bool special, string? overrideSpecial, bool upper = true, bool lower = true, bool numeric = true)
    {
        var characters = (lower ? Lower : "") + (upper ? Upper : "") + (numeric ? Numeric : "")
            + (special ? overrideSpecial ?? DefaultSpecial : "");
        return new string([.. characters.Distinct()]);
    }
}
