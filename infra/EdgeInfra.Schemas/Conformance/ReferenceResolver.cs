namespace EdgeInfra.Schemas;

/// <summary>
/// Resolves a reference <c>${name.path}</c> to the type it denotes: through a resource's output properties (plus
/// <c>id</c> and <c>urn</c>), a variable's value, a config key's declared type, or the <c>pulumi</c> built-ins.
/// Paths that do not exist and names that are not declared are violations.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly ProgramContext context;

    public ReferenceResolver(ProgramContext context)
    {
        this.context = context;
    }

    public TypeShape Resolve(PropertyAccess access, string location)
    {
        string root = access.RootName;
        if (context.Resources.TryGetValue(root, out DeclaredResource? resource))
        {
            return ResolveResource(resource, access, location);
        }

        if (context.Variables.ContainsKey(root))
        {
            return Navigate(context.VariableType(root), $"variable {root}", "property", root, access, location);
        }

        if (context.ConfigTypes.TryGetValue(root, out PropertySpec? configType))
        {
            TypeShape shape = configType is null ? TypeShape.Any : context.Shape(configType);
            return Navigate(shape, $"config {root}", "property", root, access, location);
        }

        if (root == "pulumi")
        {
            return Navigate(TypeShape.ObjectOf(WellKnownSpecs.PulumiBuiltins), "pulumi", "property", root, access, location);
        }

        context.Sink.Add(location, $"{access.Text} refers to the unknown name {YamlText.Quote(root)}: it is no resource, variable or config key of this program");
        return TypeShape.Any;
    }

    private TypeShape ResolveResource(DeclaredResource resource, PropertyAccess access, string location)
    {
        if (access.Accessors.Count == 0)
        {
            return TypeShape.ReferenceTo(resource);
        }

        if (resource.Schema is null)
        {
            return TypeShape.Any;
        }

        var outputs = new Dictionary<string, PropertySpec>(resource.Schema.Properties, StringComparer.Ordinal)
        {
            ["id"] = WellKnownSpecs.String,
            ["urn"] = WellKnownSpecs.String,
        };
        var resourceType = new ObjectTypeSchema(resource.Schema.Token, outputs, resource.Schema.Required);
        return Navigate(TypeShape.ObjectOf(resourceType), resource.Schema.Token, "output", resource.Name, access, location);
    }

    /// <summary>Follows the accessors of a reference from the type of its root.</summary>
    /// <param name="root">The type of the root name.</param>
    /// <param name="owner">Who the properties belong to, for messages (a resource token, <c>variable x</c>, ...).</param>
    /// <param name="propertyWord">What the properties are called in messages (<c>output</c> or <c>property</c>).</param>
    /// <param name="rootName">The root name.</param>
    /// <param name="access">The reference.</param>
    /// <param name="location">Where the reference is.</param>
    private TypeShape Navigate(TypeShape root, string owner, string propertyWord, string rootName, PropertyAccess access, string location)
    {
        TypeShape current = root;
        string path = string.Empty;
        foreach (PropertyAccessor accessor in access.Accessors)
        {
            if (current.Kind == TypeShapeKind.Any)
            {
                return TypeShape.Any;
            }

            string nextPath = accessor.Index is { } index
                ? $"{path}[{index}]"
                : path.Length == 0 ? accessor.Name! : $"{path}.{accessor.Name}";
            TypeShape? next = Step(current, accessor);
            if (next is null)
            {
                string message = current.Kind == TypeShapeKind.Object && accessor.Name is not null
                    ? $"{access.Text}: {owner} has no {propertyWord} {nextPath}"
                    : accessor.Index is not null
                        ? $"{access.Text}: {Join(rootName, path)} has type {current}, which cannot be indexed with {accessor}"
                        : $"{access.Text}: {Join(rootName, path)} has type {current}, which has no property {accessor.Name}";
                context.Sink.Add(location, message);
                return TypeShape.Any;
            }

            current = next;
            path = nextPath;
        }

        return current;
    }

    private static string Join(string rootName, string path) =>
        path.Length == 0 ? rootName : path.StartsWith('[') ? rootName + path : $"{rootName}.{path}";

    /// <summary>The type one accessor leads to, or null when the accessor does not apply to the type.</summary>
    private TypeShape? Step(TypeShape current, PropertyAccessor accessor)
    {
        switch (current.Kind)
        {
            case TypeShapeKind.Any:
                return TypeShape.Any;
            case TypeShapeKind.OneOf:
                var results = current.Alternatives
                    .Select(alternative => Step(context.Shape(alternative), accessor))
                    .OfType<TypeShape>()
                    .ToList();
                return results.Count switch
                {
                    0 => null,
                    1 => results[0],
                    _ => TypeShape.Any,
                };
            case TypeShapeKind.Object when accessor.Name is not null:
                return current.Object!.Properties.TryGetValue(accessor.Name, out PropertySpec? property) ? context.Shape(property) : null;
            case TypeShapeKind.Map when accessor.Name is not null:
            case TypeShapeKind.Array when accessor.Index is not null:
                return current.Element is null ? TypeShape.Any : context.Shape(current.Element);
            default:
                return null;
        }
    }
}
