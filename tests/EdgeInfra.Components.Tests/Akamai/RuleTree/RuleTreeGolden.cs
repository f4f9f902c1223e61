namespace EdgeInfra.Components.Tests.Akamai.RuleTrees;

/// <summary>
/// Golden files of rule-tree JSON, in <c>tests/EdgeInfra.Components.Tests/Akamai/RuleTree/Golden</c> of the source tree,
/// compared (or, with <c>EDGEINFRA_UPDATE_GOLDEN=1</c>, rewritten) by <see cref="Golden"/>.
/// </summary>
internal static class RuleTreeGolden
{
    public static void AssertMatches(string fileName, string actual) =>
        Golden.AssertMatches(Path.Combine("tests", "EdgeInfra.Components.Tests", "Akamai", "RuleTree", "Golden", fileName), actual);
}
