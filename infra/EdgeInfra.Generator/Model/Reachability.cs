using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Model;

/// <summary>
/// Which named types of a package the bindings need, by direction: object types reachable from resource, provider
/// and function inputs get argument classes, those reachable from resource and function outputs get output classes,
/// and enums reachable from inputs get enum types (outputs state enums as their primitive).
/// </summary>
internal sealed class Reachability
{
    private readonly PackageSchema _package;

    private Reachability(PackageSchema package) => _package = package;

    /// <summary>Object type tokens reachable from inputs.</summary>
    public SortedSet<string> InputObjects { get; } = new(StringComparer.Ordinal);

    /// <summary>Object type tokens reachable from outputs.</summary>
    public SortedSet<string> OutputObjects { get; } = new(StringComparer.Ordinal);

    /// <summary>Enum type tokens reachable from inputs.</summary>
    public SortedSet<string> InputEnums { get; } = new(StringComparer.Ordinal);

    /// <summary>The types <paramref name="package"/>'s bindings need.</summary>
    public static Reachability Of(PackageSchema package)
    {
        var reachability = new Reachability(package);
        reachability.Walk(package);
        return reachability;
    }

    private void Walk(PackageSchema package)
    {
        foreach (var resource in package.Resources.Values.Where(r => !r.IsComponent))
        {
            VisitAll(resource.InputProperties.Values, input: true);
            VisitAll(resource.Properties.Values, input: false);
        }

        VisitAll(package.Provider.InputProperties.Values, input: true);
        foreach (var function in package.Functions.Values)
        {
            VisitAll(function.Inputs?.Properties.Values ?? [], input: true);
            VisitAll(function.Outputs?.Properties.Values ?? [], input: false);
        }
    }

    private void VisitAll(IEnumerable<PropertySpec> specs, bool input)
    {
        foreach (var spec in specs)
        {
            Visit(spec, input);
        }
    }

    private void Visit(PropertySpec? spec, bool input)
    {
        if (spec is null)
        {
            return;
        }

        VisitAll(spec.OneOf, input);
        Visit(spec.Items, input);
        Visit(spec.AdditionalProperties, input);
        if (spec.Ref is { Kind: SchemaReferenceKind.Type, Token: { } token })
        {
            VisitType(token, input);
        }

        foreach (var member in spec.Discriminator?.Mapping.Values ?? [])
        {
            if (member is { Kind: SchemaReferenceKind.Type, Token: { } memberToken })
            {
                VisitType(memberToken, input);
            }
        }
    }

    private void VisitType(string token, bool input)
    {
        switch (_package.Types.GetValueOrDefault(token))
        {
            case EnumTypeSchema:
                if (input)
                {
                    InputEnums.Add(token);
                }

                break;
            case ObjectTypeSchema objectType:
                if ((input ? InputObjects : OutputObjects).Add(token))
                {
                    VisitAll(objectType.Properties.Values, input);
                }

                break;
        }
    }
}
