using EdgeInfra.Generator.Naming;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Model;

/// <summary>
/// The C# type of everything a package's bindings generate, keyed by schema token: resources and their
/// arguments, functions with their arguments and results, enums, argument and output classes of object types,
/// the provider and the package metadata. Names are given in a fixed order, so the same schema always gets the
/// same names.
/// </summary>
internal sealed class BindingSymbols
{
    private readonly TypeNameScopes _scopes = new();

    private BindingSymbols(PackageSchema package)
    {
        Package = package;
        Version = package.Version ?? throw new InvalidDataException($"The schema of package '{package.Name}' states no version; bindings pin one.");
        RootNamespace = TokenNames.PackageNamespace(package.Name);
        Reachability = Reachability.Of(package);
        Resources = package.Resources.Values.Where(r => !r.IsComponent).OrderBy(r => r.Token, StringComparer.Ordinal).ToList();
        Functions = package.Functions.Values.OrderBy(f => f.Token, StringComparer.Ordinal).ToList();
        ReserveNamespaces();
        Provider = Allocate(RootNamespace, "Provider");
        ProviderArgs = Allocate(RootNamespace, "ProviderArgs");
        PackageMetadata = Allocate(RootNamespace, "PackageMetadata");
        _scopes.Reserve(RootNamespace, "Package");
        foreach (var resource in Resources)
        {
            var name = Allocate(NamespaceOf(resource.Token), Identifiers.PascalCase(TokenNames.NameOf(resource.Token)));
            ResourceClasses[resource.Token] = name;
            ResourceArgs[resource.Token] = Allocate(name.Namespace, name.Name + "Args");
        }

        foreach (var function in Functions)
        {
            var name = Allocate(NamespaceOf(function.Token), Identifiers.PascalCase(TokenNames.NameOf(function.Token)));
            FunctionClasses[function.Token] = name;
            FunctionArgs[function.Token] = Allocate(name.Namespace, name.Name + "Args");
            FunctionResults[function.Token] = Allocate(name.Namespace + "." + TypeName.OutputsNamespace, name.Name + "Result");
        }

        foreach (var token in Reachability.InputEnums)
        {
            Enums[token] = Allocate(NamespaceOf(token), TypeNameOf(token));
        }

        foreach (var token in Reachability.InputObjects)
        {
            InputClasses[token] = Allocate(NamespaceOf(token) + "." + TypeName.InputsNamespace, TypeNameOf(token) + "Args");
        }

        foreach (var token in Reachability.OutputObjects)
        {
            OutputClasses[token] = Allocate(NamespaceOf(token) + "." + TypeName.OutputsNamespace, TypeNameOf(token));
        }
    }

    /// <summary>The package schema.</summary>
    public PackageSchema Package { get; }

    /// <summary>The package version the bindings pin.</summary>
    public string Version { get; }

    /// <summary>The package's root namespace, e.g. <c>EdgeInfra.AzureNative</c>.</summary>
    public string RootNamespace { get; }

    /// <summary>Which named types the bindings need.</summary>
    public Reachability Reachability { get; }

    /// <summary>The resources to generate (components are left out: a YAML program cannot declare them), by token.</summary>
    public IReadOnlyList<ResourceSchema> Resources { get; }

    /// <summary>The functions to generate, by token.</summary>
    public IReadOnlyList<FunctionSchema> Functions { get; }

    /// <summary>The provider class.</summary>
    public TypeName Provider { get; }

    /// <summary>The provider's argument class.</summary>
    public TypeName ProviderArgs { get; }

    /// <summary>The package metadata class.</summary>
    public TypeName PackageMetadata { get; }

    /// <summary>Resource token → resource class.</summary>
    public Dictionary<string, TypeName> ResourceClasses { get; } = new(StringComparer.Ordinal);

    /// <summary>Resource token → argument class.</summary>
    public Dictionary<string, TypeName> ResourceArgs { get; } = new(StringComparer.Ordinal);

    /// <summary>Function token → static function class.</summary>
    public Dictionary<string, TypeName> FunctionClasses { get; } = new(StringComparer.Ordinal);

    /// <summary>Function token → argument class.</summary>
    public Dictionary<string, TypeName> FunctionArgs { get; } = new(StringComparer.Ordinal);

    /// <summary>Function token → result class.</summary>
    public Dictionary<string, TypeName> FunctionResults { get; } = new(StringComparer.Ordinal);

    /// <summary>Enum type token → enum type.</summary>
    public Dictionary<string, TypeName> Enums { get; } = new(StringComparer.Ordinal);

    /// <summary>Object type token → argument class.</summary>
    public Dictionary<string, TypeName> InputClasses { get; } = new(StringComparer.Ordinal);

    /// <summary>Object type token → output class.</summary>
    public Dictionary<string, TypeName> OutputClasses { get; } = new(StringComparer.Ordinal);

    /// <summary>The symbols of <paramref name="package"/>.</summary>
    public static BindingSymbols Of(PackageSchema package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return new BindingSymbols(package);
    }

    /// <summary>The namespace of a token's module.</summary>
    public string NamespaceOf(string token) => TokenNames.ModuleNamespace(RootNamespace, TokenNames.ModuleOf(token));

    /// <summary>The enum type schema <paramref name="reference"/> points at, when it points at one of this package.</summary>
    public EnumTypeSchema? EnumOf(SchemaReference? reference) =>
        reference is { Kind: SchemaReferenceKind.Type, Token: { } token } ? Package.Types.GetValueOrDefault(token) as EnumTypeSchema : null;

    /// <summary>The object type schema <paramref name="reference"/> points at, when it points at one of this package.</summary>
    public ObjectTypeSchema? ObjectOf(SchemaReference? reference) =>
        reference is { Kind: SchemaReferenceKind.Type, Token: { } token } ? Package.Types.GetValueOrDefault(token) as ObjectTypeSchema : null;

    private static string TypeNameOf(string token) => Identifiers.PascalCase(TokenNames.NameOf(token));

    private TypeName Allocate(string @namespace, string desired) => new(@namespace, _scopes.Allocate(@namespace, desired));

    /// <summary>
    /// Keeps every generated namespace's <c>Inputs</c> and <c>Outputs</c> free for the sub-namespaces, and each
    /// module namespace's segments free in the namespace above it.
    /// </summary>
    private void ReserveNamespaces()
    {
        var tokens = Resources.Select(r => r.Token)
            .Concat(Functions.Select(f => f.Token))
            .Concat(Package.Types.Keys);
        var namespaces = new SortedSet<string>(StringComparer.Ordinal) { RootNamespace };
        foreach (var token in tokens)
        {
            namespaces.Add(NamespaceOf(token));
        }

        foreach (var @namespace in namespaces)
        {
            _scopes.Reserve(@namespace, TypeName.InputsNamespace);
            _scopes.Reserve(@namespace, TypeName.OutputsNamespace);
            for (var child = @namespace; child.Length > RootNamespace.Length; child = child[..child.LastIndexOf('.')])
            {
                var parent = child[..child.LastIndexOf('.')];
                _scopes.Reserve(parent, child[(parent.Length + 1)..]);
            }
        }
    }
}
