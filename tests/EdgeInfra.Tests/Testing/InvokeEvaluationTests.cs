using System.Collections.Immutable;
using EdgeInfra.Expressions;
using EdgeInfra.Testing;
using Moq;
using static EdgeInfra.Tests.Testing.MockRuns;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>Provider function calls (<c>fn::invoke</c>) evaluated through <see cref="IMocks.CallAsync"/>.</summary>
public sealed class InvokeEvaluationTests
{
    private const string ClientConfig = "azure-native:authorization:getClientConfig";
    private const string GetVault = "azure-native:keyvault:getVault";

    private static Mock<IMocks> Mocks(object callResult)
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync((MockResourceArgs a) => (a.Name + "-id", (object)a.Inputs));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync(callResult);
        return mocks;
    }

    [Fact]
    public async Task An_invoke_without_return_is_the_whole_result_normalized()
    {
        var mocks = Mocks(new Dictionary<string, object?> { ["tenantId"] = "t-1", ["zones"] = new List<int> { 1, 2 }, ["ratio"] = 0.5f });
        var value = await Evaluate(() => Deployment.Invoke<object>(ClientConfig), mocks.Object);
        AssertSame(Map(("tenantId", "t-1"), ("zones", List(1L, 2L)), ("ratio", 0.5)), value);
    }

    [Fact]
    public async Task An_invoke_with_return_is_that_property()
    {
        var mocks = Mocks(new Dictionary<string, object?> { ["tenantId"] = "t-1", ["objectId"] = "o-1" });
        var value = await Evaluate(() => Deployment.Invoke<object>(ClientConfig).GetProperty<string>("tenantId"), mocks.Object);
        Assert.Equal("t-1", value);
    }

    [Fact]
    public async Task An_invoke_with_a_deeper_path_follows_it_past_the_return_property()
    {
        var mocks = Mocks(new Dictionary<string, object?>
        {
            ["properties"] = new Dictionary<string, object?> { ["vaultUri"] = "https://kv/", ["accessPolicies"] = new[] { new Dictionary<string, object?> { ["objectId"] = "o-9" } } },
        });
        var value = await Evaluate(
            () =>
            {
                var vault = Deployment.Invoke<object>(GetVault, new PropertyMap { ["vaultName"] = "kv" });
                return new PropertyMap
                {
                    ["uri"] = vault.GetProperty<object>("properties").GetProperty<string>("vaultUri"),
                    ["policy"] = vault.GetProperty<object>("properties").GetProperty<ImmutableArray<object>>("accessPolicies").GetItem<object>(0).GetProperty<string>("objectId"),
                    ["missing"] = vault.GetProperty<object>("sku").GetProperty<string>("name"),
                };
            },
            mocks.Object);
        AssertSame(Map(("uri", "https://kv/"), ("policy", "o-9"), ("missing", null)), value);
    }

    [Fact]
    public async Task Arguments_are_resolved_before_the_call_and_the_call_is_recorded()
    {
        var mocks = Mocks(new Dictionary<string, object?> { ["id"] = "found" });
        var result = await Run(
            () =>
            {
                var rg = TestStacks.Group("rg", new PropertyMap { ["resourceGroupName"] = "rg-edge" });
                Subject(Deployment.Invoke<object>(GetVault, new PropertyMap { ["vaultName"] = "kv", ["resourceGroupName"] = rg.GetOutput<string>("resourceGroupName"), ["tags"] = new[] { "a" } }));
            },
            mocks.Object);
        var call = Assert.Single(result.Calls);
        Assert.Equal(GetVault, call.Token);
        Assert.Null(call.Provider);
        AssertSame(Map(("vaultName", "kv"), ("resourceGroupName", "rg-edge"), ("tags", List("a"))), call.Args);
        mocks.Verify(m => m.CallAsync(It.Is<MockCallArgs>(a => a.Token == GetVault && (string?)a.Args["resourceGroupName"] == "rg-edge")), Times.Once());
    }

    [Fact]
    public async Task The_same_call_is_made_once_per_run_whoever_makes_it()
    {
        var mocks = Mocks(new Dictionary<string, object?> { ["tenantId"] = "t-1", ["objectId"] = "o-1" });
        var result = await Run(
            () =>
            {
                Thing("a", new PropertyMap { ["tenant"] = Deployment.Invoke<object>(ClientConfig).GetProperty<string>("tenantId") });
                Thing("b", new PropertyMap { ["tenant"] = Deployment.Invoke<object>(ClientConfig).GetProperty<string>("tenantId"), ["object"] = Deployment.Invoke<object>(ClientConfig).GetProperty<string>("objectId") });
                Thing("c", new PropertyMap { ["all"] = Deployment.Invoke<object>(ClientConfig) });
            },
            mocks.Object);
        mocks.Verify(m => m.CallAsync(It.IsAny<MockCallArgs>()), Times.Once());
        Assert.Single(result.Calls);
        Assert.Equal("t-1", result.Resource("b").Inputs["tenant"]);
        Assert.Equal("o-1", result.Resource("b").Inputs["object"]);
    }

    [Fact]
    public async Task Calls_with_different_arguments_or_providers_are_different_calls()
    {
        var mocks = Mocks(new Dictionary<string, object?>());
        var result = await Run(
            () =>
            {
                var weu = new ProviderResource("azure-native", "weu", new PropertyMap { ["location"] = "westeurope" }, "3.28.0");
                Thing("a", new PropertyMap
                {
                    ["one"] = Deployment.Invoke<object>(GetVault, new PropertyMap { ["vaultName"] = "one" }),
                    ["two"] = Deployment.Invoke<object>(GetVault, new PropertyMap { ["vaultName"] = "two" }),
                    ["again"] = Deployment.Invoke<object>(GetVault, new PropertyMap { ["vaultName"] = "one" }),
                    ["weu"] = Deployment.Invoke<object>(GetVault, new PropertyMap { ["vaultName"] = "one" }, new InvokeOptions { Provider = weu }),
                });
            },
            mocks.Object);
        Assert.Equal(["one/", "two/", "one/weu"], result.Calls.Select(c => c.Args["vaultName"] + "/" + c.Provider));
        mocks.Verify(m => m.CallAsync(It.IsAny<MockCallArgs>()), Times.Exactly(3));
    }

    [Fact]
    public async Task An_invoke_through_an_explicit_provider_names_it_and_comes_after_it()
    {
        var order = new List<string>();
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .Callback((MockResourceArgs a) => order.Add(a.Name))
            .ReturnsAsync((MockResourceArgs a) => (a.Name + "-id", (object)a.Inputs));
        mocks.Setup(m => m.CallAsync(It.Is<MockCallArgs>(a => a.Provider == "zz-weu")))
            .Callback((MockCallArgs a) => order.Add("call via " + a.Provider))
            .ReturnsAsync(new Dictionary<string, object?> { ["tenantId"] = "t-weu" });
        var result = await Run(
            () =>
            {
                var provider = new ProviderResource("azure-native", "zz-weu", new PropertyMap(), "3.28.0");
                Thing("a", new PropertyMap { ["tenant"] = Deployment.Invoke<object>(ClientConfig, null, new InvokeOptions { Provider = provider }).GetProperty<string>("tenantId") });
            },
            mocks.Object);
        Assert.Equal(["zz-weu", "call via zz-weu", "a"], order);
        Assert.Equal("t-weu", result.Resource("a").Inputs["tenant"]);
    }

    [Fact]
    public async Task A_null_result_is_an_empty_result()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync(("id", (object)ImmutableDictionary<string, object?>.Empty));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((object)null!);
        var value = await Evaluate(() => new PropertyMap { ["all"] = Deployment.Invoke<object>(ClientConfig), ["one"] = Deployment.Invoke<object>(ClientConfig).GetProperty<string>("tenantId") }, mocks.Object);
        AssertSame(Map(("all", Map()), ("one", null)), value);
    }
}
