using System.Diagnostics;
using System.Text.Json;

namespace EdgeInfra.TestSupport;

/// <summary>
/// Microsoft's SARIF Multitool (npm <c>@microsoft/sarif-multitool</c>, installed by <c>tests/run.sh</c> into
/// <c>tests/tools/sarif</c>): validates a SARIF log against the SARIF 2.1.0 schema with the SARIF rules and GitHub's
/// ingestion rules (<c>--rule-kind "Sarif;Gh"</c>).
/// </summary>
internal static class SarifMultitool
{
    /// <summary>The Linux build of the Multitool.</summary>
    public static string Executable { get; } = RepositoryRoot.Combine("tests", "tools", "sarif", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");

    /// <summary>The Multitool's errors and warnings on the SARIF log <paramref name="sarif"/> (its text), as <c>RULE: message</c> lines.</summary>
    public static IReadOnlyList<string> Problems(string sarif)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"The SARIF Multitool is not installed at {Executable}: run `bash tests/run.sh`, or `(cd tests/tools/sarif && npm ci --ignore-scripts)`.");
        }

        var folder = Directory.CreateTempSubdirectory("edgeinfra-sarif-");
        try
        {
            var input = Path.Combine(folder.FullName, "check.sarif");
            var output = Path.Combine(folder.FullName, "validation.sarif");
            File.WriteAllText(input, sarif);
            var info = new ProcessStartInfo(Executable, ["validate", input, "--rule-kind", "Sarif;Gh", "--output", output, "--log", "ForceOverwrite", "--quiet"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The SARIF Multitool did not finish in 120 s.");
            }

            if (!File.Exists(output))
            {
                throw new InvalidOperationException($"The SARIF Multitool wrote no result (exit {process.ExitCode}): {stdout.Result}{stderr.Result}");
            }

            using var validation = JsonDocument.Parse(File.ReadAllText(output));
            return [.. validation.RootElement.GetProperty("runs").EnumerateArray()
                .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Where(result => (result.TryGetProperty("level", out var level) ? level.GetString() : "warning") is "error" or "warning")
                .Select(result => $"{result.GetProperty("ruleId").GetString()}: {result.GetProperty("message").GetProperty("text").GetString() ?? Arguments(result)}")];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Arguments(JsonElement result) =>
        result.GetProperty("message").TryGetProperty("arguments", out var arguments) ? string.Join(" | ", arguments.EnumerateArray().Select(a => a.GetString())) : string.Empty;
}
