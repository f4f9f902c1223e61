using static EdgeInfra.Generator.Tests.Support.FixtureSchemas;

namespace EdgeInfra.Generator.Tests;

/// <summary>Object types get argument and output classes only for the directions they are reachable in; enums only from inputs.</summary>
public sealed class ReachabilityTests
{
    private static bool Generated(string path) => WidgetsFiles.Any(f => f.RelativePath == path);

    [Fact]
    public void A_type_used_by_inputs_and_outputs_gets_both_classes()
    {
        Assert.True(Generated("Fixture/Widgets/Inputs/SettingsArgs.cs"));
        Assert.True(Generated("Fixture/Widgets/Outputs/Settings.cs"));
        Assert.True(Generated("Fixture/Widgets/Inputs/RetentionArgs.cs"));
        Assert.True(Generated("Fixture/Widgets/Outputs/Retention.cs"));
    }

    [Fact]
    public void A_type_used_by_outputs_only_gets_an_output_class_only()
    {
        Assert.True(Generated("Fixture/Widgets/Outputs/HistoryEntry.cs"));
        Assert.False(Generated("Fixture/Widgets/Inputs/HistoryEntryArgs.cs"));
    }

    [Fact]
    public void Members_of_a_union_are_reachable()
    {
        Assert.True(Generated("Fixture/Widgets/Inputs/DailyPolicyArgs.cs"));
        Assert.True(Generated("Fixture/Widgets/Inputs/WeeklyPolicyArgs.cs"));
    }

    [Fact]
    public void An_unreferenced_type_is_not_generated()
    {
        Assert.DoesNotContain(WidgetsFiles, f => f.RelativePath.Contains("Orphan", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enum_used_only_by_outputs_is_not_generated()
    {
        var files = BindingsGenerator.Generate(Mini(
            """{ "mini:m:R": { "properties": { "state": { "$ref": "#/types/mini:m:State" } } } }""",
            """{ "mini:m:State": { "type": "string", "enum": [ { "value": "on" } ] } }"""));
        Assert.DoesNotContain(files, f => f.RelativePath == "Mini/M/State.cs");
        Assert.Contains("public global::EdgeInfra.Output<string> State => GetOutput<string>(\"state\");", files.Single(f => f.RelativePath == "Mini/M/R.cs").Content);
    }
}
