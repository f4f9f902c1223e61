namespace EdgeInfra.Expressions;

/// <summary>The kinds of asset and archive Pulumi YAML can state.</summary>
public enum AssetKind
{
    /// <summary><c>fn::fileAsset: path</c></summary>
    FileAsset,

    /// <summary><c>fn::stringAsset: text</c></summary>
    StringAsset,

    /// <summary><c>fn::remoteAsset: uri</c></summary>
    RemoteAsset,

    /// <summary><c>fn::fileArchive: path</c></summary>
    FileArchive,

    /// <summary><c>fn::remoteArchive: uri</c></summary>
    RemoteArchive,

    /// <summary><c>fn::assetArchive: {name: asset or archive}</c></summary>
    AssetArchive,
}

/// <summary>An asset or an archive: a file, a string, a remote URI, or an archive of named assets.</summary>
public sealed class AssetExpression : Expression
{
    /// <summary>Creates an asset or archive of <paramref name="kind"/>; <paramref name="value"/> is the path, text or URI, or for an asset archive an object of assets.</summary>
    public AssetExpression(AssetKind kind, Expression value)
    {
        Kind = kind;
        Value = value ?? throw new ArgumentNullException(nameof(value));
        if (kind == AssetKind.AssetArchive && value is not ObjectExpression)
        {
            throw new ArgumentException("An asset archive's value must be an object of named assets and archives.", nameof(value));
        }
    }

    /// <summary>The kind.</summary>
    public AssetKind Kind { get; }

    /// <summary>The path, text or URI; for an asset archive, an object of named assets and archives.</summary>
    public Expression Value { get; }

    /// <summary>True for the archive kinds.</summary>
    public bool IsArchive => Kind is AssetKind.FileArchive or AssetKind.RemoteArchive or AssetKind.AssetArchive;

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => [Value];

    /// <inheritdoc />
    public override string Describe() => FunctionKey(Kind);

    /// <summary>The <c>fn::</c> key Pulumi YAML knows the kind by.</summary>
    public static string FunctionKey(AssetKind kind) => kind switch
    {
        AssetKind.FileAsset => "fn::fileAsset",
        AssetKind.StringAsset => "fn::stringAsset",
        AssetKind.RemoteAsset => "fn::remoteAsset",
        AssetKind.FileArchive => "fn::fileArchive",
        AssetKind.RemoteArchive => "fn::remoteArchive",
        AssetKind.AssetArchive => "fn::assetArchive",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
