using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>
/// A change of one value of a resource: a property (<c>tags.env</c>, <c>securityRules[2].priority</c>) or an
/// option (<c>options.protect</c>).
/// </summary>
/// <remarks>
/// The values of a secret change are never kept: <see cref="Before"/> and <see cref="After"/> are null when
/// <see cref="IsSecret"/> is set. A non-secret value may still hold a <c>fn::secret</c> deeper inside; renderers
/// mask those (<see cref="DiffRenderer"/> shows them as <c>[secret]</c>).
/// </remarks>
/// <param name="Path">The path, e.g. <c>properties.networkAcls.defaultAction</c> or <c>options.protect</c>.</param>
/// <param name="Kind">Whether the value is added, removed or changed.</param>
/// <param name="Before">The value before; null when added or secret.</param>
/// <param name="After">The value after; null when removed or secret.</param>
/// <param name="IsSecret">True when either value is a <c>fn::secret</c> or the property is a secret input of the type.</param>
/// <param name="IsOption">True for a change of the resource's options, which touches no cloud resource.</param>
/// <param name="ForcesReplacement">True when this change makes Pulumi replace the resource.</param>
/// <param name="IsIgnored">True when the resource's <c>ignoreChanges</c> option covers the path: Pulumi keeps the current value.</param>
public sealed record PropertyChange(
    string Path,
    PropertyChangeKind Kind,
    YamlValue? Before,
    YamlValue? After,
    bool IsSecret,
    bool IsOption,
    bool ForcesReplacement,
    bool IsIgnored);
