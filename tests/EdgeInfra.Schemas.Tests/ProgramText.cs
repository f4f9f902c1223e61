namespace EdgeInfra.Schemas.Tests;

/// <summary>Builds test programs and checks them against <see cref="TestSchemas.Set"/>.</summary>
internal static class ProgramText
{
    /// <summary>A program with the standard header followed by the given sections (written at column 0).</summary>
    public static string Program(string sections) => "name: \"test-program\"\nruntime: \"yaml\"\n" + sections;

    /// <summary>A program with one Widget resource "w" whose properties (indented by 6) are given.</summary>
    public static string Widget(string properties, string extraSections = "") => Program($"""
        resources:
          w:
            type: "test:index:Widget"
            properties:
        {Indent(properties, 6)}
        """ + "\n" + extraSections);

    public static string Indent(string text, int spaces)
    {
        string padding = new(' ', spaces);
        return string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : padding + line));
    }

    public static IReadOnlyList<ConformanceViolation> Check(string program) => ProgramConformance.Check(program, TestSchemas.Set);

    /// <summary>Asserts that the program conforms, showing the violations when it does not.</summary>
    public static void AssertConforms(string program)
    {
        IReadOnlyList<ConformanceViolation> violations = Check(program);
        Assert.True(violations.Count == 0, "expected no violations, got:\n" + string.Join("\n", violations));
    }

    /// <summary>Asserts that the program has exactly one violation, at the location, with the message.</summary>
    public static ConformanceViolation AssertSingle(string program, string location, string message)
    {
        IReadOnlyList<ConformanceViolation> violations = Check(program);
        Assert.True(violations.Count == 1, $"expected one violation, got {violations.Count}:\n" + string.Join("\n", violations));
        Assert.Equal(new ConformanceViolation(location, message), violations[0]);
        return violations[0];
    }
}
