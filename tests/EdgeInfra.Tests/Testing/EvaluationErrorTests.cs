using System.Collections.Immutable;
using EdgeInfra.Testing;
using Moq;
using static EdgeInfra.Tests.Testing.MockRuns;

namespace EdgeInfra.Tests.Testing;

/// <summary>Bad input and failing mocks give errors that name the resource and the property being evaluated.</summary>
public sealed class EvaluationErrorTests
{
    private static CustomResource Host() => Thing("host", new PropertyMap { ["names"] = new[] { "a", "b" }, ["count"] = 2 });

    private static async Task<EvaluationException> Fails(Action build, IMocks? mocks = null, TestOptions? options = null) =>
        await Assert.ThrowsAsync<EvaluationException>(() => Run(build, mocks, options));

    [Fact]
    public async Task Select_out_of_range_names_the_resource_and_the_property()
    {
        var error = await Fails(() =>
        {
            var host = Host();
            Thing("user", new PropertyMap { ["network"] = new PropertyMap { ["rules"] = new object[] { "x", Output.Select<string>(5, host.GetOutput<ImmutableArray<string>>("names")) } } });
        });
        Assert.Equal("resource 'user' (azure-native:test:Thing), property 'network.rules[1]': fn::select: index 5 is out of range of a list of length 2 ([\"a\", \"b\"]).", error.Message);
        Assert.Equal("resource 'user' (azure-native:test:Thing)", error.Subject);
        Assert.Equal("network.rules[1]", error.Property);
    }

    [Fact]
    public async Task A_reference_index_out_of_range_names_the_reference()
    {
        var error = await Fails(() => Thing("user", new PropertyMap { ["ip"] = Host().GetOutput<ImmutableArray<string>>("names").GetItem<string>(2) }));
        Assert.Equal("resource 'user' (azure-native:test:Thing), property 'ip': reference to host.names[2]: index 2 is out of range of a list of length 2 (at '[2]').", error.Message);
    }

    [Fact]
    public async Task Selecting_a_property_of_a_string_is_an_error()
    {
        var error = await Fails(() => Thing("user", new PropertyMap { ["x"] = Host().GetOutput<object>("names").GetProperty<object>("first") }));
        Assert.Equal("resource 'user' (azure-native:test:Thing), property 'x': reference to host.names.first: cannot select '.first' of a list ([\"a\", \"b\"]).", error.Message);
    }

    [Fact]
    public async Task Join_of_items_that_are_not_strings_is_an_error()
    {
        var error = await Fails(() =>
        {
            var host = Host();
            Thing("user", new PropertyMap { ["label"] = Output.Join("-", new[] { Output.Create("n"), host.GetOutput<string>("count") }) });
        });
        Assert.Equal("resource 'user' (azure-native:test:Thing), property 'label': fn::join: item 1 of the values is a number (2), not a string.", error.Message);
    }

    [Fact]
    public async Task Interpolating_a_list_is_an_error()
    {
        var error = await Fails(() => Thing("user", new PropertyMap { ["label"] = Output.Format($"names: {Host().GetOutput<ImmutableArray<string>>("names")}") }));
        Assert.Equal("resource 'user' (azure-native:test:Thing), property 'label': interpolated string: part 1 is a list ([\"a\", \"b\"]), which cannot be part of a string.", error.Message);
    }

    [Fact]
    public async Task FromBase64_of_text_that_is_not_base64_is_an_error()
    {
        var error = await Fails(() => Thing("user", new PropertyMap { ["data"] = Output.FromBase64("not base64!") }));
        Assert.StartsWith("resource 'user' (azure-native:test:Thing), property 'data': fn::fromBase64: \"not base64!\" is not Base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFile_of_a_missing_file_names_the_path()
    {
        var directory = Directory.CreateTempSubdirectory("edgeinfra-readfile-");
        try
        {
            var error = await Fails(() => Thing("user", new PropertyMap { ["script"] = Output.ReadFile("missing.sh") }), options: Options(projectDirectory: directory.FullName));
            Assert.StartsWith($"resource 'user' (azure-native:test:Thing), property 'script': fn::readFile: cannot read 'missing.sh' ({Path.Combine(directory.FullName, "missing.sh")}): ", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_mock_that_throws_names_the_resource_and_keeps_the_exception()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.Is<MockResourceArgs>(a => a.Name == "vault"))).ThrowsAsync(new InvalidOperationException("quota exceeded"));
        var error = await Fails(() => Thing("vault"), mocks.Object);
        Assert.Equal("resource 'vault' (azure-native:test:Thing): the mock's NewResourceAsync threw InvalidOperationException: quota exceeded", error.Message);
        Assert.Equal("quota exceeded", Assert.IsType<InvalidOperationException>(error.InnerException).Message);
    }

    [Fact]
    public async Task A_call_mock_that_throws_names_the_resource_property_and_function()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ThrowsAsync(new KeyNotFoundException("no such vault"));
        var error = await Fails(() => Thing("user", new PropertyMap { ["uri"] = Deployment.Invoke<object>("azure-native:keyvault:getVault").GetProperty<string>("vaultUri") }), mocks.Object);
        Assert.Equal("resource 'user' (azure-native:test:Thing), property 'uri': the mock's CallAsync for azure-native:keyvault:getVault threw KeyNotFoundException: no such vault", error.Message);
    }

    [Fact]
    public async Task A_mock_state_that_is_no_dictionary_is_an_error()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync(("id", (object)"just text"));
        var error = await Fails(() => Thing("vault"), mocks.Object);
        Assert.Equal(
            "resource 'vault' (azure-native:test:Thing): the state the mock's NewResourceAsync returned cannot be read: it is a String, not a dictionary with string keys (such as Dictionary<string, object?> or ImmutableDictionary<string, object?>).",
            error.Message);
    }

    [Fact]
    public async Task A_mock_value_of_an_unsupported_type_is_an_error()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync(("id", (object)new Dictionary<string, object?> { ["when"] = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc) }));
        var error = await Fails(() => Thing("vault"), mocks.Object);
        Assert.StartsWith("resource 'vault' (azure-native:test:Thing): the state the mock's NewResourceAsync returned cannot be read: a DateTime (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_output_that_cannot_be_evaluated_names_the_output()
    {
        var error = await Assert.ThrowsAsync<EvaluationException>(() => RunOutputs(() => new Dictionary<string, object?>
        {
            ["first"] = Output.Select<string>(1, new[] { "only" }),
        }));
        Assert.Equal("stack output 'first': fn::select: index 1 is out of range of a list of length 1 ([\"only\"]).", error.Message);
    }

    [Fact]
    public async Task A_stack_that_cannot_be_built_throws_its_synthesis_exception()
    {
        var error = await Assert.ThrowsAsync<SynthesisException>(() => Run(() => Thing("vault", new PropertyMap { ["location"] = new Config().Require("location") })));
        Assert.Contains("Missing required config 'project:location' for stack 'test'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluating_a_resource_of_another_stack_is_an_error()
    {
        CustomResource? foreign = null;
        await Run(() => foreign = Thing("foreign"));
        var result = await Run(() => Thing("vault"));
        var error = Assert.Throws<EvaluationException>(() => result.Evaluate(foreign!.Id));
        Assert.Equal("value (reference to foreign.id): reference to foreign.id: resource 'foreign' is not a resource of the tested stack's program.", error.Message);
    }
}
