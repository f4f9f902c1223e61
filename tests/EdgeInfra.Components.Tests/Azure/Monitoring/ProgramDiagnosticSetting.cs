using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Components.Tests.Azure.Monitoring;

/// <summary>
/// The diagnostic settings of a synthesized program as Azure receives them: the resource their <c>resourceUri</c> points
/// to (its logical name, type token and the path after its id; for a literal id, the id and an empty type), their log
/// category groups and categories, and their metric categories. Shared with the stack tests.
/// </summary>
internal sealed record ProgramDiagnosticSetting(
    string Name,
    string TargetName,
    string TargetType,
    string TargetPath,
    IReadOnlyList<string> CategoryGroups,
    IReadOnlyList<string> LogCategories,
    IReadOnlyList<string> MetricCategories)
{
    private const string SettingType = "azure-native:monitor:DiagnosticSetting";

    /// <summary>Every diagnostic setting of <paramref name="program"/>.</summary>
    public static IReadOnlyList<ProgramDiagnosticSetting> In(string program)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(program));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var resources = (YamlMappingNode)root.Children[new YamlScalarNode("resources")];
        var types = resources.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!,
            pair => Scalar((YamlMappingNode)pair.Value, "type")!,
            StringComparer.Ordinal);

        var settings = new List<ProgramDiagnosticSetting>();
        foreach (var (key, value) in resources.Children)
        {
            var resource = (YamlMappingNode)value;
            if (Scalar(resource, "type") != SettingType)
            {
                continue;
            }

            var name = ((YamlScalarNode)key).Value!;
            var properties = (YamlMappingNode)resource.Children[new YamlScalarNode("properties")];
            var uri = Scalar(properties, "resourceUri") ?? throw new InvalidOperationException($"{name} has no resourceUri");
            var end = uri.IndexOf(".id}", StringComparison.Ordinal);
            var isReference = uri.StartsWith("${", StringComparison.Ordinal) && end > 0;
            var target = isReference ? uri[2..end] : uri;
            settings.Add(new ProgramDiagnosticSetting(
                name,
                target,
                isReference ? types[target] : string.Empty,
                isReference ? uri[(end + 4)..] : string.Empty,
                Entries(properties, "logs", "categoryGroup"),
                Entries(properties, "logs", "category"),
                Entries(properties, "metrics", "category")));
        }

        return settings;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static List<string> Entries(YamlMappingNode properties, string list, string key) =>
        properties.Children.TryGetValue(new YamlScalarNode(list), out var entries)
            ? [.. ((YamlSequenceNode)entries).Children.OfType<YamlMappingNode>().Select(entry => Scalar(entry, key)).OfType<string>()]
            : [];
}
