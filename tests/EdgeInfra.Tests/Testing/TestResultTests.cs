using System.Collections.Immutable;
using EdgeInfra.Testing;
using Moq;
using static EdgeInfra.Tests.Testing.MockRuns;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>What a run gives back: resources by name and type, stack outputs, calls, and evaluation of any value after the run.</summary>
public sealed class TestResultTests
{
    private const string ClientConfig = "azure-native:authorization:getClientConfig";

    [Fact]
    public async Task Resource_finds_a_resource_by_logical_name_or_by_object()
    {
        CustomResource? vault = null;
        var result = await Run(() => vault = Thing("vault"));
        Assert.Same(vault, result.Resource("vault").Resource);
        Assert.Same(result.Resource("vault"), result.Resource(vault!));
    }

    [Fact]
    public async Task Resource_with_an_unknown_name_lists_the_names_there_are()
    {
        var result = await Run(() =>
        {
            Thing("vault");
            TestStacks.Group("rg");
        });
        var error = Assert.Throws<KeyNotFoundException>(() => result.Resource("valt"));
        Assert.Equal("The stack has no resource named 'valt'; its resources are: rg, vault.", error.Message);
    }

    [Fact]
    public async Task OfType_selects_by_type_token_or_by_dotnet_type()
    {
        var result = await Run(() =>
        {
            new Vault("kv-b");
            new Vault("kv-a");
            Thing("other");
            new ProviderResource("azure-native", "weu", new PropertyMap(), "3.28.0");
        });
        Assert.Equal(["kv-a", "kv-b"], result.OfType("azure-native:keyvault:Vault").Select(r => r.LogicalName));
        Assert.Equal(["kv-a", "kv-b"], result.OfType<Vault>().Select(r => r.LogicalName));
        Assert.Equal(["weu"], result.OfType<ProviderResource>().Select(r => r.LogicalName));
        Assert.Equal(4, result.OfType<CustomResource>().Count());
        Assert.Empty(result.OfType("azure-native:keyvault:SecretValue"));
    }

    [Fact]
    public async Task Evaluate_resolves_any_output_after_the_run_to_what_the_mock_returned()
    {
        Vault? vault = null;
        var result = await Run(() => vault = new Vault("kv"), new VaultMocks());
        Assert.Equal("https://kv.vault.azure.net/", result.Evaluate(vault!.VaultUri));
        Assert.Equal("https://kv.vault.azure.net/", result.Evaluate<string>(vault.VaultUri));
        Assert.Equal("kv-id", await result.EvaluateAsync(vault.Id));
        Assert.Equal("https://kv.vault.azure.net/secrets", result.Evaluate(Output.Format($"{vault.VaultUri}secrets")));
    }

    [Fact]
    public async Task Evaluate_of_a_typed_output_converts_lists_numbers_and_secrets()
    {
        Vault? vault = null;
        var result = await Run(() => vault = new Vault("kv"), new VaultMocks());
        Assert.Equal(["10.0.0.1", "10.0.0.2"], result.Evaluate(vault!.GetOutput<ImmutableArray<string>>("allowedIps")).AsEnumerable());
        Assert.Equal(["10.0.0.1", "10.0.0.2"], result.Evaluate(vault.GetOutput<string[]>("allowedIps")));
        Assert.Equal(90, result.Evaluate(vault.GetOutput<int>("retentionDays")));
        Assert.Equal("p@ss", result.Evaluate(vault.GetOutput<string>("adminPassword")));
        Assert.True(result.IsSecret(vault.GetOutput<string>("adminPassword")));
        Assert.False(result.IsSecret(vault.VaultUri));
        var error = Assert.Throws<InvalidCastException>(() => result.Evaluate(vault.GetOutput<int>("vaultUri")));
        Assert.StartsWith("The reference to kv.vaultUri evaluated to a string \"https://kv.vault.azure.net/\", which is not of type Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_makes_calls_the_run_did_not_make_and_reuses_those_it_did()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync(("id", (object)new Dictionary<string, object?>()));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs a) => new Dictionary<string, object?> { ["tenantId"] = "t-" + a.Provider });
        var result = await Run(() => Thing("a", new PropertyMap { ["tenant"] = Deployment.Invoke<object>(ClientConfig).GetProperty<string>("tenantId") }), mocks.Object);
        Assert.Single(result.Calls);
        Assert.Equal("t-", result.Evaluate(Deployment.Invoke<object>(ClientConfig).GetProperty<string>("tenantId")));
        Assert.Single(result.Calls);
        AssertSame(Map(("tenantId", "t-")), result.Evaluate(Deployment.Invoke<object>(ClientConfig)));
        AssertSame(Map(("x", 1L)), await result.EvaluateAsync(Output.Create(new PropertyMap { ["x"] = 1 })));
        Assert.Equal("t-", result.Evaluate(Deployment.Invoke<object>("azure-native:authorization:getClientToken")).As<ImmutableDictionary<string, object?>>()["tenantId"]);
        Assert.Equal(2, result.Calls.Count);
        mocks.Verify(m => m.CallAsync(It.IsAny<MockCallArgs>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Mocks_that_complete_later_work_for_the_run_and_for_evaluation_after_it()
    {
        var result = await Run(() => Thing("a", new PropertyMap { ["name"] = "a-name" }), new LaterMocks());
        Assert.Equal("later-a", result.Resource("a").Id);
        Assert.Equal("a-name", result.Resource("a").Outputs["name"]);
        Assert.Equal("t-later", result.Evaluate(Deployment.Invoke<object>(ClientConfig).GetProperty<string>("tenantId")));
    }

    [Fact]
    public async Task Stack_outputs_are_evaluated_by_name()
    {
        var result = await RunOutputs(() =>
        {
            var vault = Thing("vault", new PropertyMap { ["uri"] = "https://kv/" });
            return new Dictionary<string, object?>
            {
                ["vaultUri"] = vault.GetOutput<string>("uri"),
                ["vaultId"] = vault.Id,
                ["regions"] = new[] { "westeurope" },
                ["banner"] = Output.Format($"vault at {vault.GetOutput<string>("uri")}"),
            };
        });
        Assert.Equal(["banner", "regions", "vaultId", "vaultUri"], result.Outputs.Keys);
        Assert.Equal("https://kv/", result.Outputs["vaultUri"]);
        Assert.Equal("vault_id", result.Outputs["vaultId"]);
        AssertSame(List("westeurope"), result.Outputs["regions"]);
        Assert.Equal("vault at https://kv/", result.Outputs["banner"]);
    }

    [Fact]
    public async Task A_stack_class_is_tested_by_type_with_its_output_properties()
    {
        var options = new TestOptions { Packages = TestStacks.Packages, StackName = "prod", Config = new Dictionary<string, string> { ["vaultName"] = "kv-prod" } };
        var result = await StackTest.RunAsync<VaultStack>(new VaultMocks(), options);
        Assert.Equal("https://kv.vault.azure.net/", result.Outputs["vaultUri"]);
        Assert.Equal("kv-prod", result.Resource("kv").Inputs["vaultName"]);
        Assert.Equal("urn:pulumi:prod::project::azure-native:keyvault:Vault::kv", result.Resource("kv").Urn);
        Assert.Same(result.Graph.CustomResources.Single(), result.Resource("kv").Resource);
    }

    /// <summary>A resource class shaped like a generated binding.</summary>
    internal sealed class Vault(string name, PropertyMap? args = null) : CustomResource("azure-native:keyvault:Vault", name, args ?? new PropertyMap())
    {
        public Output<string> VaultUri => GetOutput<object>("properties").GetProperty<string>("vaultUri");
    }

    /// <summary>A stack as users write them, with a stack output property.</summary>
    public sealed class VaultStack : Stack
    {
        public VaultStack()
        {
            var vault = new Vault("kv", new PropertyMap { ["vaultName"] = new Config().Require("vaultName") });
            VaultUri = vault.VaultUri;
        }

        [Output]
        public Output<string> VaultUri { get; }
    }

    /// <summary>Hand-written mocks whose tasks complete after yielding, as mocks that do real asynchronous work would.</summary>
    private sealed class LaterMocks : IMocks
    {
        public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            await Task.Yield();
            return ("later-" + args.Name, args.Inputs);
        }

        public async Task<object> CallAsync(MockCallArgs args)
        {
            await Task.Yield();
            return new Dictionary<string, object?> { ["tenantId"] = "t-later" };
        }
    }

    private sealed class VaultMocks : EchoMocks
    {
        public override Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args) =>
            Task.FromResult<(string? id, object state)>((args.Name + "-id", args.Inputs
                .SetItem("properties", new Dictionary<string, object?> { ["vaultUri"] = "https://kv.vault.azure.net/" })
                .SetItem("vaultUri", "https://kv.vault.azure.net/")
                .SetItem("allowedIps", new[] { "10.0.0.1", "10.0.0.2" })
                .SetItem("retentionDays", 90)
                .SetItem("adminPassword", new SecretValue("p@ss"))));
    }
}

/// <summary>Casts in assertions.</summary>
internal static class CastExtensions
{
    public static T As<T>(this object? value) => Assert.IsType<T>(value);
}
