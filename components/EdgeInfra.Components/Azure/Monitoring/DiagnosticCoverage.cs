using EdgeInfra.AzureNative.Monitor;
using EdgeInfra.Expressions;

namespace EdgeInfra.Components.Azure.Monitoring;

/// <summary>
/// Which resources of a stack send diagnostics: a resource is covered when an
/// <c>azure-native:monitor:DiagnosticSetting</c> of the stack references it in its <c>resourceUri</c>
/// (as <c>${resource.id}</c> or in any expression built from it).
/// </summary>
public static class DiagnosticCoverage
{
    /// <summary>
    /// The resources of <paramref name="graph"/> whose type supports diagnostic settings (see
    /// <see cref="DiagnosticSupport"/>) but that no diagnostic setting of the graph covers, in program order.
    /// A stack with an <see cref="Observability"/> component has none.
    /// </summary>
    public static IReadOnlyList<CustomResource> MissingIn(StackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var covered = CoveredBy(graph.Resources);
        return [.. graph.CustomResources.Where(r => DiagnosticSupport.Of(r.GetResourceType()) is not null && !covered.Contains(r))];
    }

    /// <summary>The resources that the diagnostic settings among <paramref name="resources"/> cover, read from their typed inputs.</summary>
    public static IReadOnlySet<Resource> CoveredBy(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var covered = new HashSet<Resource>();
        foreach (var setting in resources.OfType<DiagnosticSetting>())
        {
            if (((DiagnosticSettingArgs)setting.Args).ResourceUri is { } resourceUri)
            {
                covered.UnionWith(ReferencedResources(resourceUri.ToExpression()));
            }
        }

        return covered;
    }

    /// <summary>Every resource that <paramref name="expression"/> references.</summary>
    internal static IEnumerable<Resource> ReferencedResources(Expression expression) =>
        expression.DescendantsAndSelf().OfType<ResourceReferenceExpression>().Select(r => r.Resource);
}
