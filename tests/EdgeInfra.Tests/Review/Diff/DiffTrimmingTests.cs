using System.Globalization;
using System.Text;
using EdgeInfra.Review;
using static EdgeInfra.Tests.Review.DiffTestKit;

namespace EdgeInfra.Tests.Review;

/// <summary>Long diffs are trimmed to fit a pull-request comment, and say what they left out and how to see it.</summary>
public sealed class DiffTrimmingTests
{
    /// <summary>A program of <paramref name="count"/> resource groups, each with <paramref name="tags"/> tags whose values come from <paramref name="value"/>.</summary>
    private static string ResourceGroups(int count, int tags, Func<int, int, string> value)
    {
        var text = new StringBuilder("name: \"edge-infra\"\nruntime: \"yaml\"\nresources:\n");
        for (var r = 0; r < count; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  rg-{r:D3}:\n    type: \"azure-native:resources:ResourceGroup\"\n    properties:\n");
            text.Append(CultureInfo.InvariantCulture, $"      location: \"westeurope\"\n      resourceGroupName: \"rg-edge-{r:D3}\"\n      tags:\n");
            for (var t = 0; t < tags; t++)
            {
                text.Append(CultureInfo.InvariantCulture, $"        tag{t:D2}: \"{value(r, t)}\"\n");
            }

            text.Append("    options:\n      version: \"3.28.0\"\n");
        }

        return text.ToString();
    }

    [Fact]
    public void At_most_forty_changes_are_shown_per_resource()
    {
        var diff = Diff(ResourceGroups(1, 45, (_, t) => $"old-{t}"), ResourceGroups(1, 45, (_, t) => $"new-{t}"));

        var markdown = DiffRenderer.Markdown(diff);
        var plain = DiffRenderer.PlainText(diff);

        Assert.Equal(45, diff.Resources[0].Changes.Length);
        Assert.Equal(40, markdown.Split('\n').Count(l => l.StartsWith("| `tags.tag", StringComparison.Ordinal)));
        Assert.Contains("| `tags.tag39` | `\"old-39\"` | `\"new-39\"` |\n\n… and 5 more changes not shown.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**Trimmed.** Not shown, to keep this diff short: 5 value changes of the resources shown. To see all of it,", markdown, StringComparison.Ordinal);
        Assert.Contains("      ~ tags.tag39: \"old-39\" => \"new-39\"\n      … and 5 more changes not shown.\n", plain, StringComparison.Ordinal);
        Assert.Contains("run `dotnet run --project stacks/EdgeInfra.Stacks -- diff --stack dev --base <base ref> --format text`: the plain-text diff is never trimmed.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diff_longer_than_a_comment_leaves_out_whole_resources_and_says_how_many()
    {
        var diff = Diff(ResourceGroups(0, 0, (_, _) => string.Empty), ResourceGroups(300, 10, (r, t) => $"value-{r}-{t}"));

        var markdown = DiffRenderer.Markdown(diff);

        Assert.Equal(300, diff.Count(ResourceChangeKind.Create));
        Assert.True(markdown.Length <= DiffRenderOptions.Default.MaxLength, $"{markdown.Length} characters");
        Assert.StartsWith("## Infrastructure diff: stack `dev`\n\n**300 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged**\n", markdown, StringComparison.Ordinal);
        Assert.Equal(Count(markdown, "<details>"), Count(markdown, "</details>"));
        var shown = Count(markdown, "`+` **create** `rg-");
        Assert.InRange(shown, 1, 299);
        Assert.Contains($"**Trimmed.** Not shown, to keep this diff short: {300 - shown} resources. To see all of it,", markdown, StringComparison.Ordinal);
        Assert.EndsWith("the plain-text diff is never trimmed.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_limits_nothing_is_left_out()
    {
        var diff = Diff(ResourceGroups(0, 0, (_, _) => string.Empty), ResourceGroups(300, 10, (r, t) => $"value-{r}-{t}"));

        var plain = DiffRenderer.PlainText(diff, DiffRenderOptions.Unlimited);

        Assert.Equal(300, Count(plain, "  +  create rg-"));
        Assert.DoesNotContain("Trimmed.", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_diff_has_no_trimming_note()
    {
        var diff = Diff(ResourceGroups(2, 2, (_, t) => $"old-{t}"), ResourceGroups(2, 2, (_, t) => $"new-{t}"));

        Assert.DoesNotContain("Trimmed", DiffRenderer.Markdown(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_that_leave_no_room_for_the_summary_are_rejected()
    {
        var diff = Diff(ResourceGroups(1, 1, (_, _) => "a"), ResourceGroups(1, 1, (_, _) => "b"));

        Assert.Throws<ArgumentOutOfRangeException>(() => DiffRenderer.Markdown(diff, DiffRenderOptions.Default with { MaxLength = 100 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiffRenderer.Markdown(diff, DiffRenderOptions.Default with { MaxChangesPerResource = 0 }));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
