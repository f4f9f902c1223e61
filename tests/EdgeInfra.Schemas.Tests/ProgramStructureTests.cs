using static EdgeInfra.Schemas.Tests.ProgramText;

namespace EdgeInfra.Schemas.Tests;

public class ProgramStructureTests
{
    [Fact]
    public void A_minimal_program_conforms()
    {
        AssertConforms(Program("""
            description: "a test"
            resources:
              w:
                type: "test:index:Widget"
                properties:
                  name: "widget"
            outputs:
              endpoint: "${w.endpoint}"
            """));
    }

    [Fact]
    public void A_program_without_sections_conforms()
    {
        AssertConforms("name: \"empty\"\nruntime:\n  name: \"yaml\"\n  options:\n    compiler: \"dotnet run\"\n");
    }

    [Fact]
    public void Unknown_top_level_keys_are_violations()
    {
        AssertSingle(Program("configuration:\n  x:\n    type: \"string\"\n"),
            "configuration",
            "\"configuration\" is not a top-level key of a Pulumi YAML program (allowed: name, runtime, description, config, variables, resources, outputs)");
    }

    [Fact]
    public void The_runtime_must_be_yaml()
    {
        AssertSingle("name: \"p\"\nruntime: \"nodejs\"\n",
            "runtime",
            "\"nodejs\" (a string) is not the runtime of a Pulumi YAML program: it must be \"yaml\" (or a mapping whose name is \"yaml\")");
    }

    [Fact]
    public void The_name_must_be_a_string()
    {
        AssertSingle("name: 12\nruntime: \"yaml\"\n", "name", "12 (an integer) is not a project name: it must be a non-empty string");
    }

    [Fact]
    public void Invalid_yaml_is_a_violation()
    {
        IReadOnlyList<ConformanceViolation> violations = Check("name: \"p\"\nresources: [\n");

        ConformanceViolation violation = Assert.Single(violations);
        Assert.Equal("program", violation.Location);
        Assert.StartsWith("the program is not valid YAML:", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_document_is_a_violation()
    {
        AssertSingle("", "program", "the program is empty");
    }

    [Fact]
    public void A_program_that_is_not_a_mapping_is_a_violation()
    {
        AssertSingle("- 1\n- 2\n", "program", "a sequence is not a program: a program is a mapping");
    }

    [Fact]
    public void A_section_that_is_not_a_mapping_is_a_violation()
    {
        AssertSingle(Program("resources:\n  - \"w\"\n"), "resources", "a sequence is not a valid resources section: it must be a mapping");
    }

    [Fact]
    public void Resource_keys_other_than_type_properties_and_options_are_violations()
    {
        AssertSingle(Program("""
            resources:
              w:
                type: "test:index:Widget"
                properties:
                  name: "widget"
                protect: true
            """),
            "resources.w.protect",
            "\"protect\" is not a key of a resource (allowed: type, properties, options, get)");
    }

    [Fact]
    public void A_resource_needs_a_type()
    {
        AssertSingle(Program("resources:\n  w:\n    properties:\n      name: \"x\"\n"),
            "resources.w.type",
            "resource w has no type: it needs a resource token");
    }

    [Fact]
    public void An_unknown_resource_token_of_a_known_package_is_a_violation_with_a_suggestion()
    {
        AssertSingle(Program("resources:\n  w:\n    type: \"test:index:widget\"\n"),
            "resources.w.type",
            "\"test:index:widget\" is not a resource type of package test 1.2.3 (did you mean \"test:index:Widget\"?)");
    }

    [Fact]
    public void A_resource_token_of_an_unknown_package_is_a_violation()
    {
        AssertSingle(Program("resources:\n  w:\n    type: \"aws:s3:Bucket\"\n    properties:\n      bucket: \"b\"\n"),
            "resources.w.type",
            "\"aws:s3:Bucket\" is not a resource type of any loaded package (loaded: other, test)");
    }

    [Fact]
    public void A_provider_of_an_unknown_package_is_a_violation()
    {
        AssertSingle(Program("resources:\n  p:\n    type: \"pulumi:providers:aws\"\n"),
            "resources.p.type",
            "\"pulumi:providers:aws\" is not a provider of any loaded package (loaded: other, test)");
    }

    [Fact]
    public void Provider_resources_are_checked_against_the_provider_inputs()
    {
        AssertConforms(Program("""
            resources:
              p:
                type: "pulumi:providers:test"
                properties:
                  region: "west"
                  retries: 3
                options:
                  version: "1.2.3"
            """));

        IReadOnlyList<ConformanceViolation> violations = Check(Program("""
            resources:
              p:
                type: "pulumi:providers:test"
                properties:
                  retries: "3"
                  zone: "a"
            """));

        Assert.Equal(
            [
                new ConformanceViolation("resources.p.properties.retries", "\"3\" (a string) does not match the expected type integer"),
                new ConformanceViolation("resources.p.properties.zone", "unknown property \"zone\": pulumi:providers:test has no input property of that name"),
                new ConformanceViolation("resources.p.properties.region", "required property \"region\" of pulumi:providers:test is missing"),
            ],
            violations);
    }

    [Fact]
    public void Resource_properties_must_be_a_mapping()
    {
        AssertSingle(Program("resources:\n  w:\n    type: \"test:index:Widget\"\n    properties: \"name\"\n"),
            "resources.w.properties",
            "\"name\" (a string) is not a mapping of resource properties");
    }

    [Fact]
    public void Names_must_be_unique_across_config_variables_and_resources()
    {
        AssertSingle(Program("""
            config:
              w:
                type: "string"
            resources:
              w:
                type: "other:index:Thing"
            """),
            "resources.w",
            "the name \"w\" is declared in both config and resources: names must be unique across config, variables and resources");
    }

    [Fact]
    public void Pulumi_is_a_reserved_name()
    {
        AssertSingle(Program("variables:\n  pulumi: \"x\"\n"),
            "variables.pulumi",
            "\"pulumi\" is a reserved name (it refers to the built-in values ${pulumi.stack}, ${pulumi.project}, ...)");
    }

    [Fact]
    public void All_violations_are_reported_not_just_the_first()
    {
        IReadOnlyList<ConformanceViolation> violations = Check(Program("""
            extra: 1
            resources:
              a:
                type: "test:index:Widget"
                properties:
                  size: "big"
              b:
                type: "test:index:Nothing"
            outputs:
              x: "${c.id}"
            """));

        Assert.Equal(["extra", "resources.a.properties.size", "resources.a.properties.name", "resources.b.type", "outputs.x"], violations.Select(v => v.Location));
    }

    [Fact]
    public void CheckFile_reads_the_program_from_a_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"edgeinfra-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Program("resources:\n  w:\n    type: \"test:index:Widget\"\n"));
        try
        {
            ConformanceViolation violation = Assert.Single(ProgramConformance.CheckFile(path, TestSchemas.Set));
            Assert.Equal("resources.w.properties.name", violation.Location);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_violation_prints_as_location_and_message()
    {
        Assert.Equal("resources.w: bad", new ConformanceViolation("resources.w", "bad").ToString());
    }

    [Fact]
    public void Duplicate_keys_are_a_violation()
    {
        ConformanceViolation violation = Assert.Single(Check(Widget("name: \"a\"\nname: \"b\"")));
        Assert.Equal("program", violation.Location);
        Assert.StartsWith("the program is not valid YAML:", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_and_aliases_are_followed()
    {
        AssertConforms(Program("""
            resources:
              a:
                type: "test:index:Widget"
                properties:
                  name: "a"
                  tags: &tags
                    env: "dev"
              b:
                type: "test:index:Widget"
                properties:
                  name: "b"
                  tags: *tags
            """));
    }

    [Fact]
    public void Explicit_yaml_tags_decide_the_scalar_type()
    {
        AssertConforms(Widget("name: !!str 123\nsize: !!int \"3\""));
    }
}
