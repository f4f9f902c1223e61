using EdgeInfra.Schemas;

namespace EdgeInfra.Stacks.Tests;

/// <summary>The synthesized programs of the repository's stacks against the real provider schemas in <c>../shared/schemas</c>.</summary>
public sealed class SchemaConformanceTests
{
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.LoadDirectory(Repository.Schemas));

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Synthesized_program_conforms_to_the_provider_schemas(string stack)
    {
        var violations = ProgramConformance.Check(StackProgram.Synth(stack), Schemas.Value);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_package_discovery_program_conforms_and_pins_the_schema_versions()
    {
        var (exitCode, program, error) = StackProgram.Run(new Dictionary<string, string>(), "synth");
        Assert.True(exitCode == 0, error);
        var violations = ProgramConformance.Check(program, Schemas.Value);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        foreach (var package in Schemas.Value.Packages)
        {
            Assert.Equal(package.Version, StackProgram.Packages.VersionOf(package.Name));
        }
    }

    [Fact]
    public void The_check_catches_a_program_that_does_not_conform()
    {
        var broken = StackProgram.Synth("dev").Replace("enablePurgeProtection", "enablePurgeProtections", StringComparison.Ordinal);
        var violations = ProgramConformance.Check(broken, Schemas.Value);
        Assert.Contains(violations, v => v.Location.Contains("enablePurgeProtections", StringComparison.Ordinal));
    }
}
