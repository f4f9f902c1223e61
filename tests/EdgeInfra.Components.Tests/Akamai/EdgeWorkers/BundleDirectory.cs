using System.Text;
using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Tests.Akamai.EdgeWorkers;

/// <summary>A temporary EdgeWorkers bundle directory: main.js, bundle.json, a helper module and, by default, its lock.</summary>
internal sealed class BundleDirectory : IDisposable
{
    public const string MainJs = "import { check } from './lib/check.js';\nexport function onClientRequest(request) { check(request); }\n";
    public const string CheckJs = "export function check(request) { return request.path.length > 0; }\n";

    public BundleDirectory(string version = "1.0.0", bool writeLock = true)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edgeinfra-bundle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Write("main.js", MainJs);
        Write("lib/check.js", CheckJs);
        Write("bundle.json", Manifest(version));
        if (writeLock)
        {
            EdgeWorkerBundle.WriteLock(Path);
        }
    }

    public string Path { get; }

    public static string Manifest(string version) =>
        $"{{\n  \"edgeworker-version\": \"{version}\",\n  \"description\": \"Verifies tokens at the edge\"\n}}\n";

    public void Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public void Write(string relativePath, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
