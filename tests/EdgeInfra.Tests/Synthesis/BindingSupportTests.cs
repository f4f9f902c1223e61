using System.Collections.Immutable;
using EdgeInfra.Expressions;
using static EdgeInfra.Tests.TestStacks;

[assembly: EdgeInfra.PulumiPackage("edgeinfra-test", "1.2.3", Metadata = typeof(EdgeInfra.Tests.Synthesis.TestPackageMetadata))]

namespace EdgeInfra.Tests.Synthesis;

/// <summary>The engine's side of generated bindings, with hand-written classes shaped like generated ones.</summary>
public sealed class BindingSupportTests
{
    internal sealed class ClientArgs : InputArgs
    {
        public Input<string>? Id { get; set; }

        public Input<string>? Token { get; set; }

        protected override IEnumerable<KeyValuePair<string, object?>> GetInputs()
        {
            yield return new("id", Id);
            yield return new("token", Secret(Token));
        }
    }

    internal sealed class WidgetArgs : ResourceArgs
    {
        public required Input<ClientArgs> Client { get; set; }

        protected override IEnumerable<KeyValuePair<string, object?>> GetInputs()
        {
            yield return new("client", Client);
        }
    }

    internal sealed class Widget(string name, WidgetArgs args) : CustomResource(Token, name, args, null, TypeMetadata)
    {
        public const string Token = "azure-native:test:Widget";

        public static readonly ResourceMetadata TypeMetadata = new(Token, ["client"], ["client"], ["client.token"], ["secretOut"]);

        public SettingsOutput Settings => new(OutputExpression("settings"));

        public OutputList<SettingsOutput> History => new(OutputExpression("history"), e => new SettingsOutput(e));

        public OutputMap<SettingsOutput> ByRegion => new(OutputExpression("byRegion"), e => new SettingsOutput(e));
    }

    internal sealed class SettingsOutput(Expression expression) : OutputObject(expression)
    {
        public Output<string> Endpoint => Property<string>("endpoint");

        public SettingsOutput Nested => new(Navigate("nested"));
    }

    [Fact]
    public void Output_objects_lists_and_maps_navigate_to_typed_references()
    {
        var program = Synth(() =>
        {
            var widget = new Widget("w", new WidgetArgs { Client = new ClientArgs { Id = "a" } });
            Group("rg", new PropertyMap
            {
                ["endpoint"] = widget.Settings.Endpoint,
                ["deep"] = widget.Settings.Nested.Endpoint,
                ["item"] = widget.History[2].Endpoint,
                ["entry"] = widget.ByRegion["west-eu"].Endpoint,
                ["whole"] = widget.Settings,
            });
        });
        Assert.Contains("      deep: \"${w.settings.nested.endpoint}\"\n", program);
        Assert.Contains("      endpoint: \"${w.settings.endpoint}\"\n", program);
        Assert.Contains("      entry: \"${w.byRegion[\\\"west-eu\\\"].endpoint}\"\n", program);
        Assert.Contains("      item: \"${w.history[2].endpoint}\"\n", program);
        Assert.Contains("      whole: \"${w.settings}\"\n", program);
    }

    [Fact]
    public void Properties_the_schema_marks_secret_are_stated_in_fn_secret()
    {
        var program = Synth(() => new Widget("w", new WidgetArgs { Client = new ClientArgs { Id = "a", Token = "t0k" } }));
        Assert.Contains("    properties:\n      client:\n        id: \"a\"\n        token:\n          fn::secret: \"t0k\"\n", program);
    }

    [Fact]
    public void Unset_secret_properties_are_left_out()
    {
        var program = Synth(() => new Widget("w", new WidgetArgs { Client = new ClientArgs { Id = "a" } }));
        Assert.DoesNotContain("token", program);
    }

    [Fact]
    public void Generated_resources_carry_their_metadata()
    {
        var graph = Build(() => new Widget("w", new WidgetArgs { Client = new ClientArgs() }));
        var widget = Assert.Single(graph.CustomResources);
        Assert.Same(Widget.TypeMetadata, widget.GetResourceMetadata());
        Assert.Null(new PropertyMapResourceProbe().Metadata);
    }

    [Fact]
    public void The_package_catalog_collects_the_versions_and_metadata_assemblies_declare()
    {
        var catalog = PackageCatalog.Discover(typeof(BindingSupportTests).Assembly);
        Assert.Equal("1.2.3", catalog.VersionOf("edgeinfra-test"));
        Assert.Equal(new[] { "client" }, catalog.MetadataOf(Widget.Token)!.ReplaceOnChanges.ToArray());
        Assert.Null(catalog.MetadataOf("azure-native:test:Other"));
    }

    /// <summary>A resource made with the escape hatch has no metadata.</summary>
    private sealed class PropertyMapResourceProbe
    {
        public ResourceMetadata? Metadata { get; } = Build(() => Group("rg")).CustomResources.Single().GetResourceMetadata();
    }
}

/// <summary>The metadata source the test assembly declares.</summary>
internal sealed class TestPackageMetadata : IResourceMetadataSource
{
    public static IReadOnlyList<ResourceMetadata> Resources { get; } = [BindingSupportTests.Widget.TypeMetadata];
}
