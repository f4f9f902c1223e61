using System.Text;
using EdgeInfra.Review;
using FsCheck;
using FsCheck.Fluent;
using static EdgeInfra.Tests.Review.DiffTestKit;

namespace EdgeInfra.Tests.Review;

/// <summary>The same two programs always give the same rendered diff, whatever order their entries are written in.</summary>
public sealed class DiffDeterminismTests
{
    private static readonly string[] Names = ["app-net-vnet", "app-vault", "cp-code", "rg", "zz-password"];

    /// <summary>A program whose resources and tags are written in the order <paramref name="order"/>; <paramref name="version"/> changes some values.</summary>
    private static string ProgramInOrder(int[] order, int version)
    {
        var text = new StringBuilder("name: \"edge-infra\"\nruntime: \"yaml\"\nresources:\n");
        foreach (var index in order)
        {
            if (version == 2 && index == 4)
            {
                continue;
            }

            var name = Names[index];
            text.Append("  ").Append(name).Append(":\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      tags:\n");
            foreach (var tag in order)
            {
                var value = version == 2 && tag % 2 == 0 ? $"v2-{tag}" : $"v1-{tag}";
                text.Append("        t").Append(tag).Append(": \"").Append(value).Append("\"\n");
            }
        }

        if (version == 2)
        {
            text.Append("  zz-new:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n      location: \"westeurope\"\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Entry_order_does_not_change_the_rendered_diff()
    {
        int[] identity = [0, 1, 2, 3, 4];
        var reference = DiffRenderer.Markdown(Diff(ProgramInOrder(identity, 1), ProgramInOrder(identity, 2)));
        Prop.ForAll(
            Gen.Shuffle(identity).Two().ToArbitrary(),
            orders => DiffRenderer.Markdown(Diff(ProgramInOrder(orders.Item1, 1), ProgramInOrder(orders.Item2, 2))) == reference)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rendering_twice_gives_the_same_text()
    {
        int[] order = [3, 1, 4, 0, 2];
        var diff = Diff(ProgramInOrder(order, 1), ProgramInOrder(order, 2));

        Assert.Equal(DiffRenderer.Markdown(diff), DiffRenderer.Markdown(diff));
        Assert.Equal(DiffRenderer.PlainText(diff), DiffRenderer.PlainText(Diff(ProgramInOrder(order, 1), ProgramInOrder(order, 2))));
    }
}
