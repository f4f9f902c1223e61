using System.Collections.Immutable;

namespace EdgeInfra;

/// <summary>Works out the <see cref="EffectiveOptions"/> of custom resources, recording what is wrong with their options.</summary>
internal sealed class OptionsResolver(DeploymentContext deployment, List<SynthesisError> errors)
{
    public EffectiveOptions Resolve(CustomResource resource)
    {
        var options = resource.Options;
        var provider = resource is ProviderResource ? null : options.Provider ?? InheritedProvider(resource);
        if (provider is not null && provider.ProviderPackage != resource.Package)
        {
            errors.Add(new(SynthesisError.SubjectOf(resource), "options.provider", $"provider '{provider.LogicalName}' serves package '{provider.ProviderPackage}', but the resource belongs to package '{resource.Package}'."));
        }

        var version = resource switch
        {
            ProviderResource own => own.Version,
            StackReference => null,
            _ when provider is not null => null,
            _ => options.Version ?? deployment.Packages.VersionOf(resource.Package),
        };
        if (provider is null && version is null && resource is not StackReference)
        {
            errors.Add(new(SynthesisError.SubjectOf(resource), "options.version", $"package '{resource.Package}' has no pinned version: declare it with [assembly: PulumiPackage(\"{resource.Package}\", \"<version>\")] or set CustomResourceOptions.Version."));
        }

        if (options.CustomTimeouts is not null)
        {
            CheckTimeouts(options.CustomTimeouts, SynthesisError.SubjectOf(resource));
        }

        return new EffectiveOptions
        {
            Provider = provider,
            Version = version,
            Parent = options.Parent as CustomResource,
            DependsOn = Dependencies(resource),
            Protect = resource.Inherited(o => o.Protect) == true,
            RetainOnDelete = resource.Inherited(o => o.RetainOnDelete) == true,
            DeleteBeforeReplace = options.DeleteBeforeReplace,
            IgnoreChanges = [.. options.IgnoreChanges],
            ReplaceOnChanges = [.. options.ReplaceOnChanges],
            AdditionalSecretOutputs = [.. options.AdditionalSecretOutputs],
            DeletedWith = DeletedWith(resource),
            CustomTimeouts = options.CustomTimeouts,
            Aliases = [.. options.Aliases.Select(a => AliasUrn(resource, a))],
        };
    }

    /// <summary>The custom resources <paramref name="resource"/> stands for in a dependency: itself, or a component's resources.</summary>
    public IEnumerable<CustomResource> Expand(Resource resource) => resource switch
    {
        CustomResource custom => [custom],
        ComponentResource component => Descendants.GetValueOrDefault(component, []),
        _ => [],
    };

    private Dictionary<ComponentResource, List<CustomResource>>? _descendants;

    /// <summary>
    /// The custom resources under each component, in creation order: found in one pass over the resources, the first
    /// time a dependency names a component, rather than one pass per dependency on a component.
    /// </summary>
    private Dictionary<ComponentResource, List<CustomResource>> Descendants => _descendants ??= FindDescendants();

    private Dictionary<ComponentResource, List<CustomResource>> FindDescendants()
    {
        var descendants = new Dictionary<ComponentResource, List<CustomResource>>();
        foreach (var resource in deployment.Resources.OfType<CustomResource>())
        {
            for (var parent = resource.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ComponentResource component)
                {
                    if (!descendants.TryGetValue(component, out var list))
                    {
                        list = [];
                        descendants[component] = list;
                    }

                    list.Add(resource);
                }
            }
        }

        return descendants;
    }

    private ImmutableArray<CustomResource> Dependencies(CustomResource resource)
    {
        if (!HasDependsOn(resource))
        {
            return [];
        }

        var dependencies = new HashSet<CustomResource>();
        for (Resource? current = resource; current is not null; current = current.Parent)
        {
            // A component is no resource of its own in the program: its children keep its dependencies.
            if (current == resource || current is ComponentResource)
            {
                foreach (var dependency in current.Options.DependsOn)
                {
                    dependencies.UnionWith(Expand(dependency).Where(d => d != resource));
                }
            }
        }

        return [.. dependencies.OrderBy(d => d.LogicalName, StringComparer.Ordinal)];
    }

    /// <summary>Whether the resource or one of its component ancestors has a dependsOn (most have none).</summary>
    private static bool HasDependsOn(CustomResource resource)
    {
        for (Resource? current = resource; current is not null; current = current.Parent)
        {
            if ((current == resource || current is ComponentResource) && current.Options.DependsOn.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private CustomResource? DeletedWith(CustomResource resource)
    {
        switch (resource.Options.DeletedWith)
        {
            case null:
                return null;
            case CustomResource custom:
                return custom;
            default:
                errors.Add(new(SynthesisError.SubjectOf(resource), "options.deletedWith", $"'{resource.Options.DeletedWith.LogicalName}' is a component; deletedWith takes a custom resource."));
                return null;
        }
    }

    private void CheckTimeouts(CustomTimeouts? timeouts, string subject)
    {
        foreach (var (name, value) in new[] { ("create", timeouts?.Create), ("update", timeouts?.Update), ("delete", timeouts?.Delete) })
        {
            if (value is TimeSpan timeout && (timeout <= TimeSpan.Zero || timeout.Ticks % TimeSpan.TicksPerSecond != 0))
            {
                errors.Add(new(subject, "options.customTimeouts." + name, $"{timeout} is not a timeout: a timeout is a positive whole number of seconds."));
            }
        }
    }

    private static ProviderResource? InheritedProvider(CustomResource resource)
    {
        for (var parent = resource.Parent; parent is not null; parent = parent.Parent)
        {
            var provider = parent switch
            {
                ComponentResource component => component.Options.Providers.FirstOrDefault(p => p.ProviderPackage == resource.Package),
                CustomResource custom => custom.Options.Provider is { } p && p.ProviderPackage == resource.Package ? p : null,
                _ => null,
            };
            if (provider is not null)
            {
                return provider;
            }
        }

        return null;
    }

    private string AliasUrn(CustomResource resource, Alias alias) =>
        alias.Urn ?? StackGraph.UrnOf(deployment.StackName, deployment.ProjectName, resource, alias.Type, alias.Name);
}
