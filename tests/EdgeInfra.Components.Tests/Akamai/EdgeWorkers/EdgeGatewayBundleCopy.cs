using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Tests.Akamai.EdgeWorkers;

/// <summary>A temporary copy of the real components/edgeworkers/bundles/edge-gateway directory, with its lock written.</summary>
internal sealed class EdgeGatewayBundleCopy : IDisposable
{
    public EdgeGatewayBundleCopy()
    {
        Source = FindSource();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edgeinfra-edge-gateway-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Delete(System.IO.Path.Combine(Path, EdgeWorkerBundleLock.FileName));
        EdgeWorkerBundle.WriteLock(Path);
    }

    /// <summary>The real bundle directory in the repository.</summary>
    public string Source { get; }

    /// <summary>The copy.</summary>
    public string Path { get; }

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static string FindSource() => RepositoryRoot.Combine("components", "edgeworkers", "bundles", "edge-gateway");
}
