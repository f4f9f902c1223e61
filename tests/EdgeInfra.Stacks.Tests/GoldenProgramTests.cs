namespace EdgeInfra.Stacks.Tests;

/// <summary>
/// The synthesized programs of the repository's stacks, compared with the reviewed golden files. To accept a
/// change, run the tests with <c>EDGEINFRA_UPDATE_GOLDEN=1</c> and review the golden diff like any other diff.
/// </summary>
public sealed class GoldenProgramTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Synthesized_program_matches_the_golden_file(string stack)
    {
        var program = StackProgram.Synth(stack);
        var golden = Repository.Golden($"{stack}.golden.yml");
        if (Environment.GetEnvironmentVariable("EDGEINFRA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, program);
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}: run the tests with EDGEINFRA_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(golden), program);
    }
}
