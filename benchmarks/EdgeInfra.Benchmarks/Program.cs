using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using EdgeInfra;
using EdgeInfra.Benchmarks;

// quick [SIZE...] [--runs N]: median wall time per size of Deployment.Build, of ProgramSynthesizer.Synthesize on the
//   built graph (write) and of Deployment.Synthesize (both), the bytes allocated and the GC pause time per synthesis
//   (medians), and the process's peak
//   working set; sizes run in ascending order, so each size's peak includes the smaller sizes run before it (run
//   one size alone for its own peak). Default sizes 1000 10000 20000, 7 runs each after one warm-up. Each size also
//   times a floor in the same runs: writing the synthesized program's lines into a StringBuilder and making the
//   string, the least any synthesizer of that output must do; synth/floor is printed beside it.
// print SIZE: the synthesized program of the generated graph of SIZE resources.
// bench [BenchmarkDotNet arguments]: the full BenchmarkDotNet run of SynthesisBenchmarks (e.g. --filter '*').
if (args.Length > 0 && args[0] == "quick")
{
    return Quick(args[1..]);
}

if (args.Length == 2 && args[0] == "print")
{
    Console.Write(Deployment.Synthesize(ScaleGraph.Create(int.Parse(args[1], CultureInfo.InvariantCulture)), ScaleGraph.Settings));
    return 0;
}

if (args.Length > 0 && args[0] == "bench")
{
    BenchmarkSwitcher.FromAssembly(typeof(SynthesisBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

Console.Error.WriteLine("usage: EdgeInfra.Benchmarks quick [SIZE...] [--runs N] | print SIZE | bench [BenchmarkDotNet arguments]");
return 2;

static int Quick(string[] args)
{
    var runs = 7;
    var sizes = new List<int>();
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--runs" && i + 1 < args.Length)
        {
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        else
        {
            sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
        }
    }

    if (sizes.Count == 0)
    {
        sizes.AddRange([1_000, 10_000, 20_000]);
    }

    sizes.Sort();
    Console.WriteLine($"synthesis, {runs} runs per size after one warm-up; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
    Console.WriteLine($"{"resources",9} {"build ms",9} {"write ms",9} {"synth ms",9} {"alloc MB",9} {"GC ms",7} {"floor ms",8} {"synth/floor",11} {"peak WS MB",10} {"bytes",10} GCs 0/1/2 (last run)");
    var medians = new Dictionary<int, double>();
    foreach (var size in sizes)
    {
        var create = ScaleGraph.Create(size);
        var text = Deployment.Synthesize(create, ScaleGraph.Settings); // warm-up
        var build = new List<double>();
        var write = new List<double>();
        var synth = new List<double>();
        var allocated = new List<double>();
        var paused = new List<double>();
        var floor = new List<double>();
        var collections = string.Empty;
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            _ = WriteLines(text);
            floor.Add(watch.Elapsed.TotalMilliseconds);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            watch.Restart();
            var graph = Deployment.Build(create, ScaleGraph.Settings);
            build.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            _ = ProgramSynthesizer.Synthesize(graph);
            write.Add(watch.Elapsed.TotalMilliseconds);
            graph = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var pausedBefore = GC.GetTotalPauseDuration();
            int[] countsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            watch.Restart();
            _ = Deployment.Synthesize(create, ScaleGraph.Settings);
            synth.Add(watch.Elapsed.TotalMilliseconds);
            collections = $"{GC.CollectionCount(0) - countsBefore[0]}/{GC.CollectionCount(1) - countsBefore[1]}/{GC.CollectionCount(2) - countsBefore[2]}";
            paused.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0);
        }

        medians[size] = Median(synth);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        Console.WriteLine(FormattableString.Invariant(
            $"{size,9} {Median(build),9:F1} {Median(write),9:F1} {Median(synth),9:F1} {Median(allocated),9:F1} {Median(paused),7:F1} {Median(floor),8:F1} {Median(synth) / Median(floor),11:F1} {peak,10:F0} {text.Length,10} {collections}"));
    }

    foreach (var size in sizes.Where(s => medians.ContainsKey(s * 2)))
    {
        Console.WriteLine(FormattableString.Invariant($"ratio synth {size * 2}/{size}: {medians[size * 2] / medians[size]:F2}"));
    }

    Console.WriteLine($"load average after: {LoadAverage()}");
    return 0;
}

static string WriteLines(string text)
{
    var written = new System.Text.StringBuilder();
    foreach (var line in text.AsSpan().EnumerateLines())
    {
        written.Append(line).Append('\n');
    }

    return written.ToString();
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
