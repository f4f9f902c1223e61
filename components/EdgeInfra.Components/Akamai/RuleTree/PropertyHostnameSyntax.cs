using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Akamai;

/// <summary>The syntax of DNS hostnames, as the rule tree and <c>EdgeProperty</c> check them.</summary>
internal static partial class PropertyHostnameSyntax
{
    /// <summary>The rule, for error messages.</summary>
    public const string Rule = "a DNS name of at least two labels, each 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen, 253 characters at most";

    /// <summary>True when <paramref name="hostname"/> is a DNS name; with <paramref name="allowWildcard"/>, its first label may be <c>*</c>.</summary>
    public static bool IsValid(string? hostname, bool allowWildcard = false)
    {
        if (string.IsNullOrEmpty(hostname) || hostname.Length > 253)
        {
            return false;
        }

        var name = allowWildcard && hostname.StartsWith("*.", StringComparison.Ordinal) ? hostname[2..] : hostname;
        var labels = name.Split('.');
        return labels.Length >= 2 && labels.All(label => ValidationPatterns.HostnameLabel().IsMatch(label));
    }
}
