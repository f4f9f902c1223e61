using static EdgeInfra.Generator.Tests.Support.FixtureSchemas;

namespace EdgeInfra.Generator.Tests;

/// <summary>How schema types become the C# types of input and output properties.</summary>
public sealed class TypeMappingTests
{
    [Theory]
    [InlineData("ResourceGroupName", "required global::EdgeInfra.Input<string>")]
    [InlineData("Size", "global::EdgeInfra.Input<int>?")]
    [InlineData("Ratio", "global::EdgeInfra.Input<double>?")]
    [InlineData("Enabled", "global::EdgeInfra.Input<bool>?")]
    [InlineData("Zones", "global::EdgeInfra.InputList<string>?")]
    [InlineData("Tags", "global::EdgeInfra.InputMap<string>?")]
    [InlineData("Settings", "required global::EdgeInfra.Input<Inputs.SettingsArgs>")]
    [InlineData("Rules", "global::EdgeInfra.InputList<Inputs.RuleArgs>?")]
    [InlineData("RulesByName", "global::EdgeInfra.InputMap<Inputs.RuleArgs>?")]
    [InlineData("Tier", "global::EdgeInfra.Input<string>?")]
    [InlineData("Tiers", "global::EdgeInfra.InputList<string>?")]
    [InlineData("Color", "global::EdgeInfra.Input<Color>?")]
    [InlineData("Priority", "global::EdgeInfra.Input<Priority>?")]
    [InlineData("Policy", "global::EdgeInfra.Input<global::EdgeInfra.InputArgs>?")]
    [InlineData("Metadata", "global::EdgeInfra.Input<object>?")]
    [InlineData("Password", "global::EdgeInfra.Input<string>?")]
    public void Input_properties_of_the_widget(string property, string type)
    {
        Assert.Contains($"    public {type} {property} {{ get; set; }}\n", File("Fixture/Widgets/WidgetArgs.cs"));
    }

    [Theory]
    [InlineData("Code", "global::EdgeInfra.Input<global::EdgeInfra.AssetOrArchive>?")]
    [InlineData("Bundle", "global::EdgeInfra.Input<global::EdgeInfra.Archive>?")]
    public void Assets_and_archives(string property, string type)
    {
        Assert.Contains($"    public {type} {property} {{ get; set; }}\n", File("Fixture/Widgets/GadgetArgs.cs"));
    }

    [Theory]
    [InlineData("global::EdgeInfra.Output<string> ConnectionString => GetOutput<string>(\"connectionString\")")]
    [InlineData("global::EdgeInfra.Output<int> Size => GetOutput<int>(\"size\")")]
    [InlineData("global::EdgeInfra.Output<global::System.Collections.Immutable.ImmutableArray<string>> Zones => GetOutput<global::System.Collections.Immutable.ImmutableArray<string>>(\"zones\")")]
    [InlineData("global::EdgeInfra.Output<global::System.Collections.Immutable.ImmutableDictionary<string, string>> Tags => GetOutput<global::System.Collections.Immutable.ImmutableDictionary<string, string>>(\"tags\")")]
    [InlineData("Outputs.Settings Settings => new(OutputExpression(\"settings\"))")]
    [InlineData("global::EdgeInfra.OutputList<Outputs.Rule> Rules => new(OutputExpression(\"rules\"), e => new Outputs.Rule(e))")]
    [InlineData("global::EdgeInfra.OutputMap<Outputs.Rule> RulesByName => new(OutputExpression(\"rulesByName\"), e => new Outputs.Rule(e))")]
    [InlineData("global::EdgeInfra.Output<string> Tier => GetOutput<string>(\"tier\")")]
    [InlineData("global::EdgeInfra.Output<int> Priority => GetOutput<int>(\"priority\")")]
    [InlineData("global::EdgeInfra.Output<object> Policy => GetOutput<object>(\"policy\")")]
    [InlineData("global::EdgeInfra.Output<object> Metadata => GetOutput<object>(\"metadata\")")]
    public void Output_properties_of_the_widget(string member)
    {
        Assert.Contains($"    public {member};\n", File("Fixture/Widgets/Widget.cs"));
    }

    [Fact]
    public void Types_of_other_modules_are_fully_qualified()
    {
        var files = Generate(
            """{ "mini:alpha:A": { "inputProperties": { "b": { "$ref": "#/types/mini:beta:B" } }, "properties": { "b": { "$ref": "#/types/mini:beta:B" } } } }""",
            """{ "mini:beta:B": { "type": "object", "properties": { "x": { "type": "string" } } } }""");
        Assert.Contains("    public global::EdgeInfra.Input<global::EdgeInfra.Mini.Beta.Inputs.BArgs>? B { get; set; }\n", files["Mini/Alpha/AArgs.cs"]);
        Assert.Contains("    public global::EdgeInfra.Mini.Beta.Outputs.B B => new(OutputExpression(\"b\"));\n", files["Mini/Alpha/A.cs"]);
    }

    [Fact]
    public void Nested_lists_maps_untyped_values_and_other_unions()
    {
        var args = Generate(
            """
            { "mini:m:R": { "inputProperties": {
                "grid": { "type": "array", "items": { "type": "array", "items": { "type": "integer" } } },
                "loose": { "type": "object" },
                "mixed": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] },
                "untyped": { },
                "json": { "$ref": "pulumi.json#/Json" }
            } } }
            """)["Mini/M/RArgs.cs"];
        Assert.Contains("public global::EdgeInfra.InputList<global::System.Collections.Immutable.ImmutableArray<int>>? Grid { get; set; }", args);
        Assert.Contains("public global::EdgeInfra.InputMap<object>? Loose { get; set; }", args);
        Assert.Contains("public global::EdgeInfra.Input<object>? Mixed { get; set; }", args);
        Assert.Contains("public global::EdgeInfra.Input<object>? Untyped { get; set; }", args);
        Assert.Contains("public global::EdgeInfra.Input<object>? Json { get; set; }", args);
    }

    private static Dictionary<string, string> Generate(string resources, string types = "{}") =>
        BindingsGenerator.Generate(Mini(resources, types)).ToDictionary(f => f.RelativePath, f => f.Content);
}
