using EdgeInfra.Expressions;

namespace EdgeInfra.Testing;

/// <summary>The order in which a test run registers resources: each after every resource it depends on, otherwise in logical name order.</summary>
internal static class ResourceOrder
{
    /// <summary>The custom resources of <paramref name="graph"/>, dependencies first.</summary>
    public static IReadOnlyList<CustomResource> Of(StackGraph graph)
    {
        var ordered = new List<CustomResource>();
        var done = new HashSet<CustomResource>();
        var visiting = new HashSet<CustomResource>();

        void Visit(CustomResource resource)
        {
            if (done.Contains(resource))
            {
                return;
            }

            if (!visiting.Add(resource))
            {
                throw new InvalidOperationException($"Resource '{resource.LogicalName}' depends on itself.");
            }

            foreach (var dependency in DependenciesOf(graph, resource).OrderBy(d => d.LogicalName, StringComparer.Ordinal))
            {
                Visit(dependency);
            }

            visiting.Remove(resource);
            done.Add(resource);
            ordered.Add(resource);
        }

        foreach (var resource in graph.CustomResources)
        {
            Visit(resource);
        }

        return ordered;
    }

    /// <summary>
    /// The resources <paramref name="resource"/> depends on: those its properties and <c>get</c> id reference (invoke providers
    /// included) and those its options name (provider, parent, dependsOn, deletedWith).
    /// </summary>
    public static IEnumerable<CustomResource> DependenciesOf(StackGraph graph, CustomResource resource)
    {
        var referenced = graph.Properties[resource].DescendantsAndSelf()
            .Concat(resource.ExistingIdExpression()?.DescendantsAndSelf() ?? [])
            .SelectMany(ReferencedBy);
        return referenced.Concat(graph.Options[resource].References())
            .Where(r => r != resource && graph.Options.ContainsKey(r))
            .Distinct();
    }

    private static IEnumerable<CustomResource> ReferencedBy(Expression expression) => expression switch
    {
        ResourceReferenceExpression { Resource: CustomResource resource } => [resource],
        InvokeExpression invoke => invoke.OptionResources,
        _ => [],
    };
}
