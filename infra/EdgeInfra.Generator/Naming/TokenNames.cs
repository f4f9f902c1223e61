namespace EdgeInfra.Generator.Naming;

/// <summary>
/// What the parts of a token (<c>package:module:Name</c>) become in C#: the package's root namespace, a module's
/// namespace and a type's name.
/// </summary>
internal static class TokenNames
{
    /// <summary>The namespace every generated package lives under.</summary>
    public const string BaseNamespace = "EdgeInfra";

    /// <summary>The module that stands for the package root namespace.</summary>
    public const string IndexModule = "index";

    /// <summary>Packages whose namespace Pulumi .NET spells other than by capitalizing the name.</summary>
    private static readonly Dictionary<string, string> KnownPackages = new(StringComparer.Ordinal)
    {
        ["azuread"] = "AzureAD",
    };

    /// <summary>
    /// The root namespace of a package: <c>azure-native</c> → <c>EdgeInfra.AzureNative</c>, <c>azuread</c> →
    /// <c>EdgeInfra.AzureAD</c> (the spelling of Pulumi's own .NET SDK).
    /// </summary>
    public static string PackageNamespace(string package) =>
        BaseNamespace + "." + (KnownPackages.TryGetValue(package, out var known) ? known : Identifiers.PascalCase(package));

    /// <summary>
    /// The module of a token, as Pulumi's <c>moduleFormat</c> reads it: the middle part, without its last
    /// <c>/</c> segment when it has one (<c>akamai:index/cpCode:CpCode</c> → <c>index</c>).
    /// </summary>
    public static string ModuleOf(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3)
        {
            throw new InvalidDataException($"'{token}' is not a token: it must read package:module:name.");
        }

        var module = parts[1];
        var slash = module.LastIndexOf('/');
        return slash < 0 ? module : module[..slash];
    }

    /// <summary>The last part of a token: <c>azure-native:keyvault:Vault</c> → <c>Vault</c>.</summary>
    public static string NameOf(string token) => token[(token.LastIndexOf(':') + 1)..];

    /// <summary>
    /// The namespace of a token's module: <c>keyvault</c> → <c>EdgeInfra.AzureNative.KeyVault</c>; the module
    /// <c>index</c> (or an empty one) is the package root namespace.
    /// </summary>
    public static string ModuleNamespace(string packageNamespace, string module)
    {
        if (module.Length == 0 || module == IndexModule)
        {
            return packageNamespace;
        }

        var segments = module.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(ModuleNames.SegmentOf);
        return packageNamespace + "." + string.Join('.', segments);
    }

    /// <summary>The folder of a namespace, relative to the output folder: <c>EdgeInfra.AzureNative.KeyVault</c> → <c>AzureNative/KeyVault</c>.</summary>
    public static string FolderOf(string @namespace) =>
        @namespace[(BaseNamespace.Length + 1)..].Replace('.', '/');
}
