using System.Text.RegularExpressions;

namespace EdgeInfra.Stacks.Tests.Readme;

/// <summary>
/// A fenced C# block of README.md. <c>```csharp</c> is a whole file of a consumer's project (its own <c>using</c>
/// lines; the project's implicit usings apply); <c>```csharp fragment</c> is statements — after its leading
/// <c>using</c> lines — that the tests compile as the body of an async method in that project, and run.
/// </summary>
/// <param name="Line">The README line of the block's first code line (1-based).</param>
/// <param name="IsFragment">True for <c>```csharp fragment</c>.</param>
/// <param name="Code">The code between the fences.</param>
internal sealed partial record ReadmeCodeBlock(int Line, bool IsFragment, string Code)
{
    /// <summary>The C# blocks of <paramref name="markdown"/>, in order; any other info string after <c>csharp</c> is an error.</summary>
    public static IReadOnlyList<ReadmeCodeBlock> Parse(string markdown)
    {
        var lines = markdown.Split('\n');
        var blocks = new List<ReadmeCodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i].TrimEnd('\r'));
            if (!fence.Success)
            {
                continue;
            }

            var info = fence.Groups["info"].Value;
            if (info is not ("" or " fragment"))
            {
                throw new FormatException($"README.md:{i + 1}: '```csharp{info}' is not a sample block: use ```csharp (a whole file) or ```csharp fragment (statements).");
            }

            var end = Array.FindIndex(lines, i + 1, line => line.TrimEnd('\r') == "```");
            if (end < 0)
            {
                throw new FormatException($"README.md:{i + 1}: the C# block is not closed.");
            }

            blocks.Add(new ReadmeCodeBlock(i + 2, info.Length > 0, string.Join('\n', lines[(i + 1)..end])));
            i = end;
        }

        return blocks;
    }

    [GeneratedRegex(@"^```csharp(?<info>.*)\z")]
    private static partial Regex Fence();
}
