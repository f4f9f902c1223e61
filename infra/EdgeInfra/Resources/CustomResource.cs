using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A resource a provider manages, stated in the program with its type token, input properties and options.
/// Generated bindings derive from it; used directly with a <see cref="PropertyMap"/>, it is the escape hatch for
/// any resource the bindings do not cover.
/// </summary>
public class CustomResource : Resource
{
    private readonly ResourceMetadata? _metadata;

    /// <summary>Creates a custom resource of type <paramref name="type"/> named <paramref name="name"/>.</summary>
    public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
        : this(type, name, args, options, null)
    {
    }

    /// <summary>Creates a custom resource with the schema metadata of its type; the constructor generated bindings call.</summary>
    protected CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options, ResourceMetadata? metadata)
        : base(type, name, options ?? new CustomResourceOptions())
    {
        Args = args ?? ResourceArgs.Empty;
        _metadata = metadata;
    }

    /// <summary>
    /// Reads an existing resource of type <paramref name="type"/> with the provider id <paramref name="id"/>: the
    /// program states it with the resource field <c>get: { id: ... }</c> and no properties, and the engine reads it
    /// rather than creating, updating or deleting it. The constructor generated <c>Get</c> factories call.
    /// </summary>
    protected CustomResource(string type, string name, Input<string> id, CustomResourceOptions? options, ResourceMetadata? metadata)
        : base(type, name, options ?? new CustomResourceOptions())
    {
        ArgumentNullException.ThrowIfNull(id);
        Args = ResourceArgs.Empty;
        ExistingId = id;
        _metadata = metadata;
    }

    /// <summary>
    /// The existing resource of type <paramref name="type"/> with the provider id <paramref name="id"/>, read rather
    /// than managed (<c>get: { id: ... }</c>), like Pulumi .NET's <c>Resource.Get</c>; generated bindings have a
    /// typed <c>Get</c> of their own (e.g. <c>Vault.Get(name, id)</c>).
    /// </summary>
    public static CustomResource Get(string type, string name, Input<string> id, CustomResourceOptions? options = null) =>
        new(type, name, id, options, null);

    /// <summary>The provider id of the existing resource this one reads (<c>get: { id: ... }</c>); null for a resource the program manages.</summary>
    public Input<string>? ExistingId { get; }

    /// <summary>The schema metadata of the resource's type, when its bindings were generated.</summary>
    public ResourceMetadata? GetResourceMetadata() => _metadata;

    /// <summary>The input properties; read when the program is synthesized.</summary>
    public ResourceArgs Args { get; }

    /// <summary>The custom resource options.</summary>
    public new CustomResourceOptions Options => (CustomResourceOptions)base.Options;

    /// <summary>The provider-assigned ID: <c>${name.id}</c>.</summary>
    public Output<string> Id => GetOutput<string>("id");

    /// <summary>The resource's URN: <c>${name.urn}</c>.</summary>
    public Output<string> Urn => GetOutput<string>("urn");

    /// <summary>The output property <paramref name="name"/>: <c>${resource.name}</c>.</summary>
    public Output<T> GetOutput<T>(string name) =>
        new(new ResourceReferenceExpression(this, PropertyPath.Empty.Append(PathSegment.Property(name))));

    /// <summary>The expression of the output property <paramref name="name"/>, to build an output object from.</summary>
    protected Expression OutputExpression(string name) =>
        new ResourceReferenceExpression(this, PropertyPath.Empty.Append(PathSegment.Property(name)));

    /// <summary>The resource itself as a value, for inputs that take a resource: <c>${resource}</c>.</summary>
    public Output<T> AsOutput<T>() => new(new ResourceReferenceExpression(this, PropertyPath.Empty));

    /// <summary>What is wrong with the resource beyond its names, references and options, as (property, message) pairs; checked when the graph is validated.</summary>
    internal virtual IEnumerable<(string Property, string Message)> Problems()
    {
        if (ExistingId is not null && ExistingIdExpression() is LiteralExpression { Value: string literal } && string.IsNullOrWhiteSpace(literal))
        {
            yield return ("get.id", $"'{literal}' is not a provider id: the id of a resource read with get must not be empty.");
        }
    }

    /// <summary>The expression of <see cref="ExistingId"/>, or null for a managed resource.</summary>
    internal Expression? ExistingIdExpression() => ExistingId is null ? null : ExpressionFactory.FromValue(ExistingId);

    /// <summary>The package that manages the resource, from its type token.</summary>
    public virtual string Package => TypeTokens.PackageOf(GetResourceType());
}
