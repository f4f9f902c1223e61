using static EdgeInfra.Generator.Tests.Support.FixtureSchemas;

namespace EdgeInfra.Generator.Tests;

/// <summary>Functions: a static class with <c>Invoke</c>, its argument class and its result class.</summary>
public sealed class FunctionGenerationTests
{
    [Fact]
    public void A_function_with_required_inputs_takes_its_arguments_and_returns_its_result_object()
    {
        var function = File("Fixture/Widgets/GetWidget.cs");
        Assert.Contains("/// <summary>The <c>fixture:widgets:getWidget</c> function.</summary>\npublic static class GetWidget\n", function);
        Assert.Contains("    public const string Token = \"fixture:widgets:getWidget\";\n", function);
        Assert.Contains(
            "    public static Outputs.GetWidgetResult Invoke(GetWidgetArgs args, global::EdgeInfra.Expressions.InvokeOptions? options = null)\n"
            + "        => new(global::EdgeInfra.Deployment.Invoke<object>(Token, args, options).Expression);\n",
            function);
    }

    [Fact]
    public void A_function_without_inputs_takes_only_options()
    {
        Assert.Contains(
            "    public static Outputs.ListWidgetsResult Invoke(global::EdgeInfra.Expressions.InvokeOptions? options = null)\n"
            + "        => new(global::EdgeInfra.Deployment.Invoke<object>(Token, null, options).Expression);\n",
            File("Fixture/ListWidgets.cs"));
        Assert.DoesNotContain(WidgetsFiles, f => f.RelativePath == "Fixture/ListWidgetsArgs.cs");
    }

    [Fact]
    public void A_function_whose_inputs_are_all_optional_takes_optional_arguments()
    {
        var files = BindingsGenerator.Generate(Mini(
            "{}",
            functions: """{ "mini:m:find": { "inputs": { "properties": { "q": { "type": "string" } } }, "outputs": { "properties": { "n": { "type": "integer" } } } } }"""));
        Assert.Contains(
            "    public static Outputs.FindResult Invoke(FindArgs? args = null, global::EdgeInfra.Expressions.InvokeOptions? options = null)\n"
            + "        => new(global::EdgeInfra.Deployment.Invoke<object>(Token, args ?? new FindArgs(), options).Expression);\n",
            files.Single(f => f.RelativePath == "Mini/M/Find.cs").Content);
    }

    [Fact]
    public void A_function_without_outputs_returns_an_untyped_output()
    {
        var files = BindingsGenerator.Generate(Mini("{}", functions: """{ "mini:m:ping": { } }"""));
        Assert.Contains(
            "    public static global::EdgeInfra.Output<object> Invoke(global::EdgeInfra.Expressions.InvokeOptions? options = null)\n"
            + "        => global::EdgeInfra.Deployment.Invoke<object>(Token, null, options);\n",
            files.Single(f => f.RelativePath == "Mini/M/Ping.cs").Content);
    }

    [Fact]
    public void Function_arguments_derive_from_InputArgs()
    {
        var args = File("Fixture/Widgets/GetWidgetArgs.cs");
        Assert.Contains("/// <summary>The inputs of the <c>fixture:widgets:getWidget</c> function.</summary>\npublic sealed class GetWidgetArgs : global::EdgeInfra.InputArgs\n", args);
        Assert.Contains("    public required global::EdgeInfra.Input<string> ResourceGroupName { get; set; }\n", args);
        Assert.Contains("    public global::EdgeInfra.Input<string>? WidgetName { get; set; }\n", args);
    }

    [Fact]
    public void The_result_is_an_output_object_of_the_function_outputs()
    {
        var result = File("Fixture/Widgets/Outputs/GetWidgetResult.cs");
        Assert.Contains("/// <summary>The result of the <c>fixture:widgets:getWidget</c> function.</summary>\npublic sealed class GetWidgetResult : global::EdgeInfra.OutputObject\n", result);
        Assert.Contains("    public global::EdgeInfra.Output<string> Id => Property<string>(\"id\");\n", result);
        Assert.Contains("    public global::EdgeInfra.OutputList<Rule> Rules => new(Navigate(\"rules\"), e => new Rule(e));\n", result);
        Assert.Contains("    public Settings Settings => new(Navigate(\"settings\"));\n", result);
    }
}
