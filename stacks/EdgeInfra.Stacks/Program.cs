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

return Deployment.Run(args, () => new EdgeStack(), EdgeInfraPolicies.Pack);
