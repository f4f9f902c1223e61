using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Schemas;

/// <summary>
/// Checks a whole Pulumi YAML program: the top-level keys, then config, variables, resources and outputs, with the
/// names of all sections known up front so that references may point forward.
/// </summary>
internal sealed class ProgramChecker
{
    private const string ProgramLocation = "program";

    private static readonly string[] TopLevelKeys = ["name", "runtime", "description", "config", "variables", "resources", "outputs"];
    private static readonly string[] ResourceKeys = ["type", "properties", "options", "get"];

    private readonly ProgramContext context;

    public ProgramChecker(SchemaSet schemas)
    {
        context = new ProgramContext(schemas);
    }

    private ViolationSink Sink => context.Sink;

    public IReadOnlyList<ConformanceViolation> Check(string programYaml)
    {
        YamlMappingNode? root = Parse(programYaml);
        if (root is null)
        {
            return Sink.All;
        }

        var sections = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach ((YamlNode keyNode, YamlNode value) in root.Children)
        {
            string key = YamlText.KeyText(keyNode) ?? YamlText.Describe(keyNode);
            if (TopLevelKeys.Contains(key))
            {
                sections[key] = value;
            }
            else
            {
                Sink.Add(key, $"{YamlText.Quote(key)} is not a top-level key of a Pulumi YAML program (allowed: {string.Join(", ", TopLevelKeys)})");
            }
        }

        CheckHeader(sections);
        DeclareConfig(Section(sections, "config"));
        DeclareVariables(Section(sections, "variables"));
        DeclareResources(Section(sections, "resources"));
        CheckNameClashes();

        foreach (string variable in context.Variables.Keys)
        {
            context.VariableType(variable);
        }

        CheckResources(Section(sections, "resources"));
        CheckOutputs(Section(sections, "outputs"));
        return Sink.All;
    }

    private YamlMappingNode? Parse(string programYaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(programYaml));
        }
        catch (YamlException exception)
        {
            Sink.Add(ProgramLocation, $"the program is not valid YAML: {exception.Message}");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Sink.Add(ProgramLocation, "the program is empty");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Sink.Add(ProgramLocation, $"{YamlText.DescribeWithKind(stream.Documents[0].RootNode)} is not a program: a program is a mapping");
            return null;
        }

        return root;
    }

    /// <summary>The mapping of a section; a section of another kind is a violation.</summary>
    private YamlMappingNode? Section(Dictionary<string, YamlNode> sections, string name)
    {
        if (!sections.TryGetValue(name, out YamlNode? node) || YamlScalars.IsNull(node))
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Sink.Add(name, $"{YamlText.DescribeWithKind(node)} is not a valid {name} section: it must be a mapping");
        sections.Remove(name);
        return null;
    }

    private void CheckHeader(Dictionary<string, YamlNode> sections)
    {
        if (sections.TryGetValue("name", out YamlNode? name) && !IsNonEmptyString(name))
        {
            Sink.Add("name", $"{YamlText.DescribeWithKind(name)} is not a project name: it must be a non-empty string");
        }

        if (sections.TryGetValue("description", out YamlNode? description) && !IsString(description))
        {
            Sink.Add("description", $"{YamlText.DescribeWithKind(description)} is not a description: it must be a string");
        }

        if (sections.TryGetValue("runtime", out YamlNode? runtime))
        {
            YamlNode? runtimeName = runtime is YamlMappingNode mapping
                ? mapping.Children.FirstOrDefault(entry => YamlText.KeyText(entry.Key) == "name").Value
                : runtime;
            if (runtimeName is not YamlScalarNode { Value: "yaml" } || !IsString(runtimeName))
            {
                Sink.Add("runtime", $"{YamlText.DescribeWithKind(runtimeName ?? runtime)} is not the runtime of a Pulumi YAML program: it must be \"yaml\" (or a mapping whose name is \"yaml\")");
            }
        }
    }

    private void DeclareConfig(YamlMappingNode? config)
    {
        if (config is null)
        {
            return;
        }

        var checker = new ConfigSectionChecker(context);
        foreach ((YamlNode keyNode, YamlNode value) in config.Children)
        {
            string? name = DeclaredName(keyNode, "config");
            if (name is not null)
            {
                context.ConfigTypes[name] = checker.CheckEntry(name, value, YamlText.Child("config", name));
            }
        }
    }

    private void DeclareVariables(YamlMappingNode? variables)
    {
        if (variables is null)
        {
            return;
        }

        foreach ((YamlNode keyNode, YamlNode value) in variables.Children)
        {
            string? name = DeclaredName(keyNode, "variables");
            if (name is not null)
            {
                context.Variables[name] = value;
            }
        }
    }

    private void DeclareResources(YamlMappingNode? resources)
    {
        if (resources is null)
        {
            return;
        }

        foreach ((YamlNode keyNode, YamlNode value) in resources.Children)
        {
            string? name = DeclaredName(keyNode, "resources");
            if (name is null)
            {
                continue;
            }

            YamlNode? typeNode = (value as YamlMappingNode)?.Children.FirstOrDefault(entry => YamlText.KeyText(entry.Key) == "type").Value;
            string? token = typeNode is YamlScalarNode scalar && YamlScalars.Classify(scalar) == ScalarKind.String ? scalar.Value : null;
            PackageSchema? package = token is null ? null : context.Schemas.FindPackage(token);
            ResourceSchema? schema = token == WellKnownSpecs.StackReference.Token ? WellKnownSpecs.StackReference
                : token is null ? null : context.Schemas.FindResource(token);
            context.Resources[name] = new DeclaredResource(name, token, package, schema);
        }
    }

    private string? DeclaredName(YamlNode keyNode, string section)
    {
        string? name = YamlText.KeyText(keyNode);
        if (string.IsNullOrEmpty(name))
        {
            Sink.Add(section, $"{YamlText.Describe(keyNode)} is not a valid name in {section}: names must be non-empty strings");
            return null;
        }

        return name;
    }

    private void CheckNameClashes()
    {
        var sectionsByName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Register(IEnumerable<string> names, string section)
        {
            foreach (string name in names)
            {
                if (!sectionsByName.TryGetValue(name, out List<string>? list))
                {
                    sectionsByName[name] = list = [];
                }

                list.Add(section);
            }
        }

        Register(context.ConfigTypes.Keys, "config");
        Register(context.Variables.Keys, "variables");
        Register(context.Resources.Keys, "resources");
        foreach ((string name, List<string> sections) in sectionsByName)
        {
            if (name == "pulumi")
            {
                Sink.Add(YamlText.Child(sections[0], name), "\"pulumi\" is a reserved name (it refers to the built-in values ${pulumi.stack}, ${pulumi.project}, ...)");
            }
            else if (sections.Count > 1)
            {
                Sink.Add(YamlText.Child(sections[1], name), $"the name {YamlText.Quote(name)} is declared in both {sections[0]} and {sections[1]}: names must be unique across config, variables and resources");
            }
        }
    }

    private void CheckResources(YamlMappingNode? resources)
    {
        if (resources is null)
        {
            return;
        }

        foreach ((YamlNode keyNode, YamlNode value) in resources.Children)
        {
            string? name = YamlText.KeyText(keyNode);
            if (!string.IsNullOrEmpty(name))
            {
                CheckResource(context.Resources[name], value, YamlText.Child("resources", name));
            }
        }
    }

    private void CheckResource(DeclaredResource resource, YamlNode node, string location)
    {
        if (node is not YamlMappingNode mapping)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not a resource: a resource is a mapping with the keys {string.Join(", ", ResourceKeys)}");
            return;
        }

        YamlNode? typeNode = null;
        YamlNode? propertiesNode = null;
        YamlNode? optionsNode = null;
        YamlNode? getNode = null;
        foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
        {
            string key = YamlText.KeyText(keyNode) ?? YamlText.Describe(keyNode);
            switch (key)
            {
                case "type":
                    typeNode = value;
                    break;
                case "properties":
                    propertiesNode = value;
                    break;
                case "options":
                    optionsNode = value;
                    break;
                case "get":
                    getNode = value;
                    break;
                default:
                    Sink.Add(YamlText.Child(location, key), $"{YamlText.Quote(key)} is not a key of a resource (allowed: {string.Join(", ", ResourceKeys)})");
                    break;
            }
        }

        CheckResourceType(resource, typeNode, YamlText.Child(location, "type"));
        if (getNode is null)
        {
            CheckResourceProperties(resource, propertiesNode, YamlText.Child(location, "properties"));
        }
        else
        {
            CheckGet(resource, getNode, propertiesNode, location);
        }

        if (optionsNode is not null)
        {
            context.Options.Check(optionsNode, resource, YamlText.Child(location, "options"));
        }
    }

    private void CheckResourceType(DeclaredResource resource, YamlNode? typeNode, string location)
    {
        if (typeNode is null)
        {
            Sink.Add(location, $"resource {resource.Name} has no type: it needs a resource token");
            return;
        }

        if (resource.Token is null)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(typeNode)} is not a resource token");
            return;
        }

        if (resource.Schema is not null)
        {
            return;
        }

        string loaded = string.Join(", ", context.Schemas.Packages.Select(package => package.Name));
        if (resource.IsProvider)
        {
            Sink.Add(location, $"{YamlText.Quote(resource.Token)} is not a provider of any loaded package (loaded: {loaded})");
        }
        else if (resource.Package is null)
        {
            Sink.Add(location, $"{YamlText.Quote(resource.Token)} is not a resource type of any loaded package (loaded: {loaded})");
        }
        else
        {
            string? match = resource.Package.Resources.Keys.FirstOrDefault(token => string.Equals(token, resource.Token, StringComparison.OrdinalIgnoreCase));
            string suggestion = match is null ? string.Empty : $" (did you mean {YamlText.Quote(match)}?)";
            Sink.Add(location, $"{YamlText.Quote(resource.Token)} is not a resource type of package {resource.Package}{suggestion}");
        }
    }

    private void CheckResourceProperties(DeclaredResource resource, YamlNode? propertiesNode, string location)
    {
        YamlMappingNode? properties = propertiesNode as YamlMappingNode;
        if (propertiesNode is not null && properties is null && !YamlScalars.IsNull(propertiesNode))
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(propertiesNode)} is not a mapping of resource properties");
            return;
        }

        if (resource.Schema is null)
        {
            if (properties is not null)
            {
                context.Values.Check(properties, null, location);
            }

            return;
        }

        context.Values.CheckObject(properties, resource.Schema.InputProperties, resource.Schema.RequiredInputs, resource.Schema.Token, location);
    }

    /// <summary>
    /// The <c>get</c> field of a resource read rather than managed, as the Pulumi YAML analyser checks it: no
    /// <c>properties</c> beside it, a string <c>id</c>, and an optional <c>state</c> of the type's output properties.
    /// </summary>
    private void CheckGet(DeclaredResource resource, YamlNode getNode, YamlNode? propertiesNode, string location)
    {
        string getLocation = YamlText.Child(location, "get");
        if (propertiesNode is YamlMappingNode { Children.Count: > 0 } || propertiesNode is YamlScalarNode && !YamlScalars.IsNull(propertiesNode))
        {
            Sink.Add(YamlText.Child(location, "properties"), "a resource has either properties (managed by the program) or get (read by id), not both");
        }

        if (getNode is not YamlMappingNode get)
        {
            Sink.Add(getLocation, $"{YamlText.DescribeWithKind(getNode)} is not a get field: it must be a mapping with id and, optionally, state");
            return;
        }

        var fields = get.Children
            .GroupBy(entry => YamlText.KeyText(entry.Key) ?? YamlText.Describe(entry.Key), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal);
        foreach (string key in fields.Keys.Where(key => key is not ("id" or "state")))
        {
            Sink.Add(YamlText.Child(getLocation, key), $"{YamlText.Quote(key)} is not a key of get (allowed: id, state)");
        }

        if (fields.TryGetValue("id", out YamlNode? id))
        {
            context.Values.Check(id, WellKnownSpecs.String, YamlText.Child(getLocation, "id"));
        }
        else
        {
            Sink.Add(getLocation, "get has no id: a resource read by the engine needs the provider id to read");
        }

        if (fields.TryGetValue("state", out YamlNode? state))
        {
            if (state is YamlMappingNode stateMapping && resource.Schema is not null)
            {
                context.Values.CheckObject(stateMapping, resource.Schema.Properties, [], resource.Schema.Token, YamlText.Child(getLocation, "state"));
            }
            else
            {
                context.Values.Check(state, null, YamlText.Child(getLocation, "state"));
            }
        }
    }

    private void CheckOutputs(YamlMappingNode? outputs)
    {
        if (outputs is null)
        {
            return;
        }

        foreach ((YamlNode keyNode, YamlNode value) in outputs.Children)
        {
            string? name = DeclaredName(keyNode, "outputs");
            if (name is not null)
            {
                context.Values.Check(value, null, YamlText.Child("outputs", name));
            }
        }
    }

    private static bool IsString(YamlNode node) => node is YamlScalarNode scalar && YamlScalars.Classify(scalar) == ScalarKind.String;

    private static bool IsNonEmptyString(YamlNode node) => IsString(node) && !string.IsNullOrEmpty(((YamlScalarNode)node).Value);
}
