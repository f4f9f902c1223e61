namespace EdgeInfra.Tests.Naming;

public sealed class LogicalNamesTests
{
    [Theory]
    [InlineData("origin")]
    [InlineData("edge-vnet_1")]
    public void Names_of_letters_digits_underscores_and_hyphens_are_valid(string name) => Assert.True(LogicalNames.IsValid(name));

    [Theory]
    [InlineData("a\n")]
    [InlineData("a\r\n")]
    [InlineData("\na")]
    [InlineData("a\nb")]
    [InlineData("pulumi")]
    [InlineData("1a")]
    [InlineData("")]
    public void Names_with_a_newline_anywhere_or_breaking_the_rule_are_invalid(string name) => Assert.False(LogicalNames.IsValid(name));
}
