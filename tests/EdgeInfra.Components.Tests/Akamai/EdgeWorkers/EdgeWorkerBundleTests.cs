using System.Formats.Tar;
using System.IO.Compression;
using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Tests.Akamai.EdgeWorkers;

public sealed class EdgeWorkerBundleTests
{
    private static List<(TarEntry Entry, string Content)> ReadEntries(ReadOnlyMemory<byte> tgz)
    {
        using var gzip = new GZipStream(new MemoryStream(tgz.ToArray()), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var entries = new List<(TarEntry, string)>();
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            using var content = new StreamReader(entry.DataStream!);
            entries.Add((entry, content.ReadToEnd()));
        }

        return entries;
    }

    [Fact]
    public void The_same_files_give_byte_identical_tarballs_and_the_same_hash_and_version()
    {
        using var first = new BundleDirectory();
        Thread.Sleep(20);
        using var second = new BundleDirectory();
        File.SetLastWriteTimeUtc(Path.Combine(second.Path, "main.js"), new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));

        var a = EdgeWorkerBundle.Load(first.Path);
        var b = EdgeWorkerBundle.Load(second.Path);
        var again = EdgeWorkerBundle.Load(first.Path);

        Assert.True(a.Tarball.Span.SequenceEqual(b.Tarball.Span));
        Assert.True(a.Tarball.Span.SequenceEqual(again.Tarball.Span));
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal("1.0.0", a.Version);
        Assert.Equal("1.0.0", b.Version);
        Assert.Equal("Verifies tokens at the edge", a.Description);
        Assert.Null(a.ApiVersion);
        Assert.Matches("^[0-9a-f]{64}$", a.Sha256);
    }

    [Fact]
    public void The_tarball_is_ustar_sorted_relative_with_fixed_owner_mode_and_time()
    {
        using var directory = new BundleDirectory(writeLock: false);
        directory.Write("z-last.js", "export const z = 1;\n");
        directory.Write("A-first.js", "export const a = 1;\n");
        EdgeWorkerBundle.WriteLock(directory.Path);
        var bundle = EdgeWorkerBundle.Load(directory.Path);

        var entries = ReadEntries(bundle.Tarball);
        Assert.Equal(["A-first.js", "bundle.json", "lib/check.js", "main.js", "z-last.js"], entries.Select(e => e.Entry.Name));
        Assert.Equal(bundle.Files, entries.Select(e => e.Entry.Name));
        foreach (var (entry, _) in entries)
        {
            var ustar = Assert.IsType<UstarTarEntry>(entry);
            Assert.Equal(TarEntryFormat.Ustar, ustar.Format);
            Assert.Equal(TarEntryType.RegularFile, ustar.EntryType);
            Assert.Equal(DateTimeOffset.UnixEpoch, ustar.ModificationTime);
            Assert.Equal(0, ustar.Uid);
            Assert.Equal(0, ustar.Gid);
            Assert.Equal(string.Empty, ustar.UserName);
            Assert.Equal(string.Empty, ustar.GroupName);
            Assert.Equal(EdgeWorkerTarball.EntryMode, ustar.Mode);
            Assert.Equal("644", Convert.ToString((int)ustar.Mode, 8));
        }

        Assert.Equal(BundleDirectory.MainJs, entries.Single(e => e.Entry.Name == "main.js").Content);
        Assert.Equal(BundleDirectory.CheckJs, entries.Single(e => e.Entry.Name == "lib/check.js").Content);
    }

    [Fact]
    public void The_gzip_header_has_no_name_mtime_zero_and_a_fixed_os_byte()
    {
        using var directory = new BundleDirectory();
        var header = EdgeWorkerBundle.Load(directory.Path).Tarball.Span[..10].ToArray();
        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0 }, header[..8]);
        Assert.Equal(EdgeWorkerTarball.GzipOsByte, header[9]);
        Assert.Equal(255, header[9]);
    }

    [Fact]
    public void The_lock_and_hidden_files_stay_out_of_the_bundle()
    {
        using var directory = new BundleDirectory(writeLock: false);
        directory.Write(".eslintrc.json", "{}");
        directory.Write(".git/config", "[core]");
        EdgeWorkerBundle.WriteLock(directory.Path);

        var bundle = EdgeWorkerBundle.Load(directory.Path);
        Assert.Equal(["bundle.json", "lib/check.js", "main.js"], bundle.Files);
        Assert.Equal(BundleDirectory.MainJs.Length + BundleDirectory.CheckJs.Length + BundleDirectory.Manifest("1.0.0").Length, bundle.UncompressedSize);
    }

    [Fact]
    public void The_lock_records_version_and_hash_as_stable_json()
    {
        using var directory = new BundleDirectory();
        var bundle = EdgeWorkerBundle.Load(directory.Path);
        Assert.Equal($"{{\n  \"edgeworker-version\": \"1.0.0\",\n  \"sha256\": \"{bundle.Sha256}\"\n}}\n", directory.Read("bundle.lock.json"));
        Assert.Equal(new EdgeWorkerBundleLock("1.0.0", bundle.Sha256), bundle.Lock);
    }

    [Fact]
    public void Changed_files_under_an_unchanged_version_are_a_synthesis_error()
    {
        using var directory = new BundleDirectory();
        directory.Write("main.js", BundleDirectory.MainJs + "// changed\n");
        var error = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path)).Errors);
        Assert.Equal($"EdgeWorker bundle '{directory.Path}', property 'bundle.lock.json': files changed but edgeworker-version is still 1.0.0: bump it in bundle.json, then update the lock with EdgeWorkerBundle.WriteLock", error.ToString());
    }

    [Fact]
    public void The_lock_cannot_be_rewritten_to_hide_changed_files_under_the_same_version()
    {
        using var directory = new BundleDirectory();
        var before = directory.Read("bundle.lock.json");
        directory.Write("lib/check.js", "export function check() { return true; }\n");
        var error = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.WriteLock(directory.Path)).Errors);
        Assert.Equal("files changed but edgeworker-version is still 1.0.0: bump it in bundle.json, then update the lock with EdgeWorkerBundle.WriteLock", error.Message);
        Assert.Equal(before, directory.Read("bundle.lock.json"));
    }

    [Fact]
    public void A_bumped_version_needs_the_lock_updated_and_then_loads()
    {
        using var directory = new BundleDirectory();
        directory.Write("main.js", BundleDirectory.MainJs + "// changed\n");
        directory.Write("bundle.json", BundleDirectory.Manifest("1.0.1"));

        var error = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path)).Errors);
        Assert.Equal("bundle.lock.json", error.Property);
        Assert.Equal($"edgeworker-version changed from 1.0.0 to 1.0.1 but the lock was not updated: update it with EdgeWorkerBundle.WriteLock(\"{directory.Path}\") and commit it", error.Message);

        var written = EdgeWorkerBundle.WriteLock(directory.Path);
        var bundle = EdgeWorkerBundle.Load(directory.Path);
        Assert.Equal("1.0.1", bundle.Version);
        Assert.Equal(written, bundle.Lock);
    }

    [Fact]
    public void A_missing_or_broken_lock_is_a_synthesis_error()
    {
        using var directory = new BundleDirectory(writeLock: false);
        var missing = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path)).Errors);
        Assert.Equal($"is missing: write it with EdgeWorkerBundle.WriteLock(\"{directory.Path}\") and commit it, so that changed files under an unchanged edgeworker-version are caught", missing.Message);

        directory.Write("bundle.lock.json", "{\"version\": \"1.0.0\"}");
        var broken = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path)).Errors);
        Assert.Equal($"is not a lock: a JSON object with the strings 'edgeworker-version' and 'sha256': write it again with EdgeWorkerBundle.WriteLock(\"{directory.Path}\")", broken.Message);
    }

    [Fact]
    public void Every_manifest_problem_is_reported_at_once()
    {
        using var directory = new BundleDirectory(writeLock: false);
        directory.Delete("main.js");
        directory.Write("bundle.json", "{\"edgeworker-version\": \"1.0 beta\", \"description\": 7, \"api-version\": [\"0.1\"]}");
        var errors = Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path)).Errors;
        Assert.Equal(
        [
            "main.js: is missing: an EdgeWorkers bundle has main.js at its root",
            "bundle.json: 'edgeworker-version' '1.0 beta' is not valid: a non-empty string of letters, digits, '.', '_' and '-'",
            "bundle.json: 'description' is a JSON number: it is optional, and a string when given",
            "bundle.json: 'api-version' is a JSON array: it is optional, and a string when given",
        ], errors.Select(e => $"{e.Property}: {e.Message}"));
    }

    [Theory]
    [InlineData("{\"description\": \"x\"}", "has no 'edgeworker-version': it is required, a non-empty string of letters, digits, '.', '_' and '-'")]
    [InlineData("{\"edgeworker-version\": 1}", "'edgeworker-version' is a JSON number: it must be a non-empty string of letters, digits, '.', '_' and '-'")]
    [InlineData("{\"edgeworker-version\": \"\"}", "'edgeworker-version' '' is not valid: a non-empty string of letters, digits, '.', '_' and '-'")]
    [InlineData("[\"1.0.0\"]", "is a JSON array, not an object")]
    public void Manifest_rules(string manifest, string message)
    {
        using var directory = new BundleDirectory(writeLock: false);
        directory.Write("bundle.json", manifest);
        var error = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path)).Errors);
        Assert.Equal("bundle.json", error.Property);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Invalid_json_and_a_missing_manifest_are_reported()
    {
        using var directory = new BundleDirectory(writeLock: false);
        directory.Write("bundle.json", "{\"edgeworker-version\": ");
        var invalid = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path)).Errors);
        Assert.StartsWith("is not valid JSON: ", invalid.Message, StringComparison.Ordinal);

        directory.Delete("bundle.json");
        var missing = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path)).Errors);
        Assert.Equal("is missing: an EdgeWorkers bundle has bundle.json at its root, at least {\"edgeworker-version\": \"1.0.0\"}", missing.Message);

        var nowhere = Assert.Single(Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.Load(directory.Path + "-absent")).Errors);
        Assert.Equal($"'{directory.Path}-absent' is not a directory: give the folder that holds main.js and bundle.json", nowhere.Message);
    }

    [Fact]
    public void Bundles_over_akamais_size_limits_name_the_size_and_the_limit()
    {
        using var directory = new BundleDirectory(writeLock: false);
        var noise = new byte[600 * 1024];
        new System.Random(42).NextBytes(noise);
        directory.Write("data/noise.bin", noise);
        directory.Write("data/padding.js", new string(' ', 500 * 1024));

        var errors = Assert.Throws<SynthesisException>(() => EdgeWorkerBundle.WriteLock(directory.Path)).Errors;
        var uncompressed = noise.Length + (500 * 1024) + BundleDirectory.MainJs.Length + BundleDirectory.CheckJs.Length + BundleDirectory.Manifest("1.0.0").Length;
        Assert.Equal("bundle", errors[0].Property);
        Assert.Equal($"the files total {uncompressed:N0} bytes uncompressed: Akamai's limit is 1,048,576 bytes (1 MB)", errors[0].Message);
        Assert.Equal("bundle", errors[1].Property);
        Assert.Matches("^the compressed tarball is 6[0-9]{2},[0-9]{3} bytes: Akamai's limit is 524,288 bytes \\(512 KB\\)$", errors[1].Message);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Writing_the_tarball_is_idempotent()
    {
        using var directory = new BundleDirectory();
        var bundle = EdgeWorkerBundle.Load(directory.Path);
        var path = Path.Combine(directory.Path, ".out", "ew-1.0.0.tgz");
        var written = bundle.WriteTarball(path);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(written, stamp);

        bundle.WriteTarball(path);

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(written));
        Assert.Equal(bundle.Tarball.ToArray(), File.ReadAllBytes(written));
    }
}
