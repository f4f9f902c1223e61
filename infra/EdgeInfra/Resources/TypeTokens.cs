using System.Text.RegularExpressions;

namespace EdgeInfra;

/// <summary>Type tokens: <c>package:module:Type</c>, e.g. <c>azure-native:keyvault:Vault</c> or <c>pulumi:providers:random</c>.</summary>
public static partial class TypeTokens
{
    /// <summary>True when <paramref name="token"/> has the three parts of a type token.</summary>
    public static bool IsValid(string? token) => token is not null && Pattern().IsMatch(token);

    /// <summary>The package of a resource type token; for <c>pulumi:providers:x</c>, <c>x</c>.</summary>
    public static string PackageOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split(':');
        return parts.Length == 3 && parts[0] == "pulumi" && parts[1] == "providers" ? parts[2] : parts[0];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*:[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+\\z")]
    private static partial Regex Pattern();
}
