namespace EdgeInfra.Review;

/// <summary>Why a resource is replaced: the property that forces it, and what says so.</summary>
/// <param name="Property">
/// The property that forces it: a top-level input (<c>location</c>), the entry of the <c>replaceOnChanges</c> option
/// that matched (<c>properties.sku</c>), or <c>options.provider</c>.
/// </param>
/// <param name="Source">What makes the change force a replacement.</param>
public sealed record ReplacementCause(string Property, ReplacementSource Source);
