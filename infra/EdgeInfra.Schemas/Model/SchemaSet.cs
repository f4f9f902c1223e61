namespace EdgeInfra.Schemas;

/// <summary>Several package schemas, looked up by token: finds the package, resource, function or type a token names.</summary>
public sealed class SchemaSet
{
    private readonly Dictionary<string, PackageSchema> packagesByName = new(StringComparer.Ordinal);

    /// <summary>Creates a set of package schemas.</summary>
    /// <param name="packages">The packages; their names must differ.</param>
    /// <exception cref="ArgumentException">Two packages have the same name.</exception>
    public SchemaSet(IEnumerable<PackageSchema> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        foreach (PackageSchema package in packages)
        {
            if (!packagesByName.TryAdd(package.Name, package))
            {
                throw new ArgumentException($"package \"{package.Name}\" is given twice", nameof(packages));
            }
        }

        Packages = [.. packagesByName.Values.OrderBy(package => package.Name, StringComparer.Ordinal)];
    }

    /// <summary>The packages, ordered by name.</summary>
    public IReadOnlyList<PackageSchema> Packages { get; }

    /// <summary>Loads every <c>*.schema.json</c> file of a folder (not its subfolders).</summary>
    /// <param name="path">The folder.</param>
    /// <returns>The set of the packages found.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not a valid package schema.</exception>
    public static SchemaSet LoadDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"schema folder \"{path}\" does not exist");
        }

        string[] files = Directory.GetFiles(path, "*.schema.json", SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        return new SchemaSet(files.Select(PackageSchema.Load));
    }

    /// <summary>
    /// The package name a token belongs to: <c>azure-native:keyvault:Vault</c> → <c>azure-native</c>,
    /// <c>pulumi:providers:random</c> → <c>random</c>.
    /// </summary>
    /// <param name="token">A resource, function, type or provider token.</param>
    /// <returns>The package name, or null when the token has no <c>:</c>.</returns>
    public static string? PackageNameOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.StartsWith(PackageSchema.ProviderTokenPrefix, StringComparison.Ordinal))
        {
            string name = token[PackageSchema.ProviderTokenPrefix.Length..];
            return name.Length == 0 ? null : name;
        }

        int colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : token[..colon];
    }

    /// <summary>Finds a package by its name.</summary>
    /// <param name="name">The package name, such as <c>random</c>.</param>
    /// <returns>The package, or null when the set has none of that name.</returns>
    public PackageSchema? FindPackageByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return packagesByName.GetValueOrDefault(name);
    }

    /// <summary>Finds the package a token belongs to (see <see cref="PackageNameOf"/>).</summary>
    /// <param name="token">A resource, function, type or provider token.</param>
    /// <returns>The package, or null when the set has no package of that name.</returns>
    public PackageSchema? FindPackage(string token)
    {
        string? name = PackageNameOf(token);
        return name is null ? null : FindPackageByName(name);
    }

    /// <summary>Finds a resource by token; <c>pulumi:providers:&lt;package&gt;</c> finds the package's provider.</summary>
    /// <param name="token">The resource token.</param>
    /// <returns>The resource, or null when no package of the set defines it.</returns>
    public ResourceSchema? FindResource(string token)
    {
        PackageSchema? package = FindPackage(token);
        if (package is null)
        {
            return null;
        }

        return token == package.ProviderToken ? package.Provider : package.Resources.GetValueOrDefault(token);
    }

    /// <summary>Finds a function by token.</summary>
    /// <param name="token">The function token.</param>
    /// <returns>The function, or null when no package of the set defines it.</returns>
    public FunctionSchema? FindFunction(string token) => FindPackage(token)?.Functions.GetValueOrDefault(token);

    /// <summary>Finds a named type (object or enum) by token.</summary>
    /// <param name="token">The type token.</param>
    /// <returns>The type, or null when no package of the set defines it.</returns>
    public TypeSchema? FindType(string token) => FindPackage(token)?.Types.GetValueOrDefault(token);
}
