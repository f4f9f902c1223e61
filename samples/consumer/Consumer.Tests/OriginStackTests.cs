using System.Collections.Immutable;
using Origin;

namespace Consumer.Tests;

/// <summary>The stack of single components, run against mocks.</summary>
public sealed class OriginStackTests
{
    [Fact]
    public async Task The_vault_admits_only_the_origin_subnet()
    {
        var result = await Stacks.TestAsync<OriginStack>("origin");

        var vault = Assert.Single(result.OfType("azure-native:keyvault:Vault"));
        var properties = (ImmutableDictionary<string, object?>)vault.Inputs["properties"]!;
        var acls = (ImmutableDictionary<string, object?>)properties["networkAcls"]!;
        Assert.Equal("Deny", acls["defaultAction"]);
        Assert.Single((IEnumerable<object?>)acls["virtualNetworkRules"]!);
    }

    [Fact]
    public async Task The_generated_secret_is_in_the_vault()
    {
        var result = await Stacks.TestAsync<OriginStack>("origin");

        Assert.Single(result.OfType("azure-native:keyvault:Secret"));
        Assert.Single(result.OfType("random:index/randomPassword:RandomPassword"));
    }
}
