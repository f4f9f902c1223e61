namespace EdgeInfra.Review;

/// <summary>The program a diff compares against, and the stack settings it was synthesized with.</summary>
/// <param name="Program">The synthesized Pulumi YAML program.</param>
/// <param name="StackConfig">
/// The values of the base tree's stack settings file (<c>Pulumi.&lt;stack&gt;.yaml</c>; none when the tree has no such
/// file), or null when the base is a program file and its settings are unknown.
/// </param>
public sealed record BaseProgram(string Program, StackConfigValues? StackConfig);
