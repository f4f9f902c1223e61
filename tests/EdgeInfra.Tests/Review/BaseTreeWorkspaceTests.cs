using System.Formats.Tar;
using System.Text;
using EdgeInfra.Review;

namespace EdgeInfra.Tests.Review;

/// <summary>
/// The kept folder a diff builds base trees in: after a sync it holds exactly the tree's files, rewrites only what
/// differs (so incremental builds stay valid), keeps only the build outputs that belong to the tree, and is held by
/// one diff at a time.
/// </summary>
public sealed class BaseTreeWorkspaceTests : IDisposable
{
    private const UnixFileMode Regular = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead;
    private const UnixFileMode Executable = Regular | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly string _cache = Directory.CreateTempSubdirectory("edgeinfra-workspace-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    /// <summary>A tar stream like <c>git archive</c>'s: a global header, then folders and files with their modes.</summary>
    private static MemoryStream Tree(params (string Path, string Content, bool Executable)[] files)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "0123456789abcdef" }));
            foreach (var folder in files.SelectMany(file => Folders(file.Path)).Distinct().Order(StringComparer.Ordinal))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder + "/") { Mode = Executable });
            }

            foreach (var (path, content, executable) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path)
                {
                    Mode = executable ? Executable : Regular,
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                });
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    private BaseTreeWorkspace Open() => BaseTreeWorkspace.TryOpen(_cache, "/repositories/app") ?? throw new InvalidOperationException("the workspace is held");

    private static string[] Listing(string root) => Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/') + (Directory.Exists(path) ? "/" : string.Empty))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void A_first_sync_writes_the_tree_with_its_modes_under_the_cache()
    {
        using var workspace = Open();
        workspace.Sync(Tree(("Pulumi.yaml", "name: app\n", false), ("stacks/compile", "#!/bin/sh\n", true), ("stacks/App/App.csproj", "<Project />", false)));

        Assert.StartsWith(Path.Combine(_cache, "diff-base") + Path.DirectorySeparatorChar, workspace.Directory, StringComparison.Ordinal);
        Assert.Equal(["Pulumi.yaml", "stacks/", "stacks/App/", "stacks/App/App.csproj", "stacks/compile"], Listing(workspace.Directory));
        Assert.Equal("#!/bin/sh\n", File.ReadAllText(Path.Combine(workspace.Directory, "stacks/compile")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Executable, File.GetUnixFileMode(Path.Combine(workspace.Directory, "stacks/compile")));
            Assert.Equal(Regular, File.GetUnixFileMode(Path.Combine(workspace.Directory, "Pulumi.yaml")));
        }
    }

    [Fact]
    public void A_second_sync_rewrites_only_what_differs_and_deletes_what_the_tree_lacks()
    {
        using var workspace = Open();
        workspace.Sync(Tree(("same.cs", "class Same {}", false), ("changed.cs", "class Old {}", false), ("gone/Gone.cs", "class Gone {}", false), ("run", "#!/bin/sh\n", false)));
        var same = Path.Combine(workspace.Directory, "same.cs");
        var changed = Path.Combine(workspace.Directory, "changed.cs");
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(same, old);
        File.SetLastWriteTimeUtc(changed, old);
        Write(workspace.Directory, "stray.cs", "class LeftBehind {}");

        workspace.Sync(Tree(("same.cs", "class Same {}", false), ("changed.cs", "class New {}", false), ("added/Added.cs", "class Added {}", false), ("run", "#!/bin/sh\n", true)));

        Assert.Equal(["added/", "added/Added.cs", "changed.cs", "run", "same.cs"], Listing(workspace.Directory));
        Assert.Equal(old, File.GetLastWriteTimeUtc(same));
        Assert.True(File.GetLastWriteTimeUtc(changed) > old, "a changed file gets a new timestamp, so an incremental build sees it");
        Assert.Equal("class New {}", File.ReadAllText(changed));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Executable, File.GetUnixFileMode(Path.Combine(workspace.Directory, "run")));
        }
    }

    [Fact]
    public void Build_outputs_stay_only_where_the_tree_has_what_they_belong_to()
    {
        using var workspace = Open();
        var root = workspace.Directory;
        workspace.Sync(Tree(("app/App.csproj", "<Project />", false), ("old/Old.csproj", "<Project />", false), ("web/package.json", "{}", false), ("lib/Lib.cs", "class Lib {}", false)));
        foreach (var output in new[] { "app/bin/App.dll", "app/obj/project.assets.json", "old/obj/Old.AssemblyInfo.cs", "lib/obj/Lib.AssemblyInfo.cs", "web/node_modules/x/index.js", ".build/compiler/App.dll", "app/.build/stray", "app/TestResults/run.trx" })
        {
            Write(root, output, "output");
        }

        // The old project is gone from the tree but its folder stays, with another file: its obj (generated
        // sources a glob would pick up) must go with it.
        workspace.Sync(Tree(("app/App.csproj", "<Project />", false), ("old/notes.md", "moved", false), ("web/package.json", "{}", false), ("lib/Lib.cs", "class Lib {}", false)));

        Assert.Equal(
            [".build/", ".build/compiler/", ".build/compiler/App.dll", "app/", "app/App.csproj", "app/bin/", "app/bin/App.dll", "app/obj/", "app/obj/project.assets.json",
             "lib/", "lib/Lib.cs", "old/", "old/notes.md", "web/", "web/node_modules/", "web/node_modules/x/", "web/node_modules/x/index.js", "web/package.json"],
            Listing(root));
    }

    [Fact]
    public void A_file_that_becomes_a_folder_and_a_folder_that_becomes_a_file_are_both_written()
    {
        using var workspace = Open();
        workspace.Sync(Tree(("docs", "a file", false), ("notes/a.md", "a", false)));

        workspace.Sync(Tree(("docs/index.md", "now a folder", false), ("notes", "now a file", false)));

        Assert.Equal(["docs/", "docs/index.md", "notes"], Listing(workspace.Directory));
        Assert.Equal("now a file", File.ReadAllText(Path.Combine(workspace.Directory, "notes")));
    }

    [Fact]
    public void A_link_is_written_as_a_link_rewritten_when_its_target_changes_and_replaced_by_a_file()
    {
        static MemoryStream WithLink(string? target)
        {
            var tar = new MemoryStream();
            using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "a.cs") { Mode = Regular, DataStream = new MemoryStream("class A {}"u8.ToArray()) });
                writer.WriteEntry(target is null
                    ? new PaxTarEntry(TarEntryType.RegularFile, "current.cs") { Mode = Regular, DataStream = new MemoryStream("class Current {}"u8.ToArray()) }
                    : new PaxTarEntry(TarEntryType.SymbolicLink, "current.cs") { LinkName = target });
            }

            tar.Position = 0;
            return tar;
        }

        using var workspace = Open();
        var link = new FileInfo(Path.Combine(workspace.Directory, "current.cs"));

        workspace.Sync(WithLink("a.cs"));
        link.Refresh();
        Assert.Equal("a.cs", link.LinkTarget);

        workspace.Sync(WithLink("missing.cs"));
        link.Refresh();
        Assert.Equal("missing.cs", link.LinkTarget);

        workspace.Sync(WithLink(null));
        link.Refresh();
        Assert.Null(link.LinkTarget);
        Assert.Equal("class Current {}", File.ReadAllText(link.FullName));
        Assert.Equal(["a.cs", "current.cs"], Listing(workspace.Directory));
    }

    [Theory]
    [InlineData("../escape.cs")]
    [InlineData("a/../../escape.cs")]
    public void An_entry_outside_the_tree_is_refused_and_nothing_is_written_beside_it(string name)
    {
        using var workspace = Open();
        var stream = Tree(("kept.cs", "class Kept {}", false));
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream([1]) });
        }

        tar.Position = 0;
        workspace.Sync(stream);

        var error = Assert.Throws<BaseProgramException>(() => workspace.Sync(tar));

        Assert.Equal($"the base tree holds '{name}', a path outside the tree.", error.Message);
        Assert.False(File.Exists(Path.Combine(workspace.Directory, "..", "escape.cs")));
        Assert.True(File.Exists(Path.Combine(workspace.Directory, "kept.cs")));
    }

    [Fact]
    public void An_entry_that_is_neither_file_folder_nor_link_is_refused_with_its_name_and_type()
    {
        using var workspace = Open();
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Fifo, "pipe"));
        }

        tar.Position = 0;

        var error = Assert.Throws<BaseProgramException>(() => workspace.Sync(tar));

        Assert.Equal("the base tree holds 'pipe', a tar entry of type Fifo, which a diff cannot write.", error.Message);
    }

    [Fact]
    public void A_stream_or_folder_that_fails_is_reported_with_the_folder_and_what_to_do()
    {
        using var workspace = Open();
        var broken = new FailingStream(Tree(("a.cs", "class A {}", false), ("b.cs", new string('x', 4096), false)), failAfter: 1536);

        var error = Assert.Throws<BaseProgramException>(() => workspace.Sync(broken));

        Assert.Equal($"the base tree cannot be written to {workspace.Directory}: the pipe broke. Delete that folder, or set EDGEINFRA_CACHE_HOME to another one.", error.Message);
    }

    /// <summary>A stream that throws an <see cref="IOException"/> once <paramref name="failAfter"/> bytes are read.</summary>
    private sealed class FailingStream(Stream inner, long failAfter) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) =>
            inner.Position >= failAfter ? throw new IOException("the pipe broke.") : inner.Read(buffer, offset, (int)Math.Min(count, failAfter - inner.Position));
    }

    [Fact]
    public void One_diff_at_a_time_holds_a_repository_s_workspace_and_another_repository_has_its_own()
    {
        using (var first = Open())
        {
            Assert.Null(BaseTreeWorkspace.TryOpen(_cache, "/repositories/app"));
            using var other = BaseTreeWorkspace.TryOpen(_cache, "/repositories/other");
            Assert.NotNull(other);
            Assert.NotEqual(first.Directory, other.Directory);
        }

        using var again = BaseTreeWorkspace.TryOpen(_cache, "/repositories/app");
        Assert.NotNull(again);
    }

    [Fact]
    public void A_cache_that_cannot_be_written_gives_no_workspace()
    {
        var file = Path.Combine(_cache, "not-a-folder");
        File.WriteAllText(file, "x");

        Assert.Null(BaseTreeWorkspace.TryOpen(file, "/repositories/app"));
    }
}
