using FsCheck;
using FsCheck.Fluent;
using static EdgeInfra.Schemas.Tests.ProgramText;

namespace EdgeInfra.Schemas.Tests;

/// <summary>Property-based checks of how scalars are typed and how <c>$</c> is escaped.</summary>
public class ScalarPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(100);

    [Fact]
    public void Every_plain_integer_fits_an_integer_property_and_its_quoted_form_does_not()
    {
        Prop.ForAll(Arb.From(Gen.Choose(int.MinValue, int.MaxValue)), (int value) =>
            Check(Widget($"name: \"w\"\nsize: {value}")).Count == 0
            && Check(Widget($"name: \"w\"\nsize: \"{value}\"")).Count == 1)
            .Check(Runs);
    }

    [Fact]
    public void Any_printable_text_with_escaped_dollars_is_a_plain_string()
    {
        Gen<string> printable = Gen.Choose(32, 126).Select(code => (char)code).ArrayOf().Select(chars => new string(chars));
        Prop.ForAll(Arb.From(printable), (string text) =>
        {
            string quoted = "'" + text.Replace("$", "$$", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
            return Check(Widget($"name: {quoted}")).Count == 0;
        })
        .Check(Runs);
    }
}
