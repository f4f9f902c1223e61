using System.Collections.Immutable;
using EdgeInfra.Testing;
using static EdgeInfra.Tests.Testing.MockRuns;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>Secrets stay marked, and whatever is computed from a secret is a secret.</summary>
public sealed class SecretPropagationTests
{
    private static readonly Dictionary<string, string> ApiKey = new() { ["apiKey"] = "k3y" };

    [Fact]
    public async Task Interpolating_a_secret_makes_a_secret_string()
    {
        var value = await Evaluate(() => Output.Format($"Bearer {new Config().RequireSecret("apiKey")}"), options: Options(secretConfig: ApiKey));
        Assert.Equal(new SecretValue("Bearer k3y"), value);
    }

    [Fact]
    public async Task Joining_a_list_with_a_secret_item_makes_a_secret_string()
    {
        var value = await Evaluate(() => Output.Join(":", new[] { Output.Create("user"), new Config().RequireSecret("apiKey") }), options: Options(secretConfig: ApiKey));
        Assert.Equal(new SecretValue("user:k3y"), value);
    }

    [Fact]
    public async Task The_json_of_a_value_holding_a_secret_is_a_secret()
    {
        var value = await Evaluate(
            () => Output.JsonSerialize<object>(Output.Create<object>(new PropertyMap { ["headers"] = new PropertyMap { ["x-api-key"] = new Config().RequireSecret("apiKey") } })),
            options: Options(secretConfig: ApiKey));
        Assert.Equal(new SecretValue("{\"headers\":{\"x-api-key\":\"k3y\"}}"), value);
    }

    [Fact]
    public async Task Base64_and_split_of_a_secret_are_secrets()
    {
        var value = await Evaluate(
            () =>
            {
                var key = new Config().RequireSecret("apiKey");
                return new PropertyMap { ["encoded"] = Output.ToBase64(key), ["parts"] = Output.Split("3", key) };
            },
            options: Options(secretConfig: ApiKey));
        AssertSame(Map(("encoded", new SecretValue("azN5")), ("parts", new SecretValue(List("k", "y")))), value);
    }

    [Fact]
    public async Task A_list_keeps_its_secret_items_marked_and_select_keeps_the_mark_of_the_item_it_selects()
    {
        var value = await Evaluate(
            () =>
            {
                var list = new[] { Output.Create("plain"), new Config().RequireSecret("apiKey") };
                return new PropertyMap { ["list"] = list, ["plain"] = Output.Select<string>(0, list), ["secret"] = Output.Select<string>(1, list) };
            },
            options: Options(secretConfig: ApiKey));
        AssertSame(Map(("list", List("plain", new SecretValue("k3y"))), ("plain", "plain"), ("secret", new SecretValue("k3y"))), value);
    }

    [Fact]
    public async Task A_property_of_a_secret_output_is_a_secret()
    {
        var mocks = new SecretStateMocks();
        var value = await Evaluate(
            () =>
            {
                var account = Thing("account");
                return new PropertyMap
                {
                    ["password"] = account.GetOutput<object>("credentials").GetProperty<string>("password"),
                    ["first"] = account.GetOutput<ImmutableArray<string>>("keys").GetItem<string>(0),
                    ["text"] = Output.Format($"user={account.GetOutput<object>("credentials").GetProperty<string>("user")}"),
                };
            },
            mocks);
        AssertSame(Map(("password", new SecretValue("pw")), ("first", new SecretValue("key-1")), ("text", new SecretValue("user=admin"))), value);
    }

    [Fact]
    public async Task Secret_inputs_reach_the_mock_marked_and_echoed_outputs_stay_secret()
    {
        var result = await Run(
            () =>
            {
                var source = Thing("source", new PropertyMap { ["token"] = new Config().RequireSecret("apiKey") });
                Thing("user", new PropertyMap { ["copied"] = source.GetOutput<string>("token") });
            },
            options: Options(secretConfig: ApiKey));
        Assert.Equal(new SecretValue("k3y"), result.Resource("source").Inputs["token"]);
        Assert.Equal(new SecretValue("k3y"), result.Resource("source").Outputs["token"]);
        Assert.Equal(new SecretValue("k3y"), result.Resource("user").Inputs["copied"]);
    }

    [Fact]
    public async Task Additional_secret_outputs_are_secrets()
    {
        var result = await Run(() => Thing("account", new PropertyMap { ["name"] = "acc", ["key"] = "k" }, new CustomResourceOptions { AdditionalSecretOutputs = ["key"] }));
        Assert.Equal(new SecretValue("k"), result.Resource("account").Outputs["key"]);
        Assert.Equal("acc", result.Resource("account").Outputs["name"]);
        Assert.Equal("k", result.Resource("account").Inputs["key"]);
    }

    [Fact]
    public async Task An_invoke_with_a_secret_argument_returns_a_secret()
    {
        var mocks = new EchoMocks(new Dictionary<string, object> { ["random:index:getThing"] = new Dictionary<string, object> { ["value"] = "v" } });
        var value = await Evaluate(
            () => Deployment.Invoke<object>("random:index:getThing", new PropertyMap { ["seed"] = new Config().RequireSecret("apiKey") }).GetProperty<string>("value"),
            mocks,
            Options(secretConfig: ApiKey));
        Assert.Equal(new SecretValue("v"), value);
    }

    private sealed class SecretStateMocks : EchoMocks
    {
        public override Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args) =>
            args.Name == "account"
                ? Task.FromResult<(string? id, object state)>(("acc-id", new Dictionary<string, object?>
                {
                    ["credentials"] = new SecretValue(new Dictionary<string, object?> { ["user"] = "admin", ["password"] = "pw" }),
                    ["keys"] = new SecretValue(new[] { "key-1", "key-2" }),
                }))
                : base.NewResourceAsync(args);
    }
}
