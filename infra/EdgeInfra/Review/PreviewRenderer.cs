using System.Text;

namespace EdgeInfra.Review;

/// <summary>
/// The offline preview of a stack: its components and resources as a tree (type, logical name, provider), as
/// Pulumi shows them before an update, with counts per provider and per type.
/// </summary>
public static class PreviewRenderer
{
    private const string Reset = "\u001b[0m";

    /// <summary>The preview of <paramref name="graph"/>; with <paramref name="color"/>, ANSI colours for a terminal.</summary>
    public static string Render(StackGraph graph, bool color)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var settings = graph.Settings;
        var rows = new List<(string Tree, string Type, string Name, string Provider, string? Color)>
        {
            (string.Empty, "pulumi:pulumi:Stack", $"{settings.ProjectName}-{settings.StackName}", string.Empty, null),
        };
        var children = graph.Resources.ToLookup(r => r.Parent);
        AddChildren(null, string.Empty);

        var typeWidth = rows.Max(r => r.Tree.Length + r.Type.Length) + 2;
        var nameWidth = rows.Max(r => r.Name.Length) + 2;
        var text = new StringBuilder();
        var custom = graph.CustomResources.ToList();
        var components = graph.Resources.OfType<ComponentResource>().Count();
        text.Append($"Stack {settings.StackName} of project {settings.ProjectName}: {custom.Count} resources in {components} components")
            .Append(" (offline, from the synthesized program; `pulumi preview` compares it with the cloud)\n\n");
        text.Append("     ").Append("Type".PadRight(typeWidth)).Append("Name".PadRight(nameWidth)).Append("Provider\n");
        foreach (var row in rows)
        {
            var type = (row.Tree + row.Type).PadRight(typeWidth);
            var name = row.Name.PadRight(nameWidth);
            var line = $"     {type}{name}{row.Provider}".TrimEnd();
            text.Append(color && row.Color is not null ? row.Color + line + Reset : line).Append('\n');
        }

        text.Append('\n').Append("Resources by provider:\n");
        AppendCounts(text, custom.GroupBy(r => PackageLabel(r, graph)));
        text.Append("Resources by type:\n");
        AppendCounts(text, custom.GroupBy(r => r.GetResourceType()));
        AppendPreflight(text, graph);
        return text.ToString();

        void AddChildren(Resource? parent, string indent)
        {
            var list = children[parent].OrderBy(r => r.LogicalName, StringComparer.Ordinal).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var last = i == list.Count - 1;
                var resource = list[i];
                var provider = resource is CustomResource c ? ProviderLabel(c, graph) : string.Empty;
                rows.Add((indent + (last ? "└─ " : "├─ "), resource.GetResourceType(), resource.LogicalName, provider, ColorOf(resource)));
                AddChildren(resource, indent + (last ? "   " : "│  "));
            }
        }
    }

    private static string ProviderLabel(CustomResource resource, StackGraph graph)
    {
        var options = graph.Options[resource];
        if (resource is ProviderResource provider)
        {
            return $"{provider.ProviderPackage} {provider.Version} (provider)";
        }

        return options.Provider is { } explicitProvider
            ? $"{explicitProvider.ProviderPackage} {explicitProvider.Version} via {explicitProvider.LogicalName}"
            : $"{resource.Package} {options.Version}";
    }

    private static string PackageLabel(CustomResource resource, StackGraph graph)
    {
        var options = graph.Options[resource];
        var version = (resource as ProviderResource)?.Version ?? options.Provider?.Version ?? options.Version;
        return $"{resource.Package} {version}";
    }

    private static string? ColorOf(Resource resource) => resource switch
    {
        ComponentResource => "\u001b[1m",
        CustomResource custom => ResourceKinds.Of(custom.Package) switch
        {
            ResourceKind.Edge => "\u001b[33m",
            ResourceKind.Azure => "\u001b[34m",
            ResourceKind.Generated => "\u001b[35m",
            _ => null,
        },
        _ => null,
    };

    /// <summary>The components' preflight requirements, each stated once, in resource order.</summary>
    private static void AppendPreflight(StringBuilder text, StackGraph graph)
    {
        var requirements = graph.Resources.OfType<ComponentResource>()
            .SelectMany(component => component.PreflightRequirements.Select(requirement => (component.LogicalName, Requirement: requirement)))
            .DistinctBy(item => item.Requirement)
            .ToList();
        if (requirements.Count == 0)
        {
            return;
        }

        text.Append("Preflight (what the accounts must have; no program can show it):\n");
        foreach (var (component, requirement) in requirements)
        {
            text.Append("    - ").Append(requirement.Requirement).Append(" [").Append(component).Append("]\n");
            text.Append("      check: ").Append(requirement.HowToCheck).Append('\n');
        }
    }

    private static void AppendCounts(StringBuilder text, IEnumerable<IGrouping<string, CustomResource>> groups)
    {
        var counted = groups.Select(g => (g.Key, Count: g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var width = counted.Count == 0 ? 0 : counted.Max(g => g.Key.Length) + 2;
        foreach (var (key, count) in counted)
        {
            text.Append("    ").Append(key.PadRight(width)).Append(count).Append('\n');
        }
    }
}
