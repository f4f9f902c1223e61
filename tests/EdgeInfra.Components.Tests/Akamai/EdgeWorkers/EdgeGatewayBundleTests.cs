using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Tests.Akamai.EdgeWorkers;

/// <summary>The edge-gateway bundle as the package delivers it: in the output folder, identical to the source, locked.</summary>
public sealed class EdgeGatewayBundleTests
{
    [Fact]
    public void The_packaged_bundle_is_in_the_output_folder_of_a_project_that_uses_the_components()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "edgeworkers", "bundles", "edge-gateway"), EdgeGatewayBundle.PackagedDirectory);
        Assert.True(File.Exists(Path.Combine(EdgeGatewayBundle.PackagedDirectory, EdgeWorkerBundle.MainFileName)));
        Assert.True(File.Exists(Path.Combine(EdgeGatewayBundle.PackagedDirectory, EdgeWorkerBundleLock.FileName)));
    }

    [Fact]
    public void The_packaged_bundle_passes_its_lock_and_builds_the_same_tarball_as_the_source()
    {
        using var source = new EdgeGatewayBundleCopy();

        var packaged = EdgeWorkerBundle.Load(EdgeGatewayBundle.PackagedDirectory);
        var fromSource = EdgeWorkerBundle.Load(source.Source);

        Assert.Equal(fromSource.Files, packaged.Files);
        Assert.Equal(fromSource.Sha256, packaged.Sha256);
        Assert.Equal(fromSource.Tarball.ToArray(), packaged.Tarball.ToArray());
    }
}
