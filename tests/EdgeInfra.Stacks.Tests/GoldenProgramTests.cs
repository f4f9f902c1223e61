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
        Golden.AssertMatches(Repository.Golden($"{stack}.golden.yml"), program);
    }
}
