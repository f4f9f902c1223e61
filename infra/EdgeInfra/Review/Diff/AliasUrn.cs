namespace EdgeInfra.Review;

/// <summary>
/// An alias as the program states it: the URN a resource had,
/// <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;parent types$&gt;&lt;type&gt;::&lt;name&gt;</c>.
/// </summary>
/// <param name="Stack">The stack.</param>
/// <param name="Type">The resource's own type (the last of the type chain).</param>
/// <param name="Name">The logical name.</param>
internal sealed record AliasUrn(string Stack, string Type, string Name)
{
    private const string Prefix = "urn:pulumi:";

    /// <summary>The parts of <paramref name="urn"/>, or null when it is not a Pulumi URN.</summary>
    public static AliasUrn? Parse(string urn)
    {
        if (!urn.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = urn[Prefix.Length..].Split("::", 4);
        if (parts.Length < 4)
        {
            return null;
        }

        var types = parts[2].Split('$');
        return new AliasUrn(parts[0], types[^1], parts[3]);
    }
}
