using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Schemas;

/// <summary>
/// Checks the <c>options</c> of a resource: only known option keys, values of the right kind, resource references
/// that name resources of the program, a provider of the resource's own package, and the package's schema version.
/// </summary>
internal sealed class ResourceOptionsChecker
{
    /// <summary>The resource options a program may use.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "additionalSecretOutputs", "aliases", "customTimeouts", "deleteBeforeReplace", "deletedWith", "dependsOn",
        "ignoreChanges", "import", "parent", "protect", "provider", "providers", "replaceOnChanges", "retainOnDelete",
        "version", "pluginDownloadURL", "hideDiffs", "replaceWith",
    ];

    private static readonly string[] TimeoutKeys = ["create", "update", "delete"];

    private readonly ProgramContext context;

    public ResourceOptionsChecker(ProgramContext context)
    {
        this.context = context;
    }

    private ViolationSink Sink => context.Sink;

    public void Check(YamlNode optionsNode, DeclaredResource resource, string location)
    {
        if (optionsNode is not YamlMappingNode options)
        {
            if (!YamlScalars.IsNull(optionsNode))
            {
                Sink.Add(location, $"{YamlText.DescribeWithKind(optionsNode)} is not a mapping of resource options");
            }

            return;
        }

        foreach ((YamlNode keyNode, YamlNode value) in options.Children)
        {
            string key = YamlText.KeyText(keyNode) ?? YamlText.Describe(keyNode);
            string optionLocation = YamlText.Child(location, key);
            switch (key)
            {
                case "additionalSecretOutputs" or "ignoreChanges" or "replaceOnChanges" or "hideDiffs":
                    CheckStringList(value, key, optionLocation);
                    break;
                case "aliases":
                    CheckAliases(value, optionLocation);
                    break;
                case "customTimeouts":
                    CheckCustomTimeouts(value, optionLocation);
                    break;
                case "deleteBeforeReplace" or "protect" or "retainOnDelete":
                    context.Values.Check(value, WellKnownSpecs.Boolean, optionLocation);
                    break;
                case "import" or "pluginDownloadURL":
                    context.Values.Check(value, WellKnownSpecs.String, optionLocation);
                    break;
                case "deletedWith" or "parent":
                    CheckResourceReference(value, key, optionLocation);
                    break;
                case "dependsOn" or "replaceWith":
                    CheckResourceReferenceList(value, key, optionLocation);
                    break;
                case "provider":
                    CheckProvider(value, resource.PackageName, resource.Token, optionLocation);
                    break;
                case "providers":
                    CheckProviders(value, optionLocation);
                    break;
                case "version":
                    CheckVersion(value, resource.Package, optionLocation);
                    break;
                default:
                    Sink.Add(optionLocation, $"{YamlText.Quote(key)} is not a resource option (allowed: {string.Join(", ", Names)})");
                    break;
            }
        }
    }

    /// <summary>Checks that a value is exactly <c>${name}</c> where <c>name</c> is a resource of the program.</summary>
    /// <returns>The resource, or null when the value is no such reference.</returns>
    public DeclaredResource? CheckResourceReference(YamlNode node, string option, string location)
    {
        if (node is YamlScalarNode scalar
            && YamlScalars.Classify(scalar) == ScalarKind.String
            && InterpolationParser.TryParse(scalar.Value ?? string.Empty, out IReadOnlyList<InterpolationPart> parts, out _)
            && parts is [{ Text.Length: 0, Access: { Accessors.Count: 0 } access }])
        {
            if (context.Resources.TryGetValue(access.RootName, out DeclaredResource? resource))
            {
                return resource;
            }

            Sink.Add(location, $"{access.Text} does not name a resource of this program; {option} needs a resource reference \"${{resourceName}}\"");
            return null;
        }

        Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not a resource reference; {option} needs \"${{resourceName}}\"");
        return null;
    }

    /// <summary>Checks a sequence of resource references (<c>dependsOn</c>, <c>replaceWith</c>).</summary>
    public void CheckResourceReferenceList(YamlNode node, string option, string location)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not a sequence; {option} needs a sequence of resource references \"${{resourceName}}\"");
            return;
        }

        int index = 0;
        foreach (YamlNode item in sequence.Children)
        {
            CheckResourceReference(item, option, YamlText.Item(location, index++));
        }
    }

    /// <summary>Checks that a value refers to a provider resource <c>pulumi:providers:&lt;package&gt;</c> of the given package.</summary>
    /// <param name="node">The value.</param>
    /// <param name="packageName">The package of the resource or function the provider is for; null when unknown.</param>
    /// <param name="ownerToken">The token of the resource or function, for messages.</param>
    /// <param name="location">Where the value is.</param>
    public void CheckProvider(YamlNode node, string? packageName, string? ownerToken, string location)
    {
        DeclaredResource? provider = CheckResourceReference(node, "provider", location);
        if (provider is null)
        {
            return;
        }

        string needed = packageName is null ? "a pulumi:providers:<package> resource" : $"a {PackageSchema.ProviderTokenPrefix}{packageName} resource";
        if (!provider.IsProvider)
        {
            Sink.Add(location, $"${{{provider.Name}}} is a resource of type {provider.Token ?? "unknown"}, not a provider; provider needs {needed}");
        }
        else if (packageName is not null && provider.PackageName != packageName)
        {
            Sink.Add(location, $"${{{provider.Name}}} is a provider of package {provider.PackageName}, but {ownerToken} belongs to package {packageName}; provider needs {needed}");
        }
    }

    /// <summary>Checks that a version, when given, is a string equal to the package schema's version.</summary>
    public void CheckVersion(YamlNode node, PackageSchema? package, string location)
    {
        if (node is not YamlScalarNode scalar || YamlScalars.Classify(scalar) != ScalarKind.String)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not a version string");
            return;
        }

        string version = scalar.Value ?? string.Empty;
        if (package?.Version is { } expected && version != expected)
        {
            Sink.Add(location, $"version {YamlText.Quote(version)} does not match the version {YamlText.Quote(expected)} of the {package.Name} schema");
        }
    }

    private void CheckProviders(YamlNode node, string location)
    {
        IEnumerable<(YamlNode Value, string Location)> references = node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select((item, index) => (item, YamlText.Item(location, index))),
            YamlMappingNode mapping => mapping.Children.Select(entry => (entry.Value, YamlText.Child(location, YamlText.KeyText(entry.Key) ?? "?"))),
            _ => [],
        };
        if (node is not (YamlSequenceNode or YamlMappingNode))
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not a sequence or mapping of provider references");
            return;
        }

        foreach ((YamlNode value, string valueLocation) in references)
        {
            DeclaredResource? provider = CheckResourceReference(value, "providers", valueLocation);
            if (provider is { IsProvider: false })
            {
                Sink.Add(valueLocation, $"${{{provider.Name}}} is a resource of type {provider.Token ?? "unknown"}, not a provider; providers needs pulumi:providers:<package> resources");
            }
        }
    }

    private void CheckStringList(YamlNode node, string option, string location)
    {
        if (node is not YamlSequenceNode)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not a sequence; {option} needs a sequence of strings");
            return;
        }

        context.Values.Check(node, WellKnownSpecs.StringArray, location);
    }

    private void CheckAliases(YamlNode node, string location)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not a sequence; aliases needs a sequence of alias URNs or alias mappings");
            return;
        }

        int index = 0;
        foreach (YamlNode alias in sequence.Children)
        {
            string aliasLocation = YamlText.Item(location, index++);
            if (alias is YamlSequenceNode)
            {
                Sink.Add(aliasLocation, "a sequence is not an alias; an alias is a URN string or a mapping");
                continue;
            }

            context.Values.Check(alias, null, aliasLocation);
        }
    }

    private void CheckCustomTimeouts(YamlNode node, string location)
    {
        if (node is not YamlMappingNode timeouts)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} is not a mapping; customTimeouts needs a mapping with create, update and delete");
            return;
        }

        foreach ((YamlNode keyNode, YamlNode value) in timeouts.Children)
        {
            string key = YamlText.KeyText(keyNode) ?? YamlText.Describe(keyNode);
            string timeoutLocation = YamlText.Child(location, key);
            if (!TimeoutKeys.Contains(key))
            {
                Sink.Add(timeoutLocation, $"{YamlText.Quote(key)} is not a custom timeout (allowed: {string.Join(", ", TimeoutKeys)})");
                continue;
            }

            context.Values.Check(value, WellKnownSpecs.String, timeoutLocation);
        }
    }

}
