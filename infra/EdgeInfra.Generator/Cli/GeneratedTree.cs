using System.Text;

namespace EdgeInfra.Generator.Cli;

/// <summary>
/// The generated files on disk: one folder per package under the output folder. Files are written as UTF-8
/// without BOM; only <c>.cs</c> files inside the package folders count, so other files there are left alone.
/// </summary>
internal static class GeneratedTree
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every difference between <paramref name="files"/> and the files in <paramref name="packageFolders"/> under <paramref name="outputFolder"/>, ordered by path.</summary>
    public static IReadOnlyList<TreeDifference> Compare(string outputFolder, IEnumerable<string> packageFolders, IReadOnlyCollection<GeneratedFile> files)
    {
        var differences = new List<TreeDifference>();
        foreach (var file in files)
        {
            var path = FullPath(outputFolder, file.RelativePath);
            if (!File.Exists(path))
            {
                differences.Add(new(TreeDifferenceKind.Missing, file.RelativePath));
            }
            else if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(Utf8.GetBytes(file.Content)))
            {
                differences.Add(new(TreeDifferenceKind.Stale, file.RelativePath));
            }
        }

        var generated = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        differences.AddRange(ExistingFiles(outputFolder, packageFolders)
            .Where(path => !generated.Contains(path))
            .Select(path => new TreeDifference(TreeDifferenceKind.Extra, path)));
        return [.. differences.OrderBy(d => d.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Makes the package folders hold exactly <paramref name="files"/>: writes the missing and stale ones (files
    /// already up to date are not touched), deletes the extra ones and the folders they leave empty.
    /// </summary>
    /// <returns>The changes made.</returns>
    public static IReadOnlyList<TreeDifference> Write(string outputFolder, IReadOnlyCollection<string> packageFolders, IReadOnlyCollection<GeneratedFile> files)
    {
        var differences = Compare(outputFolder, packageFolders, files);
        var contents = files.ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        foreach (var difference in differences)
        {
            var path = FullPath(outputFolder, difference.RelativePath);
            if (difference.Kind == TreeDifferenceKind.Extra)
            {
                File.Delete(path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Utf8.GetBytes(contents[difference.RelativePath]));
        }

        foreach (var folder in packageFolders)
        {
            DeleteEmptyFolders(Path.Combine(outputFolder, folder));
        }

        return differences;
    }

    private static IEnumerable<string> ExistingFiles(string outputFolder, IEnumerable<string> packageFolders)
    {
        foreach (var folder in packageFolders)
        {
            var root = Path.Combine(outputFolder, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                yield return Path.GetRelativePath(outputFolder, path).Replace(Path.DirectorySeparatorChar, '/');
            }
        }
    }

    private static void DeleteEmptyFolders(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var child in Directory.GetDirectories(folder))
        {
            DeleteEmptyFolders(child);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    private static string FullPath(string outputFolder, string relativePath) =>
        Path.Combine(outputFolder, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
