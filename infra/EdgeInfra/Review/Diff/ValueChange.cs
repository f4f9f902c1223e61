using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>A difference between two value trees at one path, before secrets, ignore rules and replacements are looked at.</summary>
/// <param name="Path">Where the values differ.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Before">The value before, or null when added.</param>
/// <param name="After">The value after, or null when removed.</param>
internal sealed record ValueChange(DiffPath Path, PropertyChangeKind Kind, YamlValue? Before, YamlValue? After);
