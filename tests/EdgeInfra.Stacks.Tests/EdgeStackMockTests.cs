using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using EdgeInfra.Testing;

namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// The repository's stacks, with the config of <c>Pulumi.dev.yaml</c> and <c>Pulumi.prod.yaml</c>, run against mocks:
/// the wiring between the edge and the origins followed end to end.
/// </summary>
public sealed class EdgeStackMockTests
{
    private static readonly Dictionary<string, Task<TestResult>> Runs = [];

    private static Task<TestResult> Run(string stack)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(stack, out var run))
            {
                run = Deployment.TestAsync<EdgeStack>(new StackMocks(), new TestOptions
                {
                    StackName = stack,
                    ProjectName = "edge-infra",
                    Config = StackConfig.Of(stack),
                    ProjectDirectory = Repository.Root,
                    Packages = StackProgram.Packages,
                });
                Runs[stack] = run;
            }

            return run;
        }
    }

    private static ImmutableDictionary<string, object?> Map(object? value) => (ImmutableDictionary<string, object?>)value!;

    private static IEnumerable<object?> List(object? value) => (IEnumerable<object?>)value!;

    private static object? Plain(object? value) => value is SecretValue secret ? secret.Value : value;

    /// <summary>The property's rule tree as the provider receives it (a JSON string, secret because it holds the origin secret).</summary>
    private static JsonElement Rules(TestResult result)
    {
        var rules = result.Resource("app-property-property").Inputs["rules"];
        Assert.IsType<SecretValue>(rules);
        return JsonDocument.Parse((string)Plain(rules)!).RootElement.GetProperty("rules");
    }

    private static string Fqdn(TestResult result, string region) =>
        (string)Map(result.Resource($"app-{region}-origin-pip").Outputs["dnsSettings"])["fqdn"]!;

    [Theory]
    [InlineData("dev", new[] { "weu" })]
    [InlineData("prod", new[] { "neu", "weu" })]
    public async Task The_property_origins_resolve_to_the_load_balancers_dns_names(string stack, string[] regions)
    {
        var result = await Run(stack);
        var rules = Rules(result);

        var defaultOrigin = rules.GetProperty("behaviors").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "origin");
        Assert.Equal(Fqdn(result, regions[0]), defaultOrigin.GetProperty("options").GetProperty("hostname").GetString());
        Assert.EndsWith(".cloudapp.azure.com", Fqdn(result, regions[0]), StringComparison.Ordinal);

        var conditional = rules.GetProperty("children").EnumerateArray().Last();
        Assert.Equal("Conditional origins", conditional.GetProperty("name").GetString());
        var origins = conditional.GetProperty("children").EnumerateArray().ToDictionary(
            rule => rule.GetProperty("criteria")[0].GetProperty("options").GetProperty("originId").GetString()!,
            rule => rule.GetProperty("behaviors")[0].GetProperty("options").GetProperty("hostname").GetString());
        Assert.Equal(regions.ToDictionary(r => $"origin_{r}", r => (string?)Fqdn(result, r)), origins);

        foreach (var region in regions)
        {
            // The load balancer's frontend is that public IP.
            var frontend = List(result.Resource($"app-{region}-origin-lb").Inputs["frontendIPConfigurations"]).Single();
            Assert.Equal(result.Resource($"app-{region}-origin-pip").Id, Map(Map(frontend)["publicIPAddress"])["id"]);
        }

        var edgeWorker = rules.GetProperty("behaviors").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "edgeWorker");
        Assert.Equal("4242", edgeWorker.GetProperty("options").GetProperty("edgeWorkerId").GetString());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_edge_and_the_origins_hold_the_same_key_vault_secret(string stack)
    {
        var result = await Run(stack);
        var secret = result.Resource("app-vault-secret-origin-auth");
        var stored = Map(secret.Inputs["properties"])["value"];
        Assert.Equal(new SecretValue("app-vault-secret-origin-auth-value-result"), stored);

        var variable = Rules(result).GetProperty("variables").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "PMUSER_ORIGIN_SECRET");
        Assert.Equal("app-vault-secret-origin-auth-value-result", variable.GetProperty("value").GetString());
        Assert.True(variable.GetProperty("sensitive").GetBoolean());

        var vaultUri = (string)Map(result.Resource("app-vault-vault").Outputs["properties"])["vaultUri"]!;
        var vms = result.OfType<EdgeInfra.AzureNative.Compute.VirtualMachine>().ToList();
        Assert.NotEmpty(vms);
        foreach (var vm in vms)
        {
            var boot = Encoding.UTF8.GetString(Convert.FromBase64String((string)Map(vm.Inputs["osProfile"])["customData"]!));
            Assert.Contains(vaultUri, boot, StringComparison.Ordinal);
            Assert.Contains("origin-auth", boot, StringComparison.Ordinal);
        }

        // Each origin identity may read that one secret, nothing else in the vault.
        var grants = result.OfType<EdgeInfra.AzureNative.Authorization.RoleAssignment>().Where(r => r.LogicalName.EndsWith("-identity-secrets-user", StringComparison.Ordinal)).ToList();
        Assert.Equal(vms.Select(vm => vm.LogicalName.Split("-origin-")[0]).Distinct().Count(), grants.Count);
        Assert.All(grants, grant => Assert.Equal(secret.Id, grant.Inputs["scope"]));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_nsg_admits_exactly_the_configured_edge_cidrs(string stack)
    {
        var result = await Run(stack);
        var edgeCidrs = JsonSerializer.Deserialize<string[]>(StackConfig.Of(stack)["edgeCidrs"])!;
        var groups = result.OfType<EdgeInfra.AzureNative.Network.NetworkSecurityGroup>().ToList();
        Assert.Equal(JsonSerializer.Deserialize<JsonElement[]>(StackConfig.Of(stack)["regions"])!.Length, groups.Count);
        foreach (var group in groups)
        {
            var allowed = List(group.Inputs["securityRules"]).Select(Map)
                .Where(rule => (string?)rule["access"] == "Allow" && (string?)rule["direction"] == "Inbound")
                .ToList();
            var fromEdge = Assert.Single(allowed, rule => rule.ContainsKey("sourceAddressPrefixes") && rule["sourceAddressPrefixes"] is not null);
            Assert.Equal(edgeCidrs, List(fromEdge["sourceAddressPrefixes"]).Cast<string>());
            Assert.Equal("443", fromEdge["destinationPortRange"]);
            Assert.All(allowed.Where(rule => rule != fromEdge), rule => Assert.Equal("AzureLoadBalancer", rule["sourceAddressPrefix"]));
        }
    }

    [Theory]
    [InlineData("dev", 1)]
    [InlineData("prod", 6)]
    public async Task Every_vm_is_backed_up_in_its_region_and_monitored(string stack, int vmCount)
    {
        var result = await Run(stack);
        var vms = result.OfType<EdgeInfra.AzureNative.Compute.VirtualMachine>().ToList();
        Assert.Equal(vmCount, vms.Count);
        var items = result.OfType<EdgeInfra.AzureNative.RecoveryServices.ProtectedItem>().ToList();
        var vaults = result.OfType<EdgeInfra.AzureNative.RecoveryServices.Vault>().ToDictionary(v => (string)v.Outputs["name"]!);
        var agents = result.OfType<EdgeInfra.AzureNative.Compute.VirtualMachineExtension>().Where(e => (string?)e.Inputs["publisher"] == "Microsoft.Azure.Monitor").ToList();
        var associations = result.OfType<EdgeInfra.AzureNative.Monitor.DataCollectionRuleAssociation>().ToList();
        foreach (var vm in vms)
        {
            var item = Assert.Single(items, i => Equals(Map(i.Inputs["properties"])["sourceResourceId"], vm.Id));
            Assert.Equal(vm.Inputs["location"], vaults[(string)item.Inputs["vaultName"]!].Inputs["location"]);
            Assert.Single(agents, a => Equals(a.Inputs["vmName"], vm.Outputs["name"]));
            Assert.Single(associations, a => Equals(a.Inputs["resourceUri"], vm.Id));
        }
    }

    [Fact]
    public async Task Production_activations_wait_for_staging_and_for_the_edge_worker()
    {
        var result = await Run("prod");
        var production = result.Resource("app-property-production");
        Assert.Equal("PRODUCTION", production.Inputs["network"]);
        Assert.Equal(["app-gateway-activation-production", "app-property-staging"], production.Options.DependsOn.Select(r => r.LogicalName).Order(StringComparer.Ordinal));
        Assert.Equal(["app-gateway-activation-staging"], result.Resource("app-property-staging").Options.DependsOn.Select(r => r.LogicalName));
        Assert.Equal(["app-gateway-activation-staging"], result.Resource("app-gateway-activation-production").Options.DependsOn.Select(r => r.LogicalName));
        Assert.Equal(7L, result.Outputs["propertyProductionVersion"]);
    }

    [Fact]
    public async Task Dev_activates_staging_only_and_locks_nothing()
    {
        var result = await Run("dev");
        Assert.DoesNotContain(result.Resources, r => r.LogicalName.EndsWith("-production", StringComparison.Ordinal));
        Assert.DoesNotContain("propertyProductionVersion", result.Outputs.Keys);
        Assert.DoesNotContain(result.Resources, r => r.Options.Protect);
    }

    [Fact]
    public async Task Prod_protects_its_stateful_resources()
    {
        var result = await Run("prod");
        string[] stateful = ["rg", "app-vault-vault", "app-neu-origin-vm-1", "app-weu-origin-vm-3", "app-neu-backup-vault", "app-neu-net-vnet", "app-monitoring-workspace", "app-edge-logs-storage"];
        Assert.All(stateful, name => Assert.True(result.Resource(name).Options.Protect, name));
        Assert.All(stateful.Skip(1), name => Assert.True(result.Resource(name).Options.RetainOnDelete, name));
    }

    [Fact]
    public async Task The_stack_outputs_the_edge_and_origin_hostnames_vault_workspace_and_versions()
    {
        var result = await Run("dev");
        Assert.Equal(
            ["edgeHostname", "edgeWorkerVersion", "originHostname", "propertyStagingVersion", "resourceGroupName", "vaultUri", "workspaceId"],
            result.Outputs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Fqdn(result, "weu"), result.Outputs["originHostname"]);
        Assert.Equal("https://kv-edgeinfra-dev-weu.vault.azure.net/", result.Outputs["vaultUri"]);
        Assert.Matches("^1\\.3\\.1-c[0-9a-f]{8}$", (string)result.Outputs["edgeWorkerVersion"]!);
    }
}
