using System.Security.Cryptography;
using System.Text;

namespace EdgeInfra.Compiler;

/// <summary>
/// The hash of everything a build of the stack program reads from the team's files: every file under the given
/// folders (the project's and the Pulumi project's), and the MSBuild and NuGet files above them
/// (<c>Directory.Build.props</c>, <c>Directory.Build.targets</c>, <c>Directory.Packages.props</c>, <c>nuget.config</c>,
/// <c>global.json</c>). Build outputs (<c>bin</c>, <c>obj</c>), <c>node_modules</c> and names starting with a dot are
/// left out. Paths and contents both count, so a rename is a change.
/// </summary>
internal static class SourceHash
{
    private static readonly string[] BuildFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "nuget.config", "NuGet.Config", "global.json"];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    public static string Compute(IEnumerable<string> folders)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            AddTree(folder, files);
            for (var above = Directory.GetParent(folder); above is not null; above = above.Parent)
            {
                files.UnionWith(BuildFiles.Select(name => Path.Combine(above.FullName, name)).Where(File.Exists));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AddTree(string folder, SortedSet<string> files)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (!Path.GetFileName(file).StartsWith('.'))
            {
                files.Add(file);
            }
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            if (!name.StartsWith('.') && !SkippedFolders.Contains(name))
            {
                AddTree(child, files);
            }
        }
    }
}
