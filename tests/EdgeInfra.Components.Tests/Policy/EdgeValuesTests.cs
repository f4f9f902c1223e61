using System.Text.Json;
using EdgeInfra.Components.Policy;

namespace EdgeInfra.Components.Tests.Policy;

/// <summary>The plain values the edge rules read from a property's JSON rule tree.</summary>
public sealed class EdgeValuesTests
{
    [Fact]
    public void A_key_given_twice_in_a_json_object_keeps_its_last_value_as_json_parse_does()
    {
        using var json = JsonDocument.Parse("""{"name":"first","options":{"enabled":false,"enabled":true},"name":"last"}""");

        var value = Assert.IsType<SortedDictionary<string, object?>>(EdgeValues.FromJson(json.RootElement));

        Assert.Equal("last", value["name"]);
        Assert.Equal(true, Assert.IsType<SortedDictionary<string, object?>>(value["options"])["enabled"]);
    }
}
