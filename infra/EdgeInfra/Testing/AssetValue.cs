using EdgeInfra.Expressions;

namespace EdgeInfra.Testing;

/// <summary>An asset or an archive as a value (<c>fn::fileAsset</c>, <c>fn::assetArchive</c>, ...).</summary>
/// <param name="Kind">The kind of asset or archive.</param>
/// <param name="Value">
/// The path, text or URI; for an asset archive, an <see cref="System.Collections.Immutable.ImmutableDictionary{TKey, TValue}"/>
/// of named <see cref="AssetValue"/>s.
/// </param>
public sealed record AssetValue(AssetKind Kind, object? Value);
