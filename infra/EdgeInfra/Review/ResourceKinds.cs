namespace EdgeInfra.Review;

/// <summary>How reviews tell resources apart at a glance: the edge (Akamai), Azure, generated values (random), other.</summary>
public enum ResourceKind
{
    /// <summary>An Akamai resource: the edge.</summary>
    Edge,

    /// <summary>An Azure resource.</summary>
    Azure,

    /// <summary>A generated value (<c>random</c>).</summary>
    Generated,

    /// <summary>Any other package.</summary>
    Other,
}

/// <summary>The <see cref="ResourceKind"/> of resources.</summary>
public static class ResourceKinds
{
    /// <summary>The kind of a resource of <paramref name="package"/>.</summary>
    public static ResourceKind Of(string package) => package switch
    {
        "akamai" => ResourceKind.Edge,
        "azure-native" or "azure" or "azuread" => ResourceKind.Azure,
        "random" => ResourceKind.Generated,
        _ => ResourceKind.Other,
    };

    /// <summary>A short form of a type token for labels: <c>azure-native:keyvault:Vault</c> → <c>keyvault:Vault</c>, <c>akamai:index/cpCode:CpCode</c> → <c>CpCode</c>, <c>pulumi:providers:random</c> → <c>provider random</c>.</summary>
    public static string ShortType(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split(':');
        if (parts.Length != 3)
        {
            return token;
        }

        if (parts[0] == "pulumi" && parts[1] == "providers")
        {
            return "provider " + parts[2];
        }

        return parts[1] == "index" || parts[1].StartsWith("index/", StringComparison.Ordinal)
            ? parts[2]
            : parts[1] + ":" + parts[2];
    }
}
