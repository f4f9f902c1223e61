using static EdgeInfra.Schemas.Tests.ProgramText;

namespace EdgeInfra.Schemas.Tests;

public class PropertyValueTests
{
    [Fact]
    public void A_widget_using_every_kind_of_property_conforms()
    {
        AssertConforms(Widget("""
            name: "widget"
            size: 3
            ratio: 0.5
            enabled: false
            tags:
              env: "dev"
            zones:
              - "1"
              - "2"
            ports: [80, 443]
            sku:
              name: "Standard"
              capacity: 2
            mode: "anything"
            color: "red"
            level: 2
            settings:
              nested:
                - 1
                - true
            document: [1, "two"]
            policy:
              policyType: "Weekly"
              day: "Monday"
            kind: "fixed"
            rules:
              - port: 80
                next:
                  port: 81
            labels:
              a:
                port: 1
            timeouts:
              create: "5m"
            content:
              fn::fileAsset: "./index.html"
            bundle:
              fn::fileArchive: "./site"
            password: "p"
            freeform:
              anything: [1, 2]
            """));
    }

    [Fact]
    public void An_unknown_property_is_a_violation()
    {
        AssertSingle(Widget("name: \"w\"\nsizes: 3"),
            "resources.w.properties.sizes",
            "unknown property \"sizes\": test:index:Widget has no input property of that name");
    }

    [Fact]
    public void An_unknown_property_differing_only_in_case_gets_a_suggestion()
    {
        AssertSingle(Widget("Name: \"w\"\nname: \"w\""),
            "resources.w.properties.Name",
            "unknown property \"Name\": test:index:Widget has no input property of that name (did you mean \"name\"?)");
    }

    [Fact]
    public void A_missing_required_property_is_a_violation()
    {
        AssertSingle(Widget("size: 1"), "resources.w.properties.name", "required property \"name\" of test:index:Widget is missing");
    }

    [Fact]
    public void A_resource_without_properties_still_needs_its_required_inputs()
    {
        AssertSingle(Program("resources:\n  w:\n    type: \"test:index:Widget\"\n"),
            "resources.w.properties.name",
            "required property \"name\" of test:index:Widget is missing");
    }

    [Fact]
    public void A_required_property_may_not_be_null()
    {
        AssertSingle(Widget("name: null"), "resources.w.properties.name", "required property \"name\" of test:index:Widget is null");
    }

    [Fact]
    public void Optional_properties_may_be_null()
    {
        AssertConforms(Widget("name: \"w\"\nsize: null\nsku: ~\ntags:"));
    }

    [Theory]
    [InlineData("size: \"3\"", "size", "\"3\" (a string) does not match the expected type integer")]
    [InlineData("size: 1.5", "size", "1.5 (a float) does not match the expected type integer")]
    [InlineData("size: true", "size", "true (a boolean) does not match the expected type integer")]
    [InlineData("ratio: \"0.5\"", "ratio", "\"0.5\" (a string) does not match the expected type number")]
    [InlineData("enabled: \"true\"", "enabled", "\"true\" (a string) does not match the expected type boolean")]
    [InlineData("enabled: yes", "enabled", "\"yes\" (a string) does not match the expected type boolean")]
    [InlineData("enabled: 1", "enabled", "1 (an integer) does not match the expected type boolean")]
    [InlineData("zones: \"1\"", "zones", "\"1\" (a string) does not match the expected type array<string>")]
    [InlineData("tags: [\"a\"]", "tags", "a sequence does not match the expected type map<string>")]
    [InlineData("sku: \"Basic\"", "sku", "\"Basic\" (a string) does not match the expected type test:index:Sku")]
    [InlineData("zones:\n  a: \"1\"", "zones", "a mapping does not match the expected type array<string>")]
    public void Values_of_the_wrong_type_are_violations(string property, string name, string message)
    {
        AssertSingle(Widget("name: \"w\"\n" + property), "resources.w.properties." + name, message);
    }

    [Theory]
    [InlineData("size: 3")]
    [InlineData("size: -3")]
    [InlineData("size: 0x1F")]
    [InlineData("ratio: 3")]
    [InlineData("ratio: 1e3")]
    [InlineData("ratio: -.5")]
    [InlineData("enabled: True")]
    [InlineData("name: 'single quoted'")]
    [InlineData("name: plain text")]
    [InlineData("name: |\n  literal\n  block")]
    [InlineData("name: >\n  folded")]
    public void Yaml_scalars_are_typed_by_the_core_schema(string property)
    {
        string properties = property.StartsWith("name:", StringComparison.Ordinal) ? property : "name: \"w\"\n" + property;
        AssertConforms(Widget(properties));
    }

    [Fact]
    public void Quoted_numbers_are_strings()
    {
        AssertConforms(Widget("name: \"123\""));
        AssertSingle(Widget("name: 123"), "resources.w.properties.name", "123 (an integer) does not match the expected type string");
    }

    [Fact]
    public void Array_items_are_checked_with_their_index()
    {
        AssertSingle(Widget("name: \"w\"\nports:\n  - 80\n  - \"443\""),
            "resources.w.properties.ports[1]",
            "\"443\" (a string) does not match the expected type integer");
    }

    [Fact]
    public void Map_values_are_checked_with_their_key()
    {
        AssertSingle(Widget("name: \"w\"\ntags:\n  env: \"dev\"\n  count: 3"),
            "resources.w.properties.tags.count",
            "3 (an integer) does not match the expected type string");
    }

    [Fact]
    public void Nested_objects_are_checked_recursively()
    {
        IReadOnlyList<ConformanceViolation> violations = Check(Widget("""
            name: "w"
            sku:
              capacity: "2"
              tierName: "x"
            rules:
              - protocol: "tcp"
                next:
                  port: "81"
            labels:
              a:
                port: 1
                extra: true
            timeouts:
              create: 5
            """));

        Assert.Equal(
            [
                new ConformanceViolation("resources.w.properties.sku.capacity", "\"2\" (a string) does not match the expected type integer"),
                new ConformanceViolation("resources.w.properties.sku.tierName", "unknown property \"tierName\": test:index:Sku has no input property of that name"),
                new ConformanceViolation("resources.w.properties.sku.name", "required property \"name\" of test:index:Sku is missing"),
                new ConformanceViolation("resources.w.properties.rules[0].next.port", "\"81\" (a string) does not match the expected type integer"),
                new ConformanceViolation("resources.w.properties.rules[0].port", "required property \"port\" of test:index:Rule is missing"),
                new ConformanceViolation("resources.w.properties.labels.a.extra", "unknown property \"extra\": test:index:Rule has no input property of that name"),
                new ConformanceViolation("resources.w.properties.timeouts.create", "5 (an integer) does not match the expected type string"),
            ],
            violations);
    }

    [Fact]
    public void An_enum_value_must_be_one_of_the_allowed_values()
    {
        AssertSingle(Widget("name: \"w\"\ncolor: \"blue\""),
            "resources.w.properties.color",
            "\"blue\" (a string) is not a value of the enum test:index:Color (allowed: \"red\", \"green\")");
    }

    [Fact]
    public void An_enum_inside_an_object_is_checked()
    {
        AssertSingle(Widget("name: \"w\"\nsku:\n  name: \"Premium\""),
            "resources.w.properties.sku.name",
            "\"Premium\" (a string) is not a value of the enum test:index:SkuName (allowed: \"Basic\", \"Standard\")");
    }

    [Fact]
    public void An_integer_enum_compares_numbers()
    {
        AssertConforms(Widget("name: \"w\"\nlevel: 3"));
        AssertSingle(Widget("name: \"w\"\nlevel: 4"),
            "resources.w.properties.level",
            "4 (an integer) is not a value of the enum test:index:Level (allowed: 1, 2, 3)");
        AssertSingle(Widget("name: \"w\"\nlevel: \"1\""),
            "resources.w.properties.level",
            "\"1\" (a string) is not a value of the enum test:index:Level (allowed: 1, 2, 3)");
    }

    [Fact]
    public void A_string_or_enum_union_accepts_any_string_but_not_other_kinds()
    {
        AssertConforms(Widget("name: \"w\"\nmode: \"Fast\""));
        AssertConforms(Widget("name: \"w\"\nmode: \"NotAnEnumValue\""));
        AssertSingle(Widget("name: \"w\"\nmode: 5"),
            "resources.w.properties.mode",
            "5 (an integer) matches none of the alternatives of oneOf(string | test:index:Mode)");
    }

    [Fact]
    public void A_plain_enum_reference_does_not_accept_other_strings()
    {
        AssertSingle(Program("resources:\n  g:\n    type: \"test:index:Gadget\"\n    properties:\n      mode: \"Medium\"\n"),
            "resources.g.properties.mode",
            "\"Medium\" (a string) is not a value of the enum test:index:Mode (allowed: \"Fast\", \"Slow\")");
    }

    [Fact]
    public void A_discriminated_union_is_checked_against_the_member_its_discriminator_selects()
    {
        AssertConforms(Widget("name: \"w\"\npolicy:\n  policyType: \"Daily\"\n  hour: 3"));
        AssertSingle(Widget("name: \"w\"\npolicy:\n  policyType: \"Daily\"\n  day: \"Monday\"\n  hour: 3"),
            "resources.w.properties.policy.day",
            "unknown property \"day\": test:index:DailyPolicy has no input property of that name");
        AssertSingle(Widget("name: \"w\"\npolicy:\n  policyType: \"Weekly\""),
            "resources.w.properties.policy.day",
            "required property \"day\" of test:index:WeeklyPolicy is missing");
    }

    [Fact]
    public void A_discriminated_union_needs_a_known_discriminator_value()
    {
        AssertSingle(Widget("name: \"w\"\npolicy:\n  policyType: \"Monthly\"\n  day: \"1\""),
            "resources.w.properties.policy.policyType",
            "\"Monthly\" is not a value of the discriminator \"policyType\" of oneOf(test:index:DailyPolicy | test:index:WeeklyPolicy) (allowed: \"Daily\", \"Weekly\")");
        AssertSingle(Widget("name: \"w\"\npolicy:\n  hour: 3"),
            "resources.w.properties.policy.policyType",
            "the discriminator property \"policyType\" of oneOf(test:index:DailyPolicy | test:index:WeeklyPolicy) is missing (one of \"Daily\", \"Weekly\")");
    }

    [Fact]
    public void A_const_property_must_have_its_constant_value()
    {
        AssertSingle(Widget("name: \"w\"\nkind: \"variable\""),
            "resources.w.properties.kind",
            "\"variable\" (a string) is not the constant \"fixed\" that this property requires");
    }

    [Fact]
    public void Any_and_json_accept_every_value_but_still_check_expressions_inside()
    {
        AssertConforms(Widget("name: \"w\"\nsettings: 5\ndocument:\n  a: [true, null]"));
        AssertSingle(Widget("name: \"w\"\nsettings:\n  a:\n    - \"${nowhere}\""),
            "resources.w.properties.settings.a[0]",
            "${nowhere} refers to the unknown name \"nowhere\": it is no resource, variable or config key of this program");
    }

    [Fact]
    public void Assets_and_archives_need_the_fn_forms()
    {
        AssertSingle(Widget("name: \"w\"\ncontent: \"./index.html\""),
            "resources.w.properties.content",
            "\"./index.html\" (a string) does not match the expected type asset: give an fn::fileAsset, fn::stringAsset, fn::remoteAsset, fn::fileArchive, fn::remoteArchive or fn::assetArchive");
    }

    [Fact]
    public void An_asset_input_also_accepts_an_archive_but_an_archive_input_does_not_accept_an_asset()
    {
        AssertConforms(Widget("name: \"w\"\ncontent:\n  fn::remoteArchive: \"https://example.com/a.zip\""));
        AssertSingle(Widget("name: \"w\"\nbundle:\n  fn::stringAsset: \"<h1>hi</h1>\""),
            "resources.w.properties.bundle",
            "fn::stringAsset has type asset, which does not match the expected type archive");
    }

    [Fact]
    public void Escaped_dollars_are_literal_text()
    {
        AssertConforms(Widget("name: \"costs $$5 and $${notAReference}\""));
        AssertSingle(Widget("name: \"w\"\ncolor: \"$$red\""),
            "resources.w.properties.color",
            "\"$red\" (a string) is not a value of the enum test:index:Color (allowed: \"red\", \"green\")");
    }
}
