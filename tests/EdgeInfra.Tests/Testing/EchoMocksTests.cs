using System.Collections.Immutable;
using EdgeInfra.Testing;
using static EdgeInfra.Tests.Testing.MockRuns;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>The ready-made mocks: ids from names, inputs as outputs, call results per function token.</summary>
public sealed class EchoMocksTests
{
    [Fact]
    public async Task Resources_get_name_based_ids_and_their_inputs_as_state()
    {
        var (id, state) = await new EchoMocks().NewResourceAsync(new MockResourceArgs
        {
            Type = "azure-native:test:Thing",
            Name = "vault",
            Inputs = Map(("location", "westeurope")),
        });
        Assert.Equal("vault_id", id);
        AssertSame(Map(("location", "westeurope")), state);
    }

    [Fact]
    public async Task Calls_return_the_result_given_for_their_token_or_an_empty_result()
    {
        var mocks = new EchoMocks(new Dictionary<string, object> { ["azure-native:authorization:getClientConfig"] = new Dictionary<string, object> { ["tenantId"] = "t" } });
        var known = await mocks.CallAsync(new MockCallArgs { Token = "azure-native:authorization:getClientConfig" });
        var unknown = await mocks.CallAsync(new MockCallArgs { Token = "azure-native:keyvault:getVault" });
        Assert.Equal("t", Assert.IsType<Dictionary<string, object>>(known)["tenantId"]);
        Assert.Empty(Assert.IsType<ImmutableDictionary<string, object?>>(unknown));
    }

    [Fact]
    public async Task Overriding_a_method_changes_only_what_it_overrides()
    {
        var result = await Run(
            () => Thing("vault", new PropertyMap { ["name"] = "kv", ["uri"] = Deployment.Invoke<object>("azure-native:keyvault:getVault").GetProperty<string>("uri") }),
            new VaultUriMocks());
        Assert.Equal("vault_id", result.Resource("vault").Id);
        Assert.Equal("https://kv/", result.Resource("vault").Inputs["uri"]);
        Assert.Equal("kv", result.Resource("vault").Outputs["name"]);
    }

    [Fact]
    public void Args_print_their_values_for_failure_messages()
    {
        var args = new MockResourceArgs { Type = "azure-native:test:Thing", Name = "vault", Inputs = Map(("tags", Map(("b", 1L), ("a", new SecretValue("s"))))), Provider = "weu" };
        Assert.Equal("MockResourceArgs { Type = azure-native:test:Thing, Name = vault, Inputs = {\"tags\": {\"a\": secret(\"s\"), \"b\": 1}}, Provider = weu, Id = null }", args.ToString());
        var call = new MockCallArgs { Token = "random:index:getThing", Args = Map(("n", List(1.5, "x"))) };
        Assert.Equal("MockCallArgs { Token = random:index:getThing, Args = {\"n\": [1.5, \"x\"]}, Provider = null }", call.ToString());
    }

    private sealed class VaultUriMocks : EchoMocks
    {
        public override Task<object> CallAsync(MockCallArgs args) =>
            Task.FromResult<object>(new Dictionary<string, object?> { ["uri"] = "https://kv/" });
    }
}
