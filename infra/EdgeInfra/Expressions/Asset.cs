using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>An asset or an archive given to a resource.</summary>
public abstract class AssetOrArchive : IInput
{
    private protected AssetOrArchive(AssetKind kind, Expression value) => Expression = new AssetExpression(kind, value);

    /// <summary>The expression the program states.</summary>
    public AssetExpression Expression { get; }

    /// <inheritdoc />
    public Expression ToExpression() => Expression;
}

/// <summary>A single blob of content.</summary>
public abstract class Asset : AssetOrArchive
{
    private protected Asset(AssetKind kind, Expression value)
        : base(kind, value)
    {
    }
}

/// <summary>An asset read from a file, with a path relative to the project folder: <c>fn::fileAsset</c>.</summary>
public sealed class FileAsset(Input<string> path) : Asset(AssetKind.FileAsset, ExpressionFactory.FromValue(path));

/// <summary>An asset whose content is the given text: <c>fn::stringAsset</c>.</summary>
public sealed class StringAsset(Input<string> text) : Asset(AssetKind.StringAsset, ExpressionFactory.FromValue(text));

/// <summary>An asset fetched from a URI: <c>fn::remoteAsset</c>.</summary>
public sealed class RemoteAsset(Input<string> uri) : Asset(AssetKind.RemoteAsset, ExpressionFactory.FromValue(uri));
