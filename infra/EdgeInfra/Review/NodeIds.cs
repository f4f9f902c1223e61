using System.Text;

namespace EdgeInfra.Review;

/// <summary>Identifiers for diagram nodes: the logical name with characters other than letters, digits and <c>_</c> replaced, unique.</summary>
internal sealed class NodeIds
{
    private readonly Dictionary<Resource, string> _ids = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public NodeIds(IEnumerable<Resource> resources)
    {
        foreach (var resource in resources.OrderBy(r => r.LogicalName, StringComparer.Ordinal))
        {
            var prefix = resource is ComponentResource ? "c_" : "r_";
            var id = new StringBuilder(prefix);
            foreach (var c in resource.LogicalName)
            {
                id.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }

            var candidate = id.ToString();
            for (var n = 2; !_taken.Add(candidate); n++)
            {
                candidate = id + "_" + n;
            }

            _ids[resource] = candidate;
        }
    }

    public string this[Resource resource] => _ids[resource];
}
