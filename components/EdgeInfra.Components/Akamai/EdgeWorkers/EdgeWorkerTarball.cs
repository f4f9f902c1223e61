using System.Formats.Tar;
using System.IO.Compression;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// Writes an EdgeWorkers code bundle (<c>.tgz</c>) deterministically: the same files always give the same bytes.
/// <list type="bullet">
/// <item>tar: ustar format, one regular-file entry per file in ordinal order of its path (relative, forward
/// slashes, no directory entries), mtime 0 (1970-01-01T00:00:00Z), uid/gid 0, empty user and group names,
/// mode 0644.</item>
/// <item>gzip: <see cref="GZipStream"/> at <see cref="CompressionLevel.Optimal"/>. It writes no file name and no
/// comment (flags byte 0) and mtime 0; the OS byte comes from the zlib build, so it is overwritten with 255
/// ("unknown", RFC 1952) to give the same header on every platform. Header bytes are not covered by the gzip
/// CRC-32, so the rewrite keeps the file valid.</item>
/// </list>
/// The compressed bytes depend on the zlib of the .NET runtime: a runtime whose zlib compresses differently gives
/// other bytes for the same files. The bundle's content hash (<see cref="EdgeWorkerBundle.Sha256"/>) is computed
/// over the files, not over the tarball, so the versioning rule is not affected by that.
/// </summary>
public static class EdgeWorkerTarball
{
    /// <summary>The mode of every entry: 0644 (owner read/write, group and others read).</summary>
    public const UnixFileMode EntryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The OS byte written in the gzip header: 255, "unknown" in RFC 1952.</summary>
    public const byte GzipOsByte = 255;

    /// <summary>The gzipped ustar archive of <paramref name="files"/>, sorted ordinally by path.</summary>
    /// <param name="files">Relative paths with forward slashes, and the bytes of each file.</param>
    public static byte[] Create(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var tar = CreateTar(files);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        var bytes = compressed.ToArray();
        NormalizeGzipHeader(bytes);
        return bytes;
    }

    /// <summary>The uncompressed ustar archive of <paramref name="files"/>, sorted ordinally by path.</summary>
    public static byte[] CreateTar(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, path)
                {
                    ModificationTime = DateTimeOffset.UnixEpoch,
                    Uid = 0,
                    Gid = 0,
                    UserName = string.Empty,
                    GroupName = string.Empty,
                    Mode = EntryMode,
                    DataStream = new MemoryStream(content, writable: false),
                };
                writer.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    /// <summary>Sets the gzip header's mtime to 0 and its OS byte to <see cref="GzipOsByte"/>.</summary>
    private static void NormalizeGzipHeader(byte[] gzip)
    {
        if (gzip.Length < 10 || gzip[0] != 0x1f || gzip[1] != 0x8b || gzip[2] != 8)
        {
            throw new InvalidOperationException("GZipStream did not write a gzip header.");
        }

        if (gzip[3] != 0)
        {
            throw new InvalidOperationException($"GZipStream wrote header flags {gzip[3]}: a deterministic bundle needs no name, comment or extra field.");
        }

        gzip[4] = 0;
        gzip[5] = 0;
        gzip[6] = 0;
        gzip[7] = 0;
        gzip[9] = GzipOsByte;
    }
}
