namespace EdgeInfra.Components.Tests.Policy;

/// <summary>
/// A small stack that one rule must pass (<see cref="Passes"/>) or fail: the rule's fixture. Fixtures are built
/// through the same synthesis as a real stack, so a fixture the components or the schemas refuse fails its test.
/// </summary>
/// <param name="RuleId">The rule the fixture is for.</param>
/// <param name="Name">What the fixture shows, unique per rule.</param>
/// <param name="Passes">Whether the rule finds nothing in it.</param>
/// <param name="Build">Creates the fixture's resources.</param>
public sealed record RuleFixture(string RuleId, string Name, bool Passes, Action Build);
