using System.Collections.Immutable;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Akamai.Properties;

/// <summary>
/// Mocks that echo inputs and add what the Akamai provider computes: the CP code id <c>cpc_12345</c>, the property id
/// <c>prp_777</c> and its <c>latestVersion</c> 3, and an EdgeWorker's <c>edgeworkerId</c> 42.
/// </summary>
internal sealed class EdgePropertyMocks : EchoMocks
{
    public const string CpCodeId = "cpc_12345";
    public const string PropertyId = "prp_777";
    public const int LatestVersion = 3;

    public override async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var (id, state) = await base.NewResourceAsync(args);
        var outputs = (ImmutableDictionary<string, object?>)state;
        return args.Type switch
        {
            "akamai:index/cpCode:CpCode" => (CpCodeId, outputs),
            "akamai:index/property:Property" => (PropertyId, outputs.SetItem("latestVersion", (long)LatestVersion)),
            "akamai:index/edgeWorker:EdgeWorker" => (id, outputs.SetItem("edgeworkerId", 42L)),
            _ => (id, outputs),
        };
    }
}
