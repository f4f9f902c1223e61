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
        // As token.Split(':') read: the third part of exactly three parts "pulumi", "providers", x; else the first part.
        var first = token.IndexOf(':', StringComparison.Ordinal);
        if (first < 0)
        {
            return token;
        }

        var second = token.IndexOf(':', first + 1);
        if (second >= 0 && token.IndexOf(':', second + 1) < 0
            && token.AsSpan(0, first).SequenceEqual("pulumi") && token.AsSpan(first + 1, second - first - 1).SequenceEqual("providers"))
        {
            return token[(second + 1)..];
        }

        return token[..first];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*:[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+\\z")]
    private static partial Regex Pattern();
}
