namespace EdgeInfra.Components.Akamai;

/// <summary>
/// The edge-gateway EdgeWorker bundle (JWT gate, <c>X-Edge-*</c> headers, origin secret, routing; configured by
/// <see cref="EdgeGatewayConfig"/>) as it ships in the <c>EdgeInfra.Components</c> package. The package's build
/// targets copy it, byte for byte and with its <c>bundle.lock.json</c>, to <see cref="RelativePath"/> under the
/// output folder of every project that uses the package, so a stack needs no copy of its own:
/// <c>EdgeWorkerBundleDirectory = EdgeGatewayBundle.PackagedDirectory</c>. A team that maintains its own bundle
/// gives that bundle's folder instead.
/// <para>
/// The same files always build the same <c>.tgz</c> (<see cref="EdgeWorkerBundle"/>), and the lock check fails
/// synthesis if anything altered them on the way (a line-ending conversion, an edit), so the packaged bundle never
/// produces a new EdgeWorker version by accident.
/// </para>
/// </summary>
public static class EdgeGatewayBundle
{
    /// <summary>Where the bundle is under the program's output folder: <c>edgeworkers/bundles/edge-gateway</c>.</summary>
    public const string RelativePath = "edgeworkers/bundles/edge-gateway";

    /// <summary>
    /// The absolute path of the packaged bundle: <see cref="RelativePath"/> under the folder of the running program
    /// (<see cref="AppContext.BaseDirectory"/>). It does not depend on the working directory, which is the Pulumi
    /// project's folder when Pulumi runs the program.
    /// </summary>
    public static string PackagedDirectory => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, RelativePath));
}
