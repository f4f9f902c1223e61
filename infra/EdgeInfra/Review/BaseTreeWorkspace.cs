using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;

namespace EdgeInfra.Review;

/// <summary>
/// A folder, kept between diffs, where the base trees of one repository are written and built: the <c>tree</c>
/// folder of <c>&lt;cache&gt;/diff-base/&lt;hash of the repository's path&gt;</c>. Writing a ref's tree there
/// rewrites only the files whose content or mode differs and deletes what the ref does not have, so the build
/// outputs of the last base (<c>bin</c> and <c>obj</c> beside a project file, <c>node_modules</c> beside a
/// <c>package.json</c>, <c>.build</c> at the root) stay valid for every project whose files did not change, and the
/// compiler's own incremental build and output cache do the rest. The folder is held with an exclusive lock while
/// in use; a second diff of the same repository at the same time gets none and builds in a temporary folder.
/// </summary>
internal sealed class BaseTreeWorkspace : IDisposable
{
    private static readonly string[] ProjectFileExtensions = [".csproj", ".fsproj", ".vbproj", ".proj"];

    private readonly FileStream _lock;

    private BaseTreeWorkspace(string directory, FileStream heldLock)
    {
        Directory = directory;
        _lock = heldLock;
    }

    /// <summary>The folder the base tree is written to.</summary>
    public string Directory { get; }

    /// <summary>
    /// The workspace of the repository at <paramref name="repositoryTop"/> under <paramref name="cacheRoot"/>, locked
    /// for this process; null when another process holds it or the cache cannot be written.
    /// </summary>
    public static BaseTreeWorkspace? TryOpen(string cacheRoot, string repositoryTop)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repositoryTop)))[..16];
        var home = Path.Combine(cacheRoot, "diff-base", key);
        try
        {
            System.IO.Directory.CreateDirectory(home);
            var heldLock = new FileStream(Path.Combine(home, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(Path.Combine(home, "repository"), repositoryTop + "\n");
            var tree = Path.Combine(home, "tree");
            System.IO.Directory.CreateDirectory(tree);
            return new BaseTreeWorkspace(tree, heldLock);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Makes the workspace's files exactly those of the <c>git archive</c> tar stream <paramref name="tar"/>: files
    /// whose bytes and mode already match are left alone (their timestamps too), others are written, and every file
    /// or folder the tree does not have is deleted, except the build outputs listed on the class.
    /// </summary>
    /// <exception cref="BaseProgramException">
    /// The stream holds an entry that is not a file, folder or link, or a path outside the tree; or the stream or the
    /// folder cannot be read or written.
    /// </exception>
    public void Sync(Stream tar)
    {
        try
        {
            Write(tar);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaseProgramException($"the base tree cannot be written to {Directory}: {e.Message} Delete that folder, or set EDGEINFRA_CACHE_HOME to another one.");
        }
    }

    private void Write(Stream tar)
    {
        var tree = new TreeContents(Directory);
        using (var reader = new TarReader(tar, leaveOpen: true))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.GlobalExtendedAttributes)
                {
                    continue;
                }

                var path = PathInTree(entry.Name);
                tree.AddParentsOf(path);
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        tree.Folders.Add(path);
                        MakeFolder(path, tree);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                        tree.AddFile(path);
                        MakeFolder(Path.GetDirectoryName(path)!, tree);
                        WriteFile(path, entry);
                        break;
                    case TarEntryType.SymbolicLink:
                        tree.AddFile(path);
                        MakeFolder(Path.GetDirectoryName(path)!, tree);
                        WriteLink(path, entry.LinkName);
                        break;
                    default:
                        throw new BaseProgramException($"the base tree holds '{entry.Name}', a tar entry of type {entry.EntryType}, which a diff cannot write.");
                }
            }
        }

        DeleteWhatTheTreeLacks(Directory, tree);
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private string PathInTree(string name)
    {
        var path = Path.GetFullPath(Path.Combine(Directory, name.TrimEnd('/')));
        if (!path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new BaseProgramException($"the base tree holds '{name}', a path outside the tree.");
        }

        return path;
    }

    /// <summary>Makes <paramref name="path"/> a folder (once per sync), replacing a file or link there.</summary>
    private static void MakeFolder(string path, TreeContents tree)
    {
        if (!tree.Made.Add(path))
        {
            return;
        }

        var kind = KindOf(new FileInfo(path));
        if (kind is EntryKind.File or EntryKind.Link)
        {
            File.Delete(path);
        }

        if (kind is not EntryKind.Folder)
        {
            System.IO.Directory.CreateDirectory(path);
        }
    }

    private static void WriteFile(string path, TarEntry entry)
    {
        var content = new byte[entry.Length];
        if (entry.DataStream is { } data)
        {
            data.ReadExactly(content);
        }

        var existing = new FileInfo(path);
        var kind = KindOf(existing);
        var unchanged = kind is EntryKind.File && existing.Length == content.Length && SameBytes(path, content);
        if (!unchanged)
        {
            Remove(path, kind);
            File.WriteAllBytes(path, content);
        }

        if (!OperatingSystem.IsWindows() && (!unchanged || existing.UnixFileMode != entry.Mode))
        {
            File.SetUnixFileMode(path, entry.Mode);
        }
    }

    private static void WriteLink(string path, string target)
    {
        var existing = new FileInfo(path);
        if (existing.LinkTarget == target)
        {
            return;
        }

        Remove(path, KindOf(existing));
        File.CreateSymbolicLink(path, target);
    }

    private static void Remove(string path, EntryKind kind)
    {
        if (kind is EntryKind.Folder)
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        else if (kind is not EntryKind.None)
        {
            File.Delete(path);
        }
    }

    /// <summary>What <paramref name="info"/> is (one <see cref="FileInfo"/>, whose status is read once): a link is a link whatever it points to.</summary>
    private static EntryKind KindOf(FileInfo info) =>
        info.LinkTarget is not null ? EntryKind.Link
        : (int)info.Attributes == -1 ? EntryKind.None
        : info.Attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Folder
        : EntryKind.File;

    private static bool SameBytes(string path, byte[] content)
    {
        using var file = File.OpenRead(path);
        if (file.Length != content.Length)
        {
            return false;
        }

        var existing = new byte[content.Length];
        file.ReadExactly(existing);
        return existing.AsSpan().SequenceEqual(content);
    }

    /// <summary>Deletes, under <paramref name="folder"/>, every file and folder the tree lacks, keeping build outputs.</summary>
    private void DeleteWhatTheTreeLacks(string folder, TreeContents tree)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            var isFolder = entry is DirectoryInfo && entry.LinkTarget is null;
            if (isFolder && tree.Folders.Contains(entry.FullName))
            {
                DeleteWhatTheTreeLacks(entry.FullName, tree);
            }
            else if (isFolder && IsBuildOutput(folder, entry.Name, tree))
            {
                continue;
            }
            else if (isFolder)
            {
                ((DirectoryInfo)entry).Delete(recursive: true);
            }
            else if (!tree.Files.Contains(entry.FullName))
            {
                entry.Delete();
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> in <paramref name="folder"/> is a build output worth keeping: <c>bin</c> or
    /// <c>obj</c> beside a project file of the tree, <c>node_modules</c> beside its <c>package.json</c>, or
    /// <c>.build</c> at the root. Any other folder the tree lacks (an old project's <c>obj</c> with its generated
    /// sources, say) could change the build, and is deleted.
    /// </summary>
    private bool IsBuildOutput(string folder, string name, TreeContents tree) => name switch
    {
        "bin" or "obj" => tree.ProjectFolders.Contains(folder),
        "node_modules" => tree.Files.Contains(Path.Combine(folder, "package.json")),
        ".build" => folder == Directory,
        _ => false,
    };

    private enum EntryKind
    {
        None,
        File,
        Folder,
        Link,
    }

    /// <summary>What a sync has read of the tree so far, and the folders it has made.</summary>
    private sealed class TreeContents(string root)
    {
        public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Folders { get; } = new(StringComparer.Ordinal) { root };

        /// <summary>The folders that hold a project file (whose <c>bin</c> and <c>obj</c> are kept).</summary>
        public HashSet<string> ProjectFolders { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Made { get; } = new(StringComparer.Ordinal) { root };

        public void AddFile(string path)
        {
            Files.Add(path);
            if (ProjectFileExtensions.Contains(Path.GetExtension(path), StringComparer.Ordinal))
            {
                ProjectFolders.Add(Path.GetDirectoryName(path)!);
            }
        }

        /// <summary>Adds the folders above <paramref name="path"/> up to the root, stopping at one already added.</summary>
        public void AddParentsOf(string path)
        {
            var parent = Path.GetDirectoryName(path);
            while (parent is not null && parent.Length > root.Length && Folders.Add(parent))
            {
                parent = Path.GetDirectoryName(parent);
            }
        }
    }
}
