using System.Collections.Concurrent;
using System.Globalization;
using Xunit.Abstractions;

namespace EdgeInfra.Stacks.Tests.Corpus;

/// <summary>
/// Runs every <see cref="BadConfigCorpus"/> case through the stack program as Pulumi runs it (<c>synth</c> with
/// <c>PULUMI_CONFIG</c>) and classifies the outcome: a clear error (exit 1, nothing on stdout, the message names the
/// key and the field, shows no raw control character and no long value), an unclear error, a crash (an exception out
/// of the runner) or a silent acceptance (exit 0).
/// </summary>
public sealed class BadConfigCorpusTests(ITestOutputHelper output)
{
    private enum Outcome
    {
        Clear, Unclear, Crash, Silent,
    }

    [Fact]
    public void Every_bad_value_is_refused_with_a_clear_error()
    {
        var cases = BadConfigCorpus.Cases(StackConfig.Of).ToList();
        Assert.True(cases.Count >= 1000, $"{cases.Count} cases");
        var results = new ConcurrentBag<(BadConfigCase Case, Outcome Outcome, string Detail)>();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, c =>
        {
            var (outcome, detail) = Classify(c);
            results.Add((c, outcome, detail));
        });

        var counts = Enum.GetValues<Outcome>().ToDictionary(o => o, o => results.Count(r => r.Outcome == o));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases.Count} cases: {counts[Outcome.Clear]} clear, {counts[Outcome.Unclear]} unclear, {counts[Outcome.Crash]} crash, {counts[Outcome.Silent]} silent"));
        foreach (var (c, outcome, detail) in results.Where(r => r.Outcome != Outcome.Clear).OrderBy(r => r.Outcome).ThenBy(r => r.Case.Key, StringComparer.Ordinal).Take(200))
        {
            output.WriteLine($"{outcome}: {c.Stack} {c.Key} {c.Field} {c.Label}: {Shorten(detail)}");
        }

        Assert.Equal(0, counts[Outcome.Crash]);
        Assert.Equal(0, counts[Outcome.Silent]);
        Assert.Equal(0, counts[Outcome.Unclear]);
    }

    private static (Outcome, string) Classify(BadConfigCase c)
    {
        var values = StackConfig.Of(c.Stack);
        if (c.Without is { } without)
        {
            values.Remove(without);
        }

        if (c.Value is null)
        {
            values.Remove(c.Key);
        }
        else
        {
            values[c.Key] = c.Value;
        }

        var config = System.Text.Json.JsonSerializer.Serialize(values.ToDictionary(v => "edge-infra:" + v.Key, v => v.Value));
        int exitCode;
        string stdout, stderr;
        try
        {
            (exitCode, stdout, stderr) = StackProgram.Run(new Dictionary<string, string>
            {
                ["PULUMI_STACK"] = c.Stack,
                ["PULUMI_PROJECT"] = "edge-infra",
                ["PULUMI_CONFIG"] = config,
            }, "synth");
        }
        catch (Exception e)
        {
            return (Outcome.Crash, e.GetType().Name + ": " + e.Message);
        }

        if (exitCode == 0)
        {
            return (Outcome.Silent, "exit 0");
        }

        var field = c.Field is null ? null : c.Field[(c.Field.LastIndexOf('.') + 1)..];
        var problems = new List<string>();
        if (exitCode != 1)
        {
            problems.Add($"exit {exitCode}");
        }

        if (stdout.Length > 0)
        {
            problems.Add("stdout not empty");
        }

        if (!stderr.Contains(c.Key, StringComparison.Ordinal))
        {
            problems.Add($"does not name '{c.Key}'");
        }

        if (field is not null && !field.StartsWith('[') && !stderr.Contains(field, StringComparison.Ordinal))
        {
            problems.Add($"does not name the field '{field}'");
        }

        if (stderr.Any(ch => ch != '\n' && (char.IsControl(ch) || ch is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068')))
        {
            problems.Add("raw control character");
        }

        if (stderr.Split('\n').Any(line => line.Length > 1000))
        {
            problems.Add("a line over 1000 characters");
        }

        return problems.Count == 0 ? (Outcome.Clear, stderr) : (Outcome.Unclear, string.Join("; ", problems) + " — " + stderr);
    }

    private static string Shorten(string text)
    {
        var flat = new string([.. text.Select(ch => char.IsControl(ch) ? '·' : ch)]);
        return flat.Length <= 300 ? flat : flat[..300] + "…";
    }
}
