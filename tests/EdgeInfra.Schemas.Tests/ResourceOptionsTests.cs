using static EdgeInfra.Schemas.Tests.ProgramText;

namespace EdgeInfra.Schemas.Tests;

public class ResourceOptionsTests
{
    private const string Loc = "resources.w.options.";

    /// <summary>A program with providers, a Thing "t", and a Widget "w" whose options (indented by 6) are given.</summary>
    private static string WidgetWithOptions(string options) => Program($"""
        resources:
          testProvider:
            type: "pulumi:providers:test"
            properties:
              region: "west"
          otherProvider:
            type: "pulumi:providers:other"
          t:
            type: "other:index:Thing"
          w:
            type: "test:index:Widget"
            properties:
              name: "w"
            options:
        {Indent(options, 6)}
        """);

    [Fact]
    public void Every_option_used_correctly_conforms()
    {
        AssertConforms(WidgetWithOptions("""
            additionalSecretOutputs: ["endpoint"]
            aliases:
              - "urn:pulumi:dev::p::test:index:Widget::old"
              - name: "older"
            customTimeouts:
              create: "10m"
              update: "5m"
              delete: "1h"
            deleteBeforeReplace: true
            deletedWith: "${t}"
            dependsOn:
              - "${t}"
              - "${testProvider}"
            ignoreChanges: ["tags"]
            import: "existing-id"
            parent: "${t}"
            protect: false
            provider: "${testProvider}"
            providers:
              - "${testProvider}"
              - "${otherProvider}"
            replaceOnChanges: ["size"]
            retainOnDelete: true
            version: "1.2.3"
            pluginDownloadURL: "https://example.com/plugins"
            hideDiffs: ["tags"]
            replaceWith: ["${t}"]
            """));
    }

    [Fact]
    public void Unknown_options_are_violations()
    {
        AssertSingle(WidgetWithOptions("dependOn: [\"${t}\"]"),
            Loc + "dependOn",
            "\"dependOn\" is not a resource option (allowed: additionalSecretOutputs, aliases, customTimeouts, deleteBeforeReplace, deletedWith, dependsOn, ignoreChanges, import, parent, protect, provider, providers, replaceOnChanges, retainOnDelete, version, pluginDownloadURL, hideDiffs, replaceWith)");
    }

    [Fact]
    public void DependsOn_needs_a_sequence_of_resource_references()
    {
        AssertSingle(WidgetWithOptions("dependsOn: \"${t}\""),
            Loc + "dependsOn",
            "\"${t}\" (a string) is not a sequence; dependsOn needs a sequence of resource references \"${resourceName}\"");
        AssertSingle(WidgetWithOptions("dependsOn: [\"${t.id}\"]"),
            Loc + "dependsOn[0]",
            "\"${t.id}\" (a string) is not a resource reference; dependsOn needs \"${resourceName}\"");
        AssertSingle(WidgetWithOptions("dependsOn: [\"${t}\", \"${gone}\"]"),
            Loc + "dependsOn[1]",
            "${gone} does not name a resource of this program; dependsOn needs a resource reference \"${resourceName}\"");
    }

    [Fact]
    public void Parent_and_deletedWith_must_name_resources()
    {
        AssertSingle(WidgetWithOptions("parent: \"t\""),
            Loc + "parent",
            "\"t\" (a string) is not a resource reference; parent needs \"${resourceName}\"");
        AssertSingle(WidgetWithOptions("deletedWith: \"${nothing}\""),
            Loc + "deletedWith",
            "${nothing} does not name a resource of this program; deletedWith needs a resource reference \"${resourceName}\"");
    }

    [Fact]
    public void The_provider_must_be_a_provider_of_the_resource_package()
    {
        AssertSingle(WidgetWithOptions("provider: \"${otherProvider}\""),
            Loc + "provider",
            "${otherProvider} is a provider of package other, but test:index:Widget belongs to package test; provider needs a pulumi:providers:test resource");
        AssertSingle(WidgetWithOptions("provider: \"${t}\""),
            Loc + "provider",
            "${t} is a resource of type other:index:Thing, not a provider; provider needs a pulumi:providers:test resource");
    }

    [Fact]
    public void Providers_must_be_provider_resources()
    {
        AssertSingle(WidgetWithOptions("providers: [\"${t}\"]"),
            Loc + "providers[0]",
            "${t} is a resource of type other:index:Thing, not a provider; providers needs pulumi:providers:<package> resources");
    }

    [Fact]
    public void The_version_must_equal_the_schema_version()
    {
        AssertSingle(WidgetWithOptions("version: \"1.2.4\""),
            Loc + "version",
            "version \"1.2.4\" does not match the version \"1.2.3\" of the test schema");
        AssertSingle(WidgetWithOptions("version: 1.2"),
            Loc + "version",
            "1.2 (a float) is not a version string");
    }

    [Fact]
    public void The_version_of_a_provider_resource_is_its_package_version()
    {
        AssertSingle(Program("resources:\n  p:\n    type: \"pulumi:providers:test\"\n    properties:\n      region: \"r\"\n    options:\n      version: \"9.9.9\"\n"),
            "resources.p.options.version",
            "version \"9.9.9\" does not match the version \"1.2.3\" of the test schema");
    }

    [Fact]
    public void Option_values_have_types()
    {
        IReadOnlyList<ConformanceViolation> violations = Check(WidgetWithOptions("""
            protect: "yes"
            deleteBeforeReplace: 1
            retainOnDelete: "${t.label}"
            import: 5
            ignoreChanges: "tags"
            replaceOnChanges: [5]
            customTimeouts:
              create: 10
              destroy: "1m"
            aliases: "old"
            """));

        Assert.Equal(
            [
                new ConformanceViolation(Loc + "protect", "\"yes\" (a string) does not match the expected type boolean"),
                new ConformanceViolation(Loc + "deleteBeforeReplace", "1 (an integer) does not match the expected type boolean"),
                new ConformanceViolation(Loc + "retainOnDelete", "${t.label} has type string, which does not match the expected type boolean"),
                new ConformanceViolation(Loc + "import", "5 (an integer) does not match the expected type string"),
                new ConformanceViolation(Loc + "ignoreChanges", "\"tags\" (a string) is not a sequence; ignoreChanges needs a sequence of strings"),
                new ConformanceViolation(Loc + "replaceOnChanges[0]", "5 (an integer) does not match the expected type string"),
                new ConformanceViolation(Loc + "customTimeouts.create", "10 (an integer) does not match the expected type string"),
                new ConformanceViolation(Loc + "customTimeouts.destroy", "\"destroy\" is not a custom timeout (allowed: create, update, delete)"),
                new ConformanceViolation(Loc + "aliases", "\"old\" (a string) is not a sequence; aliases needs a sequence of alias URNs or alias mappings"),
            ],
            violations);
    }

    [Fact]
    public void Options_must_be_a_mapping()
    {
        AssertSingle(Program("resources:\n  w:\n    type: \"test:index:Widget\"\n    properties:\n      name: \"w\"\n    options: [\"protect\"]\n"),
            "resources.w.options",
            "a sequence is not a mapping of resource options");
    }
}
