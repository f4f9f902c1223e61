using EdgeInfra;
using EdgeInfra.Components.Akamai;
using EdgeInfra.Components.Policy;
using EdgeInfra.Stacks;

// `lock-bundle DIR` records an EdgeWorker bundle's version and content hash in DIR/bundle.lock.json (after a
// change and a version bump); everything else is a stack verb (synth, preview, graph, diff).
if (args is ["lock-bundle", var directory])
{
    try
    {
        var written = EdgeWorkerBundle.WriteLock(directory);
        Console.WriteLine($"{directory}/{EdgeWorkerBundleLock.FileName}: edgeworker-version {written.Version}, sha256 {written.Sha256}");
        return 0;
    }
    catch (SynthesisException failure)
    {
        Console.Error.WriteLine(failure.Message);
        return 1;
    }
}

// The system clock, noting the earliest config time the output depends on; the compiler's output cache
// (stacks/compile) asks for it with EDGEINFRA_VALID_UNTIL_FILE and serves the output until then only.
var clock = new RecordingClock();
var status = Deployment.Run(args, () => new EdgeStack(clock), EdgeInfraPolicies.Pack);
if (Environment.GetEnvironmentVariable("EDGEINFRA_VALID_UNTIL_FILE") is { Length: > 0 } validUntilFile && clock.ValidUntil is { } validUntil)
{
    File.WriteAllText(validUntilFile, validUntil.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
}

return status;
