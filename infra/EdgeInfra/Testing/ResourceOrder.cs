namespace EdgeInfra.Testing;

/// <summary>The order in which a test run registers resources: each after every resource it depends on, otherwise in logical name order.</summary>
internal static class ResourceOrder
{
    /// <summary>The custom resources of <paramref name="graph"/>, dependencies (<see cref="StackGraph.DependenciesOf"/>) first.</summary>
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

            foreach (var dependency in graph.DependenciesOf(resource))
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
}
