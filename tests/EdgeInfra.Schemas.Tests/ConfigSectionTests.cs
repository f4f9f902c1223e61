using static EdgeInfra.Schemas.Tests.ProgramText;

namespace EdgeInfra.Schemas.Tests;

public class ConfigSectionTests
{
    [Fact]
    public void Declarations_of_every_type_conform()
    {
        AssertConforms(Program("""
            config:
              location:
                type: "string"
                default: "westeurope"
              vmCount:
                type: "integer"
                default: 2
              enabled:
                type: "boolean"
                description: "Turns it on"
              regions:
                type: "array"
                items:
                  type: "string"
                default:
                  - "a"
                  - "b"
              apiKey:
                type: "string"
                secret: true
              inferred:
                default: 3
            """));
    }

    [Fact]
    public void Only_known_keys_are_allowed()
    {
        AssertSingle(Program("config:\n  x:\n    type: \"string\"\n    value: \"y\"\n"),
            "config.x.value",
            "\"value\" is not a key of a config declaration (allowed: type, items, secret, default, description)");
    }

    [Fact]
    public void The_type_must_be_string_integer_boolean_array_or_object()
    {
        AssertSingle(Program("config:\n  x:\n    type: \"number\"\n"),
            "config.x.type",
            "\"number\" (a string) is not a config type (allowed: string, integer, boolean, array, object)");
    }

    [Fact]
    public void An_array_needs_items()
    {
        AssertSingle(Program("config:\n  x:\n    type: \"array\"\n"),
            "config.x.items",
            "config type array needs items with the type of the elements");
    }

    [Fact]
    public void Items_must_have_a_valid_type()
    {
        AssertSingle(Program("config:\n  x:\n    type: \"array\"\n    items:\n      type: \"map\"\n"),
            "config.x.items.type",
            "\"map\" (a string) is not a config type (allowed: string, integer, boolean, array, object)");
    }

    [Fact]
    public void Items_are_only_for_arrays()
    {
        AssertSingle(Program("config:\n  x:\n    type: \"string\"\n    items:\n      type: \"string\"\n"),
            "config.x.items",
            "items is allowed only for the config type array, not string");
    }

    [Fact]
    public void Secret_must_be_a_boolean()
    {
        AssertSingle(Program("config:\n  x:\n    type: \"string\"\n    secret: \"yes\"\n"),
            "config.x.secret",
            "\"yes\" (a string) is not a boolean");
    }

    [Fact]
    public void The_default_must_match_the_type()
    {
        AssertSingle(Program("config:\n  x:\n    type: \"integer\"\n    default: \"2\"\n"),
            "config.x.default",
            "\"2\" (a string) does not match the expected type integer");
    }

    [Fact]
    public void A_declaration_needs_a_type_or_a_default()
    {
        AssertSingle(Program("config:\n  x:\n    secret: true\n"),
            "config.x.type",
            "config x has no type (one of string, integer, boolean, array, object) and no default to infer it from");
    }

    [Fact]
    public void A_declaration_must_be_a_mapping()
    {
        AssertSingle(Program("config:\n  x: \"value\"\n"),
            "config.x",
            "\"value\" (a string) is not a config declaration: a config entry is a mapping with the keys type, items, secret, default, description");
    }
}
