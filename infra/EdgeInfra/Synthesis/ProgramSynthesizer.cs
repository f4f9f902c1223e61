using System.Text;
using EdgeInfra.Yaml;

namespace EdgeInfra;

/// <summary>
/// Writes a <see cref="StackGraph"/> as a Pulumi YAML program: <c>name</c>, <c>runtime</c>, <c>config</c>,
/// <c>resources</c> in logical name order and <c>outputs</c> in name order. The same graph always gives the same text.
/// </summary>
public static class ProgramSynthesizer
{
    /// <summary>The program of <paramref name="graph"/> as a YAML tree.</summary>
    public static YamlMapping ToYaml(StackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var lowering = new ExpressionLowering(graph);
        var resources = graph.CustomResources.Select(r => (r.LogicalName, (YamlValue)Resource(r, graph, lowering))).ToArray();
        var outputs = graph.Outputs.Select(o => (o.Key, lowering.Lower(o.Value))).ToArray();
        var program = Head(graph, lowering).Entries.Select(e => (e.Key, e.Value)).ToList();
        program.Add(("resources", YamlMapping.Of(resources)));
        if (outputs.Length > 0)
        {
            program.Add(("outputs", YamlMapping.Of(outputs)));
        }

        return YamlMapping.Of([.. program]);
    }

    /// <summary>The program of <paramref name="graph"/> as YAML text.</summary>
    public static string Synthesize(StackGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var resources = graph.SortedCustomResources;
        if (resources.IsEmpty)
        {
            return YamlWriter.Write(ToYaml(graph));
        }

        // The text of YamlWriter.Write(ToYaml(graph)), written entry by entry so that each resource's YAML tree is
        // garbage as soon as it is written, rather than the tree of the whole program living until the end. The
        // variables (invokes whose result is navigated) come before the resources: they are found first, by lowering
        // each such invoke of the program (graph.Invokes has every invoke lowering meets), as lowering the resources would.
        var lowering = new ExpressionLowering(graph);
        foreach (var site in graph.Invokes)
        {
            if (!site.Invoke.Path.IsEmpty)
            {
                lowering.Lower(site.Invoke);
            }
        }

        var outputs = graph.Outputs.Select(o => (o.Key, lowering.Lower(o.Value))).ToArray();
        var text = new StringBuilder();
        foreach (var (key, value) in Head(graph, lowering).Entries)
        {
            YamlWriter.WriteEntry(text, key, value, 0);
        }

        text.Append("resources:\n");
        foreach (var resource in resources)
        {
            YamlWriter.WriteEntry(text, resource.LogicalName, Resource(resource, graph, lowering), 2);
        }

        if (outputs.Length > 0)
        {
            YamlWriter.WriteEntry(text, "outputs", YamlMapping.Of(outputs), 0);
        }

        var program = text.ToString();
        return program;
    }

    /// <summary>The entries of the program before its resources: name, runtime, config and variables.</summary>
    private static YamlMapping Head(StackGraph graph, ExpressionLowering lowering)
    {
        var program = new List<(string, YamlValue)>
        {
            ("name", new YamlString(graph.Settings.ProjectName)),
            ("runtime", new YamlString("yaml")),
        };

        if (graph.Config.Length > 0)
        {
            program.Add(("config", YamlMapping.Of([.. graph.Config.Select(c => (c.Key, (YamlValue)ConfigEntry(c)))])));
        }

        if (lowering.Variables.Count > 0)
        {
            program.Add(("variables", YamlMapping.Of([.. lowering.Variables.Select(v => (v.Key, v.Value))])));
        }

        return YamlMapping.Of([.. program]);
    }

    /// <summary>
    /// The program Pulumi's package discovery gets when no stack is selected: one explicit provider per package of
    /// <paramref name="packages"/>, each pinned to its version, and nothing else. It names the same packages and
    /// versions as any stack's program, without needing any stack's config.
    /// </summary>
    public static string PackageManifest(string projectName, PackageCatalog packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var providers = packages.Versions.Select(p => (
            "package-" + p.Key,
            (YamlValue)YamlMapping.Of(
                ("type", new YamlString("pulumi:providers:" + p.Key)),
                ("options", YamlMapping.Of(("version", new YamlString(p.Value))))))).ToArray();
        return YamlWriter.Write(YamlMapping.Of(
            ("name", new YamlString(projectName)),
            ("runtime", new YamlString("yaml")),
            ("resources", YamlMapping.Of(providers))));
    }

    private static YamlMapping ConfigEntry(ConfigDeclaration declaration)
    {
        var entry = new List<(string, YamlValue)>();
        if (declaration.Type is not null)
        {
            entry.Add(("type", new YamlString(declaration.Type)));
        }

        if (declaration.ItemType is not null)
        {
            entry.Add(("items", YamlMapping.Of(("type", new YamlString(declaration.ItemType)))));
        }

        if (declaration.IsSecret)
        {
            entry.Add(("secret", new YamlPlain("true")));
        }

        return YamlMapping.Of([.. entry]);
    }

    private static YamlMapping Resource(CustomResource resource, StackGraph graph, ExpressionLowering lowering)
    {
        var entry = new List<(string, YamlValue)> { ("type", new YamlString(resource.GetResourceType())) };
        if (resource.ExistingIdExpression() is { } existingId)
        {
            entry.Add(("get", YamlMapping.Of(("id", lowering.Lower(existingId)))));
        }

        var properties = graph.PropertiesOf(resource);
        if (properties.Properties.Count > 0)
        {
            entry.Add(("properties", lowering.Lower(properties)));
        }

        var options = Options(graph.OptionsOf(resource));
        if (options.Entries.Length > 0)
        {
            entry.Add(("options", options));
        }

        return YamlMapping.Of([.. entry]);
    }

    private static YamlMapping Options(EffectiveOptions options)
    {
        var entries = new List<(string, YamlValue)>();
        if (options.AdditionalSecretOutputs.Length > 0)
        {
            entries.Add(("additionalSecretOutputs", Strings(options.AdditionalSecretOutputs)));
        }

        if (options.Aliases.Length > 0)
        {
            entries.Add(("aliases", Strings(options.Aliases)));
        }

        if (options.CustomTimeouts is { } timeouts)
        {
            var values = new List<(string, YamlValue)>();
            AddTimeout(values, "create", timeouts.Create);
            AddTimeout(values, "update", timeouts.Update);
            AddTimeout(values, "delete", timeouts.Delete);
            entries.Add(("customTimeouts", YamlMapping.Of([.. values])));
        }

        if (options.DeleteBeforeReplace is bool deleteBeforeReplace)
        {
            entries.Add(("deleteBeforeReplace", Flag(deleteBeforeReplace)));
        }

        if (options.DeletedWith is { } deletedWith)
        {
            entries.Add(("deletedWith", Ref(deletedWith)));
        }

        if (options.DependsOn.Length > 0)
        {
            entries.Add(("dependsOn", new YamlSequence([.. options.DependsOn.Select(Ref)])));
        }

        if (options.IgnoreChanges.Length > 0)
        {
            entries.Add(("ignoreChanges", Strings(options.IgnoreChanges)));
        }

        if (options.Parent is { } parent)
        {
            entries.Add(("parent", Ref(parent)));
        }

        if (options.Protect)
        {
            entries.Add(("protect", Flag(true)));
        }

        if (options.Provider is { } provider)
        {
            entries.Add(("provider", Ref(provider)));
        }

        if (options.ReplaceOnChanges.Length > 0)
        {
            entries.Add(("replaceOnChanges", Strings(options.ReplaceOnChanges)));
        }

        if (options.RetainOnDelete)
        {
            entries.Add(("retainOnDelete", Flag(true)));
        }

        if (options.Version is { } version)
        {
            entries.Add(("version", new YamlString(version)));
        }

        return YamlMapping.Of([.. entries]);
    }

    private static void AddTimeout(List<(string, YamlValue)> values, string name, TimeSpan? timeout)
    {
        if (timeout is TimeSpan value)
        {
            values.Add((name, new YamlString(CustomTimeouts.FormatDuration(value))));
        }
    }

    private static YamlString Ref(Resource resource) => new("${" + resource.LogicalName + "}");

    private static YamlPlain Flag(bool value) => new(value ? "true" : "false");

    private static YamlSequence Strings(IEnumerable<string> values) =>
        new([.. values.Select(v => (YamlValue)new YamlString(ExpressionLowering.EscapeLiteral(v)))]);
}
