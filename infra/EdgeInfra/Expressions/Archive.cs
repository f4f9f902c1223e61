using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>A collection of assets.</summary>
public abstract class Archive : AssetOrArchive
{
    private protected Archive(AssetKind kind, Expression value)
        : base(kind, value)
    {
    }
}

/// <summary>An archive read from a file or a folder, with a path relative to the project folder: <c>fn::fileArchive</c>.</summary>
public sealed class FileArchive(Input<string> path) : Archive(AssetKind.FileArchive, ExpressionFactory.FromValue(path));

/// <summary>An archive fetched from a URI: <c>fn::remoteArchive</c>.</summary>
public sealed class RemoteArchive(Input<string> uri) : Archive(AssetKind.RemoteArchive, ExpressionFactory.FromValue(uri));

/// <summary>An archive of named assets and archives: <c>fn::assetArchive</c>.</summary>
public sealed class AssetArchive(IReadOnlyDictionary<string, AssetOrArchive> assets)
    : Archive(AssetKind.AssetArchive, new ObjectExpression(assets.Select(a => new KeyValuePair<string, Expression>(a.Key, a.Value.Expression))));
