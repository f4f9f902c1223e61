using static EdgeInfra.Schemas.Tests.ProgramText;

namespace EdgeInfra.Schemas.Tests;

public class ReferenceTests
{
    private const string Source = """
        resources:
          src:
            type: "test:index:Widget"
            properties:
              name: "source"
          w:
            type: "test:index:Gadget"
            properties:

        """;

    /// <summary>A program with a Widget "src" and a Gadget "w" whose properties (indented by 6) are given.</summary>
    private static string Gadget(string properties, string extraSections = "") =>
        Program(Source + Indent(properties, 6) + "\n" + extraSections);

    [Fact]
    public void References_to_outputs_of_the_right_type_conform()
    {
        AssertConforms(Gadget("""
            widgetName: "${src.endpoint}"
            count: "${src.size}"
            weight: "${src.size}"
            zones:
              - "${src.sku.tier}"
              - "${src.meta[\"zone\"]}"
              - "${src.meta.zone}"
              - "${src.id}"
              - "${src.urn}"
            """));
    }

    [Fact]
    public void A_reference_may_point_forward()
    {
        AssertConforms(Program("""
            resources:
              g:
                type: "test:index:Gadget"
                properties:
                  widgetName: "${later.name}"
              later:
                type: "test:index:Widget"
                properties:
                  name: "later"
            """));
    }

    [Fact]
    public void Indexing_follows_arrays()
    {
        AssertConforms(Gadget("count: \"${src.ports[0]}\""));
    }

    [Fact]
    public void A_missing_output_is_a_violation_naming_the_path()
    {
        AssertSingle(Gadget("widgetName: \"${src.sku.tierName}\""),
            "resources.w.properties.widgetName",
            "${src.sku.tierName}: test:index:Widget has no output sku.tierName");
    }

    [Fact]
    public void An_input_that_is_not_an_output_cannot_be_referenced()
    {
        AssertSingle(Gadget("widgetName: \"${src.password}\""),
            "resources.w.properties.widgetName",
            "${src.password}: test:index:Widget has no output password");
    }

    [Fact]
    public void A_reference_of_the_wrong_type_is_a_violation()
    {
        AssertSingle(Gadget("count: \"${src.endpoint}\""),
            "resources.w.properties.count",
            "${src.endpoint} has type string, which does not match the expected type integer");
        AssertSingle(Gadget("count: \"${src.ratio}\""),
            "resources.w.properties.count",
            "${src.ratio} has type number, which does not match the expected type integer");
        AssertSingle(Gadget("widgetName: \"${src.size}\""),
            "resources.w.properties.widgetName",
            "${src.size} has type integer, which does not match the expected type string");
        AssertSingle(Gadget("zones: \"${src.ports}\""),
            "resources.w.properties.zones",
            "${src.ports} has type array<integer>, which does not match the expected type array<string>");
    }

    [Fact]
    public void An_object_output_is_compared_structurally_with_an_object_input()
    {
        AssertConforms(Gadget("sku: \"${src.sku}\""));
    }

    [Fact]
    public void Indexing_something_that_is_no_array_is_a_violation()
    {
        AssertSingle(Gadget("count: \"${src.size[0]}\""),
            "resources.w.properties.count",
            "${src.size[0]}: src.size has type integer, which cannot be indexed with [0]");
        AssertSingle(Gadget("widgetName: \"${src.endpoint.host}\""),
            "resources.w.properties.widgetName",
            "${src.endpoint.host}: src.endpoint has type string, which has no property host");
    }

    [Fact]
    public void Any_typed_outputs_are_accepted_anywhere_and_may_be_navigated()
    {
        AssertConforms(Gadget("count: \"${src.settings.deep[3].path}\""));
    }

    [Fact]
    public void A_bare_resource_reference_is_a_violation_outside_options()
    {
        AssertSingle(Gadget("widgetName: \"${src}\""),
            "resources.w.properties.widgetName",
            "${src} is a bare resource reference, which is allowed only in the resource options dependsOn, parent, provider and deletedWith; refer to an output such as ${src.id} instead");
    }

    [Fact]
    public void References_to_unknown_names_are_violations()
    {
        AssertSingle(Gadget("widgetName: \"${nothing.name}\""),
            "resources.w.properties.widgetName",
            "${nothing.name} refers to the unknown name \"nothing\": it is no resource, variable or config key of this program");
    }

    [Fact]
    public void Config_references_have_their_declared_type()
    {
        const string config = """
            config:
              vmCount:
                type: "integer"
              location:
                type: "string"
              regions:
                type: "array"
                items:
                  type: "string"
              azure-native:location:
                type: "string"

            """;

        AssertConforms(Program(config + Source + Indent("count: \"${vmCount}\"\nweight: \"${vmCount}\"\nzones: \"${regions}\"\nwidgetName: \"${azure-native:location}\"", 6)));
        AssertSingle(Program(config + Source + Indent("count: \"${location}\"", 6)),
            "resources.w.properties.count",
            "${location} has type string, which does not match the expected type integer");
        AssertSingle(Program(config + Source + Indent("widgetName: \"${regions[0].x}\"", 6)),
            "resources.w.properties.widgetName",
            "${regions[0].x}: regions[0] has type string, which has no property x");
    }

    [Fact]
    public void Pulumi_built_ins_are_strings()
    {
        AssertConforms(Gadget("widgetName: \"${pulumi.stack}\"\nzones: [\"${pulumi.project}\", \"${pulumi.organization}\", \"${pulumi.cwd}\"]"));
        AssertSingle(Gadget("count: \"${pulumi.stack}\""),
            "resources.w.properties.count",
            "${pulumi.stack} has type string, which does not match the expected type integer");
        AssertSingle(Gadget("widgetName: \"${pulumi.region}\""),
            "resources.w.properties.widgetName",
            "${pulumi.region}: pulumi has no property region");
    }

    [Fact]
    public void Interpolation_mixed_with_text_is_a_string_whose_references_are_checked()
    {
        AssertConforms(Gadget("widgetName: \"https://${src.endpoint}:${src.size}/${pulumi.stack}\""));
        AssertSingle(Gadget("count: \"${src.size}0\""),
            "resources.w.properties.count",
            "the interpolated string \"${src.size}0\" has type string, which does not match the expected type integer");
        AssertSingle(Gadget("widgetName: \"x-${src.nope}\""),
            "resources.w.properties.widgetName",
            "${src.nope}: test:index:Widget has no output nope");
        AssertSingle(Gadget("widgetName: \"urn is ${src}\""),
            "resources.w.properties.widgetName",
            "${src} is a bare resource reference, which is allowed only in the resource options dependsOn, parent, provider and deletedWith; refer to an output such as ${src.id} instead");
    }

    [Fact]
    public void Malformed_interpolation_is_a_violation()
    {
        AssertSingle(Gadget("widgetName: \"${src.endpoint\""),
            "resources.w.properties.widgetName",
            "\"${src.endpoint\" is not a valid interpolation: unterminated interpolation (missing '}') in \"${src.endpoint\"");
        AssertSingle(Gadget("widgetName: \"${[0]}\""),
            "resources.w.properties.widgetName",
            "\"${[0]}\" is not a valid interpolation: ${[0]} does not start with a name");
    }

    [Fact]
    public void Variables_are_typed_by_their_values()
    {
        const string variables = """
            variables:
              port: 8080
              host: "${src.endpoint}"
              client:
                fn::invoke:
                  function: "test:index:getClientConfig"
              thing:
                fn::invoke:
                  function: "test:index:getThing"
                  arguments:
                    id: "x"

            """;

        AssertConforms(Program(variables + Source + Indent("count: \"${port}\"\nwidgetName: \"${host}\"\nzones:\n  - \"${client.tenantId}\"\n  - \"${thing.sku.name}\"", 6)));
        AssertSingle(Program(variables + Source + Indent("widgetName: \"${port}\"", 6)),
            "resources.w.properties.widgetName",
            "${port} has type integer, which does not match the expected type string");
        AssertSingle(Program(variables + Source + Indent("widgetName: \"${client.tenant}\"", 6)),
            "resources.w.properties.widgetName",
            "${client.tenant}: variable client has no property tenant");
    }

    [Fact]
    public void Variable_violations_are_reported_once_at_the_variable()
    {
        IReadOnlyList<ConformanceViolation> violations = Check(Program("""
            variables:
              a: "${b}"
              b: "${nowhere}"
            outputs:
              x: "${a}"
              y: "${b}"
            """));

        Assert.Equal([new ConformanceViolation("variables.b", "${nowhere} refers to the unknown name \"nowhere\": it is no resource, variable or config key of this program")], violations);
    }

    [Fact]
    public void A_variable_cycle_is_a_violation()
    {
        IReadOnlyList<ConformanceViolation> violations = Check(Program("variables:\n  a: \"${b}\"\n  b: \"${a}\"\n"));

        Assert.Equal([new ConformanceViolation("variables.a", "variable a refers to itself (a reference cycle through variables)")], violations);
    }

    [Fact]
    public void Outputs_must_resolve()
    {
        AssertConforms(Program(Source + Indent("count: 1", 6) + "\noutputs:\n  endpoint: \"${src.endpoint}\"\n  plain: 5\n  nested:\n    a: [\"${src.sku.name}\"]\n"));
        AssertSingle(Program(Source + Indent("count: 1", 6) + "\noutputs:\n  endpoint: \"${src.endpointUrl}\"\n"),
            "outputs.endpoint",
            "${src.endpointUrl}: test:index:Widget has no output endpointUrl");
    }

    [Fact]
    public void A_reference_into_a_resource_of_unknown_type_is_not_reported_again()
    {
        ConformanceViolation violation = Assert.Single(Check(Program("resources:\n  x:\n    type: \"test:index:Nothing\"\noutputs:\n  y: \"${x.anything}\"\n")));
        Assert.Equal("resources.x.type", violation.Location);
    }
}
