using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests;

/// <summary>
/// Mocks that echo inputs as outputs, and add what providers compute: <c>result</c> of random resources,
/// <c>name</c> (the logical name when no name input was given) and the subscription of <c>getClientConfig</c>.
/// Tests that need more of what a provider computes override <see cref="Complete"/>.
/// </summary>
internal class ComponentMocks() : EchoMocks(new Dictionary<string, object>
{
    ["azure-native:authorization:getClientConfig"] = ImmutableDictionary<string, object?>.Empty
        .Add("subscriptionId", "sub-1")
        .Add("tenantId", "tenant-1")
        .Add("objectId", "deployer-1")
        .Add("clientId", "client-1"),
    [ListStorageAccountKeysToken] = ImmutableDictionary<string, object?>.Empty
        .Add("keys", ImmutableArray.Create<object?>(
            ImmutableDictionary<string, object?>.Empty.Add("keyName", "key1").Add("value", StorageKey).Add("permissions", "FULL").Add("creationTime", "2026-01-01T00:00:00Z"),
            ImmutableDictionary<string, object?>.Empty.Add("keyName", "key2").Add("value", "MOCK-STORAGE-KEY-2").Add("permissions", "FULL").Add("creationTime", "2026-01-01T00:00:00Z"))),
})
{
    /// <summary>The first access key <c>listStorageAccountKeys</c> returns.</summary>
    public const string StorageKey = "MOCK-STORAGE-KEY-1";

    private const string ListStorageAccountKeysToken = "azure-native:storage:listStorageAccountKeys";

    public override async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var (id, state) = await base.NewResourceAsync(args);
        var outputs = (ImmutableDictionary<string, object?>)state;
        if (args.Type.StartsWith("random:", StringComparison.Ordinal))
        {
            outputs = outputs.SetItem("result", $"{args.Name}-result");
        }

        if (!outputs.ContainsKey("name"))
        {
            outputs = outputs.SetItem("name", args.Name);
        }

        return Complete(args, id, outputs);
    }

    /// <summary>What a test's provider computes beyond the defaults: the id and the outputs of the resource <paramref name="args"/> describes.</summary>
    protected virtual (string? Id, ImmutableDictionary<string, object?> Outputs) Complete(MockResourceArgs args, string? id, ImmutableDictionary<string, object?> outputs) =>
        (id, outputs);
}
