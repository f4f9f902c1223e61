using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Common;

namespace EdgeInfra.Components.Akamai;

/// <summary>
/// An EdgeWorkers code bundle built from a directory holding <c>main.js</c>, <c>bundle.json</c> and any other files
/// the code imports. The library builds the <c>.tgz</c> itself, deterministically (<see cref="EdgeWorkerTarball"/>),
/// and checks it as Akamai would: <c>bundle.json</c> is a JSON object with a valid <c>edgeworker-version</c>,
/// <c>main.js</c> exists, the compressed tarball is at most <see cref="MaxCompressedBytes"/> and the files total at
/// most <see cref="MaxUncompressedBytes"/>.
/// <para>
/// Every file under the directory goes in the bundle, with its path relative to the directory, except
/// <c>bundle.lock.json</c> and anything whose name (or a parent folder's name) starts with a dot.
/// </para>
/// <para>
/// <b>Versioning.</b> Akamai never replaces an uploaded version, so the files must not change without a new
/// <c>edgeworker-version</c>. The bundle's content hash (<see cref="Sha256"/>) is recorded with its version in the
/// committed <c>bundle.lock.json</c> (<see cref="EdgeWorkerBundleLock"/>). <see cref="Load(string)"/> fails synthesis when
/// the lock is missing, when the files changed but the version did not ("bump it"), and when the version changed
/// but the lock was not updated. The workflow: change the code, bump <c>edgeworker-version</c> in
/// <c>bundle.json</c>, run <see cref="WriteLock"/> on the directory (it refuses to record changed files under an
/// unchanged version), and commit the three together. The same files therefore always give byte-identical bytes and
/// the same version, and the provider (which hashes the <c>.tgz</c> into <c>localBundleHash</c>) sees no change.
/// </para>
/// </summary>
public sealed partial class EdgeWorkerBundle
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "bundle.json";

    /// <summary>The entry point's file name.</summary>
    public const string MainFileName = "main.js";

    /// <summary>Akamai's limit on the compressed tarball: 512 KB (524,288 bytes).</summary>
    public const long MaxCompressedBytes = 512 * 1024;

    /// <summary>Akamai's limit on the files' total uncompressed size: 1 MB (1,048,576 bytes).</summary>
    public const long MaxUncompressedBytes = 1024 * 1024;

    /// <summary>What <c>edgeworker-version</c> may hold.</summary>
    public const string VersionRule = "a non-empty string of letters, digits, '.', '_' and '-'";

    private const string BundleProperty = "bundle";
    private readonly byte[] _tarball;
    private readonly IReadOnlyDictionary<string, byte[]> _packed;

    private EdgeWorkerBundle(string sourceDirectory, string version, string? description, string? apiVersion, IReadOnlyDictionary<string, byte[]> packed, long uncompressedSize, string sha256, byte[] tarball, EdgeWorkerBundleLock diskLock)
    {
        Lock = diskLock;
        _packed = packed;
        SourceDirectory = sourceDirectory;
        Version = version;
        Description = description;
        ApiVersion = apiVersion;
        Files = [.. packed.Keys.Order(StringComparer.Ordinal)];
        UncompressedSize = uncompressedSize;
        Sha256 = sha256;
        _tarball = tarball;
    }

    /// <summary>The directory the bundle was read from, as given.</summary>
    public string SourceDirectory { get; }

    /// <summary>
    /// The version Akamai sees: the <c>edgeworker-version</c> of <c>bundle.json</c>, followed, when the bundle was
    /// loaded with an <see cref="EdgeGatewayConfig"/>, by <see cref="EdgeGatewayConfig.VersionSuffix"/>.
    /// </summary>
    public string Version { get; }

    /// <summary>The <c>description</c> of <c>bundle.json</c>, or null when it has none.</summary>
    public string? Description { get; }

    /// <summary>The <c>api-version</c> of <c>bundle.json</c>, or null when it has none.</summary>
    public string? ApiVersion { get; }

    /// <summary>The files in the bundle: relative paths with forward slashes, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The files' total size in bytes.</summary>
    public long UncompressedSize { get; }

    /// <summary>
    /// The content hash, lowercase hex SHA-256 over the files in ordinal order of their paths, each as its UTF-8 path,
    /// a zero byte, its length as a big-endian 64-bit integer and its bytes. It is computed over the files rather
    /// than the <c>.tgz</c>, so that it does not depend on the runtime's zlib. It covers the packed files, so with an
    /// <see cref="EdgeGatewayConfig"/> it includes the rendered configuration; <see cref="Lock"/> holds the hash of the
    /// files on disk.
    /// </summary>
    public string Sha256 { get; }

    /// <summary>The <c>.tgz</c> bytes.</summary>
    public ReadOnlyMemory<byte> Tarball => _tarball;

    /// <summary>
    /// The packed file <paramref name="relativePath"/> (a path of <see cref="Files"/>) as UTF-8 text, as Akamai receives
    /// it (with an <see cref="EdgeGatewayConfig"/>, its rendered <c>config.json</c>); null when the bundle has no such file.
    /// </summary>
    internal string? PackedText(string relativePath) =>
        _packed.TryGetValue(relativePath, out var content) ? Encoding.UTF8.GetString(content) : null;

    /// <summary>
    /// The lock that records the files on disk: the <c>edgeworker-version</c> of <c>bundle.json</c> and their content
    /// hash (without any configuration replaced, so it is what <c>bundle.lock.json</c> holds).
    /// </summary>
    public EdgeWorkerBundleLock Lock { get; }

    /// <summary>Reads, checks and builds the bundle in <paramref name="sourceDirectory"/>, checking it against its <c>bundle.lock.json</c>.</summary>
    /// <exception cref="SynthesisException">The bundle is invalid, too large, or its lock disagrees; every problem is listed.</exception>
    public static EdgeWorkerBundle Load(string sourceDirectory)
    {
        ArgumentNullException.ThrowIfNull(sourceDirectory);
        var errors = new ComponentErrors($"EdgeWorker bundle '{sourceDirectory}'");
        var bundle = Read(sourceDirectory, errors, checkLock: true);
        errors.ThrowIfAny();
        return bundle!;
    }

    /// <summary>
    /// Reads, checks and builds the bundle in <paramref name="sourceDirectory"/> with its <c>config.json</c> and
    /// <c>config-data.js</c> replaced by <paramref name="config"/> rendered (the files on disk are not modified, and
    /// the lock check applies to them). The packed <c>bundle.json</c> and <see cref="Version"/> get
    /// <c>edgeworker-version</c> + <see cref="EdgeGatewayConfig.VersionSuffix"/>.
    /// </summary>
    /// <exception cref="SynthesisException">The bundle or the configuration is invalid, too large, or its lock disagrees; every problem is listed.</exception>
    public static EdgeWorkerBundle Load(string sourceDirectory, EdgeGatewayConfig config)
    {
        ArgumentNullException.ThrowIfNull(sourceDirectory);
        ArgumentNullException.ThrowIfNull(config);
        var errors = new ComponentErrors($"EdgeWorker bundle '{sourceDirectory}'");
        config.Validate(errors, "config");
        var bundle = errors.IsEmpty ? Read(sourceDirectory, errors, checkLock: true, config) : null;
        errors.ThrowIfAny();
        return bundle!;
    }

    /// <summary>
    /// Writes <c>bundle.lock.json</c> in <paramref name="sourceDirectory"/> for the bundle's current version and files
    /// (only when its content changes). Refuses to record changed files under the version the lock already holds.
    /// </summary>
    /// <exception cref="SynthesisException">The bundle is invalid, or its files changed but its version did not.</exception>
    public static EdgeWorkerBundleLock WriteLock(string sourceDirectory)
    {
        ArgumentNullException.ThrowIfNull(sourceDirectory);
        var errors = new ComponentErrors($"EdgeWorker bundle '{sourceDirectory}'");
        var bundle = Read(sourceDirectory, errors, checkLock: false);
        errors.ThrowIfAny();

        var path = Path.Combine(sourceDirectory, EdgeWorkerBundleLock.FileName);
        if (File.Exists(path)
            && EdgeWorkerBundleLock.Parse(File.ReadAllText(path), out _) is { } previous
            && previous.Version == bundle!.Version
            && previous.Sha256 != bundle.Sha256)
        {
            errors.Add(EdgeWorkerBundleLock.FileName, FilesChangedMessage(bundle.Version));
            errors.ThrowIfAny();
        }

        var current = bundle!.Lock;
        WriteIfChanged(path, Encoding.UTF8.GetBytes(current.ToJson()));
        return current;
    }

    /// <summary>
    /// Writes the <c>.tgz</c> to <paramref name="path"/> (relative paths are relative to the current directory),
    /// creating its folder, and only when the file does not already hold these bytes. Returns the full path.
    /// </summary>
    public string WriteTarball(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        WriteIfChanged(fullPath, _tarball);
        return fullPath;
    }

    /// <summary>
    /// Reads and checks the bundle, recording every problem in <paramref name="errors"/>; null when it cannot be built.
    /// With a valid <paramref name="config"/>, its rendered files replace <c>config.json</c> and <c>config-data.js</c>
    /// in the package and the version gets its suffix; the lock is checked against the files on disk.
    /// </summary>
    internal static EdgeWorkerBundle? Read(string sourceDirectory, ComponentErrors errors, bool checkLock, EdgeGatewayConfig? config = null)
    {
        if (!Directory.Exists(sourceDirectory))
        {
            errors.Add(BundleProperty, $"'{sourceDirectory}' is not a directory: give the folder that holds main.js and bundle.json");
            return null;
        }

        var files = ReadFiles(sourceDirectory);
        if (!files.ContainsKey(MainFileName))
        {
            errors.Add(MainFileName, "is missing: an EdgeWorkers bundle has main.js at its root");
        }

        if (!files.TryGetValue(ManifestFileName, out var manifestBytes))
        {
            errors.Add(ManifestFileName, "is missing: an EdgeWorkers bundle has bundle.json at its root, at least {\"edgeworker-version\": \"1.0.0\"}");
            return null;
        }

        var manifest = ReadManifest(manifestBytes, errors);
        if (manifest is null || !files.ContainsKey(MainFileName))
        {
            return null;
        }

        var diskLock = new EdgeWorkerBundleLock(manifest.Value.Version, ContentHash(files));
        var version = manifest.Value.Version;
        if (config is not null)
        {
            version += config.VersionSuffix();
            files[ManifestFileName] = RewriteVersion(manifestBytes, version);
            files[EdgeGatewayConfig.ConfigFileName] = Encoding.UTF8.GetBytes(config.ToJson());
            files[EdgeGatewayConfig.ConfigDataFileName] = Encoding.UTF8.GetBytes(config.ToConfigDataJs());
        }

        var uncompressedSize = files.Values.Sum(content => (long)content.Length);
        if (uncompressedSize > MaxUncompressedBytes)
        {
            errors.Add(BundleProperty, $"the files total {Bytes(uncompressedSize)} uncompressed: Akamai's limit is {Bytes(MaxUncompressedBytes)} (1 MB)");
        }

        var tarball = EdgeWorkerTarball.Create(files);
        if (tarball.Length > MaxCompressedBytes)
        {
            errors.Add(BundleProperty, $"the compressed tarball is {Bytes(tarball.Length)}: Akamai's limit is {Bytes(MaxCompressedBytes)} (512 KB)");
        }

        var bundle = new EdgeWorkerBundle(
            sourceDirectory,
            version,
            manifest.Value.Description,
            manifest.Value.ApiVersion,
            files,
            uncompressedSize,
            ContentHash(files),
            tarball,
            diskLock);

        if (checkLock)
        {
            CheckLock(bundle, errors);
        }

        return bundle;
    }

    private static void CheckLock(EdgeWorkerBundle bundle, ComponentErrors errors)
    {
        var path = Path.Combine(bundle.SourceDirectory, EdgeWorkerBundleLock.FileName);
        var write = $"EdgeWorkerBundle.WriteLock(\"{bundle.SourceDirectory}\")";
        if (!File.Exists(path))
        {
            errors.Add(EdgeWorkerBundleLock.FileName, $"is missing: write it with {write} and commit it, so that changed files under an unchanged edgeworker-version are caught");
            return;
        }

        var recorded = EdgeWorkerBundleLock.Parse(File.ReadAllText(path), out var problem);
        if (recorded is null)
        {
            errors.Add(EdgeWorkerBundleLock.FileName, $"{problem}: write it again with {write}");
            return;
        }

        var onDisk = bundle.Lock;
        if (recorded.Version == onDisk.Version && recorded.Sha256 != onDisk.Sha256)
        {
            errors.Add(EdgeWorkerBundleLock.FileName, FilesChangedMessage(onDisk.Version));
        }
        else if (recorded.Version != onDisk.Version)
        {
            errors.Add(EdgeWorkerBundleLock.FileName, $"edgeworker-version changed from {recorded.Version} to {onDisk.Version} but the lock was not updated: update it with {write} and commit it");
        }
    }

    /// <summary><c>bundle.json</c> with <c>edgeworker-version</c> set to <paramref name="version"/>, properties in their order, indented by two spaces, with a final newline.</summary>
    private static byte[] RewriteVersion(byte[] manifest, string version)
    {
        var root = JsonNode.Parse(manifest)!.AsObject();
        root["edgeworker-version"] = version;
        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" });
        return Encoding.UTF8.GetBytes(text + "\n");
    }

    private static string FilesChangedMessage(string version) =>
        $"files changed but edgeworker-version is still {version}: bump it in bundle.json, then update the lock with EdgeWorkerBundle.WriteLock";

    private static (string Version, string? Description, string? ApiVersion)? ReadManifest(byte[] bytes, ComponentErrors errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            errors.Add(ManifestFileName, $"is not valid JSON: {exception.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(ManifestFileName, $"is a JSON {Kind(root.ValueKind)}, not an object");
                return null;
            }

            string? version = null;
            if (!root.TryGetProperty("edgeworker-version", out var versionElement))
            {
                errors.Add(ManifestFileName, $"has no 'edgeworker-version': it is required, {VersionRule}");
            }
            else if (versionElement.ValueKind != JsonValueKind.String)
            {
                errors.Add(ManifestFileName, $"'edgeworker-version' is a JSON {Kind(versionElement.ValueKind)}: it must be {VersionRule}");
            }
            else if (!ValidationPatterns.DottedName().IsMatch(versionElement.GetString()!))
            {
                errors.Add(ManifestFileName, $"'edgeworker-version' '{versionElement.GetString()}' is not valid: {VersionRule}");
            }
            else
            {
                version = versionElement.GetString()!;
            }

            var description = OptionalString(root, "description", errors);
            var apiVersion = OptionalString(root, "api-version", errors);
            return version is null ? null : (version, description, apiVersion);
        }
    }

    private static string? OptionalString(JsonElement root, string name, ComponentErrors errors)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(ManifestFileName, $"'{name}' is a JSON {Kind(element.ValueKind)}: it is optional, and a string when given");
            return null;
        }

        return element.GetString();
    }

    private static SortedDictionary<string, byte[]> ReadFiles(string sourceDirectory)
    {
        var root = Path.GetFullPath(sourceDirectory);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        foreach (var file in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative == EdgeWorkerBundleLock.FileName || relative.Split('/').Any(segment => segment.StartsWith('.')))
            {
                continue;
            }

            files[relative] = File.ReadAllBytes(file);
        }

        return files;
    }

    private static string ContentHash(SortedDictionary<string, byte[]> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (path, content) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            hash.AppendData([0]);
            BinaryPrimitives.WriteInt64BigEndian(length, content.Length);
            hash.AppendData(length);
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "string",
        _ => "object",
    };
}
