namespace EdgeInfra.Schemas;

/// <summary>A resource the program declares, with the schema its type token names (when one does).</summary>
/// <param name="Name">The resource's logical name in the program.</param>
/// <param name="Token">The type token as written, or null when the resource has no usable <c>type</c>.</param>
/// <param name="Package">The package the token belongs to, or null when no loaded package matches.</param>
/// <param name="Schema">The resource schema, or null when the token is unknown.</param>
internal sealed record DeclaredResource(string Name, string? Token, PackageSchema? Package, ResourceSchema? Schema)
{
    /// <summary>True for a provider resource (<c>pulumi:providers:&lt;package&gt;</c>).</summary>
    public bool IsProvider => Token is not null && Token.StartsWith(PackageSchema.ProviderTokenPrefix, StringComparison.Ordinal);

    /// <summary>The package name of the token (see <see cref="SchemaSet.PackageNameOf"/>).</summary>
    public string? PackageName => Token is null ? null : SchemaSet.PackageNameOf(Token);
}
