using EdgeInfra.Expressions;
using EdgeInfra.Yaml;

namespace EdgeInfra;

/// <summary>
/// Checks a built graph before it is written: names, duplicates, references to resources outside the stack or to
/// components, dependency cycles, one pinned version per package, and config keys that clash with resource names.
/// </summary>
internal static class GraphValidator
{
    public static List<SynthesisError> Validate(StackGraph graph, DeploymentContext deployment)
    {
        var errors = new List<SynthesisError>();
        CheckNames(graph, errors);
        errors.AddRange(graph.SortedCustomResources.SelectMany(r => r.Problems().Select(p => new SynthesisError(SynthesisError.SubjectOf(r), p.Property, p.Message))));
        CheckReferences(graph, deployment, errors);
        CheckObjectKeys(graph, errors);
        CheckComponentReferences(graph, errors);
        CheckCycles(graph, errors);
        CheckVersions(graph, errors);
        return errors;
    }

    /// <summary>How a resource got its logical name: the name it was given, its type and its component.</summary>
    private static string DescribeNaming(Resource resource) => resource.Component is { } component
        ? $"'{resource.GetResourceName()}' ({resource.GetResourceType()}) in component '{component.LogicalName}'"
        : $"'{resource.GetResourceName()}' ({resource.GetResourceType()}) at the top level";

    private static void CheckNames(StackGraph graph, List<SynthesisError> errors)
    {
        foreach (var resource in graph.Resources)
        {
            if (!TypeTokens.IsValid(resource.GetResourceType()))
            {
                errors.Add(new(SynthesisError.SubjectOf(resource), "type", $"'{resource.GetResourceType()}' is not a type token: it must read package:module:Type."));
            }

            if (!LogicalNames.IsValid(resource.GetResourceName()))
            {
                errors.Add(new(SynthesisError.SubjectOf(resource), "name", $"'{resource.GetResourceName()}' is not a valid logical name: {LogicalNames.Rule}."));
            }
            else if (!LogicalNames.IsValid(resource.LogicalName))
            {
                errors.Add(new(SynthesisError.SubjectOf(resource), "name", $"the prefixed name '{resource.LogicalName}' is not a valid logical name: {LogicalNames.Rule}."));
            }

            if (resource is ComponentResource component)
            {
                foreach (var group in component.Options.Providers.GroupBy(p => p.ProviderPackage).Where(g => g.Count() > 1))
                {
                    errors.Add(new(SynthesisError.SubjectOf(resource), "options.providers", $"{group.Count()} providers are given for package '{group.Key}'; give at most one per package."));
                }
            }
        }

        // Grouping every resource by name costs a group each: group only when some name is taken twice.
        var seen = new HashSet<string>(graph.Resources.Length, StringComparer.Ordinal);
        var duplicates = graph.Resources.Any(r => !seen.Add(r.LogicalName));
        foreach (var group in duplicates ? graph.Resources.GroupBy(r => r.LogicalName, StringComparer.Ordinal).Where(g => g.Count() > 1) : [])
        {
            var holders = string.Join(" and ", group.Select(DescribeNaming));
            var rule = group.Any(r => r.Component is not null)
                ? $" (a child's name is prefixed with its component's, unless it already starts with the component's name and '-')"
                : string.Empty;
            errors.Add(new($"resource '{group.Key}'", "name", $"the logical name is used by {group.Count()} resources, {holders}; logical names must be unique in a stack{rule}: rename one of them."));
        }

        if (graph.Config.IsEmpty)
        {
            return;
        }

        var names = graph.Resources.OfType<CustomResource>().Select(r => r.LogicalName).ToHashSet(StringComparer.Ordinal);
        foreach (var config in graph.Config.Where(c => names.Contains(c.Key)))
        {
            errors.Add(new($"config '{config.Key}'", null, $"the config key has the name of a resource; config keys and resources share one namespace in a program."));
        }
    }

    private static void CheckReferences(StackGraph graph, DeploymentContext deployment, List<SynthesisError> errors)
    {
        foreach (var resource in graph.SortedCustomResources)
        {
            // The references of the properties (in property order), then of the get id (see StackGraph.LinksOf).
            foreach (var (property, node) in graph.LinksOf(resource))
            {
                foreach (var target in TargetsOf(node))
                {
                    if (target.Deployment != deployment)
                    {
                        CheckTarget(target, deployment, SynthesisError.SubjectOf(resource), property ?? "get.id", errors);
                    }
                }
            }

            foreach (var (option, target) in OptionTargets(resource))
            {
                if (target.Deployment != deployment)
                {
                    CheckTarget(target, deployment, SynthesisError.SubjectOf(resource), option, errors);
                }
            }
        }

        foreach (var (name, value) in graph.Outputs)
        {
            foreach (var target in ReferencedResources(value))
            {
                CheckTarget(target, deployment, $"stack output '{name}'", null, errors);
            }
        }
    }

    /// <summary>
    /// Object keys the program cannot state: Pulumi YAML reads a key starting with <c>fn::</c> as a call of a built-in
    /// function (or warns about an unknown one), so the object would not reach the provider as written.
    /// </summary>
    private static void CheckObjectKeys(StackGraph graph, List<SynthesisError> errors)
    {
        foreach (var resource in graph.SortedCustomResources)
        {
            foreach (var (name, value) in graph.PropertiesOf(resource).Properties)
            {
                // Paths are built only for a value that has such a key: most have none.
                if (HasFunctionKey(value))
                {
                    CheckObjectKeys(value, name, SynthesisError.SubjectOf(resource), errors);
                }
            }
        }

        foreach (var (name, value) in graph.Outputs)
        {
            CheckObjectKeys(value, name, $"stack output '{name}'", errors);
        }
    }

    private static void CheckObjectKeys(Expression expression, string path, string subject, List<SynthesisError> errors)
    {
        switch (expression)
        {
            case ObjectExpression obj:
                foreach (var (key, value) in obj.Properties)
                {
                    var keyPath = path + (key.Length > 0 ? PathSegment.Property(key).Render() : "[\"\"]");
                    if (key.StartsWith(FunctionKeyPrefix, StringComparison.Ordinal))
                    {
                        errors.Add(new(subject, keyPath, $"the object key {YamlWriter.Quote(key)} starts with '{FunctionKeyPrefix}': Pulumi YAML reads such a key as a call of a built-in function, so the object cannot be stated in a program; rename the key."));
                    }

                    CheckObjectKeys(value, keyPath, subject, errors);
                }

                break;
            case ListExpression list:
                for (var i = 0; i < list.Items.Length; i++)
                {
                    CheckObjectKeys(list.Items[i], $"{path}[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", subject, errors);
                }

                break;
            default:
                foreach (var child in expression.Children)
                {
                    CheckObjectKeys(child, path, subject, errors);
                }

                break;
        }
    }

    private const string FunctionKeyPrefix = "fn::";

    private static bool HasFunctionKey(Expression expression)
    {
        switch (expression)
        {
            case LiteralExpression or ResourceReferenceExpression or ConfigReferenceExpression:
                return false;
            case ObjectExpression obj:
                foreach (var (key, value) in obj.Properties)
                {
                    if (key.StartsWith(FunctionKeyPrefix, StringComparison.Ordinal) || HasFunctionKey(value))
                    {
                        return true;
                    }
                }

                return false;
            case ListExpression list:
                foreach (var item in list.Items)
                {
                    if (HasFunctionKey(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                foreach (var child in expression.Children)
                {
                    if (HasFunctionKey(child))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private static IEnumerable<(string Option, Resource Target)> OptionTargets(CustomResource resource)
    {
        var options = resource.Options;
        if (options.Parent is not null)
        {
            yield return ("options.parent", options.Parent);
        }

        if (options.Provider is not null)
        {
            yield return ("options.provider", options.Provider);
        }

        if (options.DeletedWith is not null)
        {
            yield return ("options.deletedWith", options.DeletedWith);
        }

        foreach (var dependency in options.DependsOn)
        {
            yield return ("options.dependsOn", dependency);
        }
    }

    private static void CheckTarget(Resource target, DeploymentContext deployment, string subject, string? property, List<SynthesisError> errors)
    {
        if (target.Deployment != deployment)
        {
            errors.Add(new(subject, property, $"references '{target.LogicalName}' ({target.GetResourceType()}), which is not in this stack: a program can only reference its own resources."));
        }
    }

    /// <summary>Resources referenced by value: a component has no value in a program, so referencing one is an error too.</summary>
    private static IEnumerable<Resource> ReferencedResources(Expression expression)
    {
        foreach (var node in expression.DescendantsAndSelf())
        {
            foreach (var resource in TargetsOf(node))
            {
                yield return resource;
            }
        }
    }

    /// <summary>The resources one node references: a reference's resource, an invoke's provider and dependencies.</summary>
    private static IEnumerable<Resource> TargetsOf(Expression node) => node switch
    {
        ResourceReferenceExpression reference => [reference.Resource],
        InvokeExpression invoke => invoke.OptionResources,
        _ => [],
    };

    private static void CheckComponentReferences(StackGraph graph, List<SynthesisError> errors)
    {
        foreach (var resource in graph.SortedCustomResources)
        {
            // The references of the properties (not of the get id), as ReferencedResources(properties) finds them.
            foreach (var (property, node) in graph.LinksOf(resource))
            {
                if (property is null)
                {
                    continue;
                }

                if (node is ResourceReferenceExpression { Resource: not ComponentResource })
                {
                    continue;
                }

                foreach (var target in TargetsOf(node).OfType<ComponentResource>())
                {
                    errors.Add(new(SynthesisError.SubjectOf(resource), null, $"references component '{target.LogicalName}', which has no value in a program: reference one of its resources or outputs."));
                }
            }
        }
    }

    /// <summary>Cycles of <see cref="StackGraph.Edges"/>: each is reported once, from the first resource (in logical name order) found on it.</summary>
    private static void CheckCycles(StackGraph graph, List<SynthesisError> errors)
    {
        var state = new Dictionary<CustomResource, int>();
        var path = new List<CustomResource>();
        foreach (var resource in graph.SortedCustomResources)
        {
            Visit(resource);
        }

        void Visit(CustomResource resource)
        {
            if (state.GetValueOrDefault(resource) == 2)
            {
                return;
            }

            if (state.GetValueOrDefault(resource) == 1)
            {
                var cycle = path.Skip(path.IndexOf(resource)).Append(resource).Select(r => r.LogicalName);
                errors.Add(new(SynthesisError.SubjectOf(resource), null, $"dependency cycle: {string.Join(" -> ", cycle)}; a program's resources must form a graph without cycles."));
                return;
            }

            state[resource] = 1;
            path.Add(resource);
            foreach (var dependency in graph.OwnDependenciesOf(resource))
            {
                Visit(dependency);
            }

            path.RemoveAt(path.Count - 1);
            state[resource] = 2;
        }
    }

    /// <summary>Invokes without a version (and without an explicit provider), and packages pinned to more than one version (<see cref="StackGraph.VersionPins"/>).</summary>
    private static void CheckVersions(StackGraph graph, List<SynthesisError> errors)
    {
        foreach (var site in graph.Invokes.Where(s => s.Invoke.Options.Provider is null && graph.VersionOf(s.Invoke) is null))
        {
            var package = TypeTokens.PackageOf(site.Invoke.Function);
            var subject = site.Resource is { } resource ? SynthesisError.SubjectOf(resource) : $"stack output '{site.Output}'";
            errors.Add(new(subject, $"fn::invoke {site.Invoke.Function}", $"package '{package}' has no pinned version: declare it with [assembly: PulumiPackage(\"{package}\", \"<version>\")] or set InvokeOptions.Version."));
        }

        foreach (var package in graph.VersionPins.GroupBy(p => p.Package).Where(g => g.Select(p => p.Version).Distinct().Count() > 1))
        {
            var detail = string.Join("; ", package.GroupBy(p => p.Version).Select(v => $"{v.Key} by {string.Join(", ", v.Select(Where).Distinct())}"));
            errors.Add(new($"package '{package.Key}'", "options.version", $"the program pins more than one version ({detail}); Pulumi takes one version per package."));
        }

        static string Where(VersionPin pin) => pin.Invoke switch
        {
            null => pin.Resource!.LogicalName,
            { Resource: { } resource } site => $"{resource.LogicalName} (invoke of {site.Invoke.Function})",
            { } site => $"output {site.Output} (invoke of {site.Invoke.Function})",
        };
    }
}
