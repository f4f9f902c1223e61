using static EdgeInfra.Generator.Tests.Support.FixtureSchemas;

namespace EdgeInfra.Generator.Tests;

/// <summary>Enums: record structs over their primitive that still accept any value the provider accepts.</summary>
public sealed class EnumGenerationTests
{
    private static string Tier => File("Fixture/Widgets/Tier.cs");

    private static string Priority => File("Fixture/Widgets/Priority.cs");

    [Fact]
    public void A_string_enum_is_a_record_struct_over_a_string()
    {
        Assert.Contains(
            "/// <summary>The <c>fixture:widgets:Tier</c> enum.</summary>\n/// <param name=\"Value\">The value.</param>\n"
            + "public readonly record struct Tier(string Value) : global::EdgeInfra.IInput\n",
            Tier);
        Assert.Contains("    public static implicit operator Tier(string value) => new(value);\n", Tier);
        Assert.Contains("    public static implicit operator global::EdgeInfra.Input<string>(Tier value) => value.Value;\n", Tier);
        Assert.Contains("    public global::EdgeInfra.Expressions.Expression ToExpression() => new global::EdgeInfra.Expressions.LiteralExpression(Value);\n", Tier);
        Assert.Contains("    public override string ToString() => Value;\n", Tier);
    }

    [Theory]
    [InlineData("Basic", "basic")]
    [InlineData("Premium_LRS", "Premium_LRS")]
    [InlineData("EqualsValue", "Equals")]
    [InlineData("WithSpace", "with space")]
    [InlineData("_2nd", "2nd")]
    public void Members_are_named_from_the_value_name_or_the_value_sanitized_and_kept_clear_of_inherited_members(string member, string value)
    {
        Assert.Contains($"    /// <summary>The <c>{value}</c> value.</summary>\n    public static Tier {member} {{ get; }} = new(\"{value}\");\n", Tier);
    }

    [Fact]
    public void An_integer_enum_wraps_a_long_and_converts_to_an_integer_input()
    {
        Assert.Contains("public readonly record struct Priority(long Value) : global::EdgeInfra.IInput\n", Priority);
        Assert.Contains("    public static Priority High { get; } = new(10);\n", Priority);
        Assert.Contains("    public static implicit operator Priority(long value) => new(value);\n", Priority);
        Assert.Contains("    public static implicit operator global::EdgeInfra.Input<int>(Priority value) => checked((int)value.Value);\n", Priority);
        Assert.Contains("    public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);\n", Priority);
    }

    [Fact]
    public void A_number_enum_wraps_a_double()
    {
        var files = BindingsGenerator.Generate(Mini(
            """{ "mini:m:R": { "inputProperties": { "rate": { "$ref": "#/types/mini:m:Rate" } } } }""",
            """{ "mini:m:Rate": { "type": "number", "enum": [ { "name": "Half", "value": 0.5 }, { "value": 2 } ] } }"""));
        var rate = files.Single(f => f.RelativePath == "Mini/M/Rate.cs").Content;
        Assert.Contains("public readonly record struct Rate(double Value) : global::EdgeInfra.IInput\n", rate);
        Assert.Contains("    public static Rate Half { get; } = new(0.5d);\n", rate);
        Assert.Contains("    public static Rate _2 { get; } = new(2d);\n", rate);
        Assert.Contains("    public static implicit operator global::EdgeInfra.Input<double>(Rate value) => value.Value;\n", rate);
    }

    [Fact]
    public void Two_values_with_the_same_member_name_get_distinct_names()
    {
        var files = BindingsGenerator.Generate(Mini(
            """{ "mini:m:R": { "inputProperties": { "mode": { "$ref": "#/types/mini:m:Mode" } } } }""",
            """{ "mini:m:Mode": { "type": "string", "enum": [ { "value": "fast" }, { "value": "Fast" }, { "value": "mode" } ] } }"""));
        var mode = files.Single(f => f.RelativePath == "Mini/M/Mode.cs").Content;
        Assert.Contains("    public static Mode Fast { get; } = new(\"fast\");\n", mode);
        Assert.Contains("    public static Mode FastValue { get; } = new(\"Fast\");\n", mode);
        Assert.Contains("    public static Mode ModeValue { get; } = new(\"mode\");\n", mode);
    }

    [Fact]
    public void An_enum_value_of_the_wrong_type_is_an_error()
    {
        var package = Mini(
            """{ "mini:m:R": { "inputProperties": { "level": { "$ref": "#/types/mini:m:Level" } } } }""",
            """{ "mini:m:Level": { "type": "integer", "enum": [ { "value": "high" } ] } }""");
        var error = Assert.Throws<InvalidDataException>(() => BindingsGenerator.Generate(package));
        Assert.Contains("mini:m:Level", error.Message);
    }
}
