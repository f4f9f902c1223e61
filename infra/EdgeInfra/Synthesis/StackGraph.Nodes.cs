using System.Collections.Immutable;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>A node of a resource's expressions that names other resources: a resource reference or an invoke.</summary>
/// <param name="Property">The input property it stands in, or null for the <c>get</c> id.</param>
/// <param name="Node">The <see cref="ResourceReferenceExpression"/> or <see cref="InvokeExpression"/>.</param>
internal readonly record struct LinkNode(string? Property, Expression Node);

public sealed partial class StackGraph
{
    private Dictionary<CustomResource, ImmutableArray<LinkNode>>? _links;

    private Dictionary<CustomResource, int>? _nameRanks;

    /// <summary>
    /// The resource references and invokes of <paramref name="resource"/>'s properties (in property order), then of its
    /// <c>get</c> id, each in the order of <see cref="Expression.DescendantsAndSelf"/>: found in one walk per graph and
    /// read by validation, <see cref="Edges"/> and <see cref="Versions"/>, which would otherwise each walk every expression.
    /// </summary>
    internal ImmutableArray<LinkNode> LinksOf(CustomResource resource) => LinkData.GetValueOrDefault(resource, []);

    /// <summary>
    /// The rank of each custom resource's logical name among the distinct names of <see cref="CustomResources"/>
    /// (equal names, equal ranks): ordering by it is ordering by the name, without comparing strings.
    /// </summary>
    internal IReadOnlyDictionary<CustomResource, int> NameRanks => Volatile.Read(ref _nameRanks) ?? LazyInitializer.EnsureInitialized(ref _nameRanks, () =>
    {
        var sorted = SortedCustomResources;
        var ranks = new Dictionary<CustomResource, int>(sorted.Length);
        var rank = -1;
        string? previous = null;
        foreach (var resource in sorted)
        {
            if (!string.Equals(resource.LogicalName, previous, StringComparison.Ordinal))
            {
                rank++;
                previous = resource.LogicalName;
            }

            ranks[resource] = rank;
        }

        return ranks;
    });

    private Dictionary<CustomResource, ImmutableArray<LinkNode>> LinkData => Volatile.Read(ref _links) ?? LazyInitializer.EnsureInitialized(ref _links, () =>
    {
        var links = new Dictionary<CustomResource, ImmutableArray<LinkNode>>();
        var found = new List<LinkNode>();
        foreach (var resource in SortedCustomResources)
        {
            found.Clear();
            foreach (var (name, value) in PropertiesOf(resource).Properties)
            {
                CollectLinks(value, name, found);
            }

            if (resource.ExistingIdExpression() is { } existingId)
            {
                CollectLinks(existingId, null, found);
            }

            links[resource] = found.Count == 0 ? [] : [.. found];
        }

        return links;
    });

    /// <summary>The references and invokes of <paramref name="expression"/>, depth first, as <see cref="Expression.DescendantsAndSelf"/> orders them.</summary>
    private static void CollectLinks(Expression expression, string? property, List<LinkNode> found)
    {
        switch (expression)
        {
            case LiteralExpression or ConfigReferenceExpression:
                return;
            case ResourceReferenceExpression:
                found.Add(new(property, expression));
                return;
            case InvokeExpression:
                found.Add(new(property, expression));
                break;
            case ListExpression list:
                foreach (var item in list.Items)
                {
                    CollectLinks(item, property, found);
                }

                return;
            case ObjectExpression obj:
                foreach (var (_, value) in obj.Properties)
                {
                    CollectLinks(value, property, found);
                }

                return;
        }

        foreach (var child in expression.Children)
        {
            CollectLinks(child, property, found);
        }
    }
}
