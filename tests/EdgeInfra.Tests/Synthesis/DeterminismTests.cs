using FsCheck;
using FsCheck.Fluent;
using static EdgeInfra.Tests.TestStacks;

namespace EdgeInfra.Tests.Synthesis;

/// <summary>The same graph gives the same bytes, whatever order its resources and properties were created in.</summary>
public sealed class DeterminismTests
{
    private static string SynthInOrder(int[] order, string[] names) => Synth(() =>
    {
        foreach (var index in order)
        {
            var properties = new PropertyMap();
            foreach (var key in order.Select(i => names[i]))
            {
                properties[key] = index;
            }

            Group(names[index], properties);
        }
    });

    [Fact]
    public void Creation_order_does_not_change_the_program()
    {
        var names = Enumerable.Range(0, 6).Select(i => $"res-{(char)('a' + i)}").ToArray();
        var reference = SynthInOrder([0, 1, 2, 3, 4, 5], names);
        Prop.ForAll(
            Gen.Shuffle(Enumerable.Range(0, 6).ToArray()).ToArbitrary(),
            order => SynthInOrder(order, names) == reference)
            .QuickCheckThrowOnFailure();
    }
}
