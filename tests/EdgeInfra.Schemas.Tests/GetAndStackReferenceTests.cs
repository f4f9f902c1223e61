using static EdgeInfra.Schemas.Tests.ProgramText;

namespace EdgeInfra.Schemas.Tests;

/// <summary>The resource field <c>get</c> and the built-in <c>pulumi:pulumi:StackReference</c>, as pulumi-yaml's analyser treats them.</summary>
public class GetAndStackReferenceTests
{
    [Fact]
    public void A_read_resource_with_an_id_conforms_and_its_outputs_can_be_referenced()
    {
        AssertConforms(Program("""
            resources:
              w:
                type: "test:index:Widget"
                get:
                  id: "widget-1"
            outputs:
              endpoint: "${w.endpoint}"
            """));
    }

    [Fact]
    public void Get_and_properties_are_mutually_exclusive()
    {
        AssertSingle(Program("""
            resources:
              w:
                type: "test:index:Widget"
                properties:
                  name: "widget"
                get:
                  id: "widget-1"
            """), "resources.w.properties", "a resource has either properties (managed by the program) or get (read by id), not both");
    }

    [Fact]
    public void Get_needs_an_id_and_takes_only_id_and_state()
    {
        var violations = Check(Program("""
            resources:
              w:
                type: "test:index:Widget"
                get:
                  ident: "widget-1"
            """));

        Assert.Contains(violations, v => v.Message.Contains("\"ident\" is not a key of get", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Message.Contains("get has no id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stack_reference_conforms_and_its_outputs_are_of_any_type()
    {
        AssertConforms(Program("""
            resources:
              ref:
                type: "pulumi:pulumi:StackReference"
                properties:
                  name: "acme/network/prod"
            outputs:
              plain: "${ref.outputs[\"plain\"]}"
              nested: "${ref.outputs.map.key}"
            """));
    }

    [Fact]
    public void A_stack_reference_needs_its_name()
    {
        var violations = Check(Program("""
            resources:
              ref:
                type: "pulumi:pulumi:StackReference"
                properties:
                  stack: "prod"
            """));

        Assert.NotEmpty(violations);
    }
}
