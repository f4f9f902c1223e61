using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace Consumer.Tests;

/// <summary>Mocks that echo inputs as outputs, with the client config Azure would return.</summary>
internal sealed class SampleMocks() : EchoMocks(new Dictionary<string, object>
{
    ["azure-native:authorization:getClientConfig"] = ImmutableDictionary<string, object?>.Empty
        .Add("subscriptionId", "sub-1")
        .Add("tenantId", "tenant-1")
        .Add("objectId", "deployer-1")
        .Add("clientId", "client-1"),
});
