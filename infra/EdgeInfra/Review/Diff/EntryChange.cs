using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>A change of one entry of a program section: a stack output, a config declaration or a variable.</summary>
/// <param name="Name">The output name, config key or variable name.</param>
/// <param name="Kind">Whether the entry is added, removed or changed.</param>
/// <param name="Before">The value before; null when added or secret.</param>
/// <param name="After">The value after; null when removed or secret.</param>
/// <param name="IsSecret">
/// True for an output whose value is a <c>fn::secret</c>, and for a config key declared secret (its declaration is
/// kept, with any <c>default</c> wrapped in <c>fn::secret</c> so renderers mask it).
/// </param>
public sealed record EntryChange(string Name, PropertyChangeKind Kind, YamlValue? Before, YamlValue? After, bool IsSecret)
{
    /// <summary>True when the values are secret and not kept: only the kind of change may be shown.</summary>
    internal bool HidesValues => IsSecret && Before is null && After is null;
}
