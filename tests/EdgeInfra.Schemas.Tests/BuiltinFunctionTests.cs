using static EdgeInfra.Schemas.Tests.ProgramText;

namespace EdgeInfra.Schemas.Tests;

public class BuiltinFunctionTests
{
    private const string Loc = "resources.w.properties.";

    [Fact]
    public void Every_built_in_function_used_correctly_conforms()
    {
        AssertConforms(Widget("""
            name:
              fn::join:
                - "-"
                - ["a", "${pulumi.stack}"]
            size:
              fn::select:
                - 0
                - [1, 2]
            zones:
              fn::split:
                - ","
                - "a,b"
            tags:
              json:
                fn::toJSON:
                  a: [1, 2]
              b64:
                fn::toBase64: "text"
              plain:
                fn::fromBase64: "dGV4dA=="
              file:
                fn::readFile: "./notes.txt"
            password:
              fn::secret: "hunter2"
            ports:
              fn::secret: [80, 443]
            content:
              fn::stringAsset: "<h1>hi</h1>"
            bundle:
              fn::assetArchive:
                index.html:
                  fn::fileAsset: "./index.html"
                lib:
                  fn::fileArchive: "./lib"
                remote:
                  fn::remoteAsset: "https://example.com/x"
            sku:
              name: "Basic"
              tier:
                fn::invoke:
                  function: "test:index:getThing"
                  arguments:
                    id: "thing"
                    depth: 2
                  options:
                    version: "1.2.3"
                  return: "value"
            """));
    }

    [Fact]
    public void An_unknown_fn_key_is_a_violation()
    {
        AssertSingle(Widget("name:\n  fn::concat: [\"a\", \"b\"]"),
            Loc + "name.fn::concat",
            "\"fn::concat\" is not a supported built-in function (supported: fn::invoke, fn::join, fn::select, fn::split, fn::toJSON, fn::toBase64, fn::fromBase64, fn::secret, fn::readFile, fn::fileAsset, fn::stringAsset, fn::remoteAsset, fn::fileArchive, fn::remoteArchive, fn::assetArchive)");
    }

    [Fact]
    public void Built_in_names_are_case_sensitive()
    {
        ConformanceViolation violation = Assert.Single(Check(Widget("name:\n  Fn::Join: [\"-\", [\"a\"]]")));
        Assert.Equal(Loc + "name.Fn::Join", violation.Location);
        Assert.StartsWith("\"Fn::Join\" is not a supported built-in function", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_fn_key_must_be_the_only_key_of_its_mapping()
    {
        AssertSingle(Widget("name: \"w\"\nsku:\n  fn::secret: \"x\"\n  name: \"Basic\""),
            Loc + "sku",
            "a mapping with an fn:: key must have no other key, but it has the keys \"fn::secret\", \"name\"");
    }

    [Fact]
    public void The_result_type_of_a_built_in_must_match_the_property()
    {
        AssertSingle(Widget("name: \"w\"\nsize:\n  fn::join: [\"\", [\"1\"]]"),
            Loc + "size",
            "fn::join has type string, which does not match the expected type integer");
        AssertSingle(Widget("name: \"w\"\nzones:\n  fn::toJSON: [\"a\"]"),
            Loc + "zones",
            "fn::toJSON has type string, which does not match the expected type array<string>");
        AssertSingle(Widget("name: \"w\"\nports:\n  fn::split: [\",\", \"1,2\"]"),
            Loc + "ports",
            "fn::split has type array<string>, which does not match the expected type array<integer>");
    }

    [Fact]
    public void Join_and_split_take_two_items()
    {
        AssertSingle(Widget("name:\n  fn::join: [\"-\"]"),
            Loc + "name.fn::join",
            "fn::join takes a sequence of two items [delimiter, values], not a sequence");
        AssertSingle(Widget("name: \"w\"\nzones:\n  fn::split: \"a,b\""),
            Loc + "zones.fn::split",
            "fn::split takes a sequence of two items [delimiter, source], not \"a,b\" (a string)");
    }

    [Fact]
    public void Built_in_arguments_are_type_checked()
    {
        AssertSingle(Widget("name:\n  fn::join: [1, [\"a\"]]"),
            Loc + "name.fn::join[0]",
            "1 (an integer) does not match the expected type string");
        AssertSingle(Widget("name:\n  fn::join: [\"-\", [\"a\", 2]]"),
            Loc + "name.fn::join[1][1]",
            "2 (an integer) does not match the expected type string");
        AssertSingle(Widget("name: \"w\"\nsize:\n  fn::select: [\"0\", [1]]"),
            Loc + "size.fn::select[0]",
            "\"0\" (a string) does not match the expected type integer");
        AssertSingle(Widget("name:\n  fn::toBase64: 5"),
            Loc + "name.fn::toBase64",
            "5 (an integer) does not match the expected type string");
        AssertSingle(Widget("name: \"w\"\nbundle:\n  fn::assetArchive:\n    a: \"./x\""),
            Loc + "bundle.fn::assetArchive.a",
            "\"./x\" (a string) does not match the expected type asset: give an fn::fileAsset, fn::stringAsset, fn::remoteAsset, fn::fileArchive, fn::remoteArchive or fn::assetArchive");
    }

    [Fact]
    public void Select_gives_a_value_of_unknown_type_that_fits_anywhere()
    {
        AssertConforms(Widget("name:\n  fn::select: [0, [\"a\"]]\nsize:\n  fn::select: [1, [\"a\", \"b\"]]"));
    }

    [Fact]
    public void Secret_has_the_type_of_its_argument()
    {
        AssertSingle(Widget("name: \"w\"\nsize:\n  fn::secret: \"3\""),
            Loc + "size.fn::secret",
            "\"3\" (a string) does not match the expected type integer");
        AssertSingle(Widget("name: \"w\"\ncolor:\n  fn::secret: \"blue\""),
            Loc + "color.fn::secret",
            "\"blue\" (a string) is not a value of the enum test:index:Color (allowed: \"red\", \"green\")");
    }

    [Fact]
    public void Invoke_needs_a_known_function()
    {
        AssertSingle(Widget("name:\n  fn::invoke:\n    function: \"test:index:getNothing\"\n    return: \"value\""),
            Loc + "name.fn::invoke.function",
            "\"test:index:getNothing\" is not a function of package test 1.2.3");
        AssertSingle(Widget("name:\n  fn::invoke:\n    function: \"aws:index:getAmi\""),
            Loc + "name.fn::invoke.function",
            "\"aws:index:getAmi\" is not a function of any loaded package (loaded: other, test)");
        AssertSingle(Widget("name:\n  fn::invoke:\n    return: \"value\""),
            Loc + "name.fn::invoke.function",
            "fn::invoke has no function: it needs the function token");
    }

    [Fact]
    public void Invoke_accepts_only_its_four_keys()
    {
        AssertSingle(Widget("name:\n  fn::invoke:\n    function: \"test:index:getClientConfig\"\n    args: {}\n    return: \"tenantId\""),
            Loc + "name.fn::invoke.args",
            "\"args\" is not a key of fn::invoke (allowed: function, arguments, options, return)");
    }

    [Fact]
    public void Invoke_arguments_are_checked_against_the_function_inputs()
    {
        IReadOnlyList<ConformanceViolation> violations = Check(Widget("""
            name:
              fn::invoke:
                function: "test:index:getThing"
                arguments:
                  depth: "2"
                  colour: "red"
                return: "value"
            """));

        Assert.Equal(
            [
                new ConformanceViolation(Loc + "name.fn::invoke.arguments.depth", "\"2\" (a string) does not match the expected type integer"),
                new ConformanceViolation(Loc + "name.fn::invoke.arguments.colour", "unknown property \"colour\": function test:index:getThing has no input property of that name"),
                new ConformanceViolation(Loc + "name.fn::invoke.arguments.id", "required property \"id\" of function test:index:getThing is missing"),
            ],
            violations);
    }

    [Fact]
    public void Invoke_without_arguments_still_needs_the_required_inputs()
    {
        AssertSingle(Widget("name:\n  fn::invoke:\n    function: \"test:index:getThing\"\n    return: \"value\""),
            Loc + "name.fn::invoke.arguments.id",
            "required property \"id\" of function test:index:getThing is missing");
    }

    [Fact]
    public void A_function_without_inputs_takes_no_arguments()
    {
        AssertSingle(Widget("name:\n  fn::invoke:\n    function: \"test:index:getClientConfig\"\n    arguments:\n      id: \"x\"\n    return: \"tenantId\""),
            Loc + "name.fn::invoke.arguments.id",
            "unknown property \"id\": function test:index:getClientConfig has no input property of that name");
    }

    [Fact]
    public void Invoke_return_must_be_an_output_and_gives_its_type()
    {
        AssertSingle(Widget("name:\n  fn::invoke:\n    function: \"test:index:getThing\"\n    arguments:\n      id: \"x\"\n    return: \"values\""),
            Loc + "name.fn::invoke.return",
            "\"values\" is not an output of function test:index:getThing (outputs: value, count, sku)");
        AssertSingle(Widget("name:\n  fn::invoke:\n    function: \"test:index:getThing\"\n    arguments:\n      id: \"x\"\n    return: \"count\""),
            Loc + "name",
            "fn::invoke has type integer, which does not match the expected type string");
    }

    [Fact]
    public void Invoke_without_return_gives_the_outputs_object()
    {
        AssertSingle(Widget("name:\n  fn::invoke:\n    function: \"test:index:getClientConfig\""),
            Loc + "name",
            "fn::invoke has type test:index:getClientConfig, which does not match the expected type string");
    }

    [Fact]
    public void Invoke_options_are_limited_and_checked()
    {
        IReadOnlyList<ConformanceViolation> violations = Check(Widget("""
            name:
              fn::invoke:
                function: "test:index:getClientConfig"
                options:
                  version: "1.0.0"
                  provider: "${other}"
                  parent: "${nothing}"
                  dependsOn: ["${other}"]
                  protect: true
                return: "tenantId"
            """, "  other:\n    type: \"other:index:Thing\"\n"));

        Assert.Equal(
            [
                new ConformanceViolation(Loc + "name.fn::invoke.options.version", "version \"1.0.0\" does not match the version \"1.2.3\" of the test schema"),
                new ConformanceViolation(Loc + "name.fn::invoke.options.provider", "${other} is a resource of type other:index:Thing, not a provider; provider needs a pulumi:providers:test resource"),
                new ConformanceViolation(Loc + "name.fn::invoke.options.parent", "${nothing} does not name a resource of this program; parent needs a resource reference \"${resourceName}\""),
                new ConformanceViolation(Loc + "name.fn::invoke.options.protect", "\"protect\" is not an invoke option (allowed: provider, version, parent, dependsOn)"),
            ],
            violations);
    }

    [Fact]
    public void Invoke_takes_a_mapping()
    {
        AssertSingle(Widget("name:\n  fn::invoke: \"test:index:getThing\""),
            Loc + "name.fn::invoke",
            "fn::invoke takes a mapping with the keys function, arguments, options, return, not \"test:index:getThing\" (a string)");
    }
}
