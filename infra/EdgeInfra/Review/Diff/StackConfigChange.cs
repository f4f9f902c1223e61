using System.Collections.Immutable;

namespace EdgeInfra.Review;

/// <summary>
/// A key of the stack settings file (<c>Pulumi.&lt;stack&gt;.yaml</c>) added, removed or changed, and the resources that
/// read it. The program refers to config values (<c>${key}</c>), so such a change leaves the program as it is, yet
/// changes what the next deployment sends to those resources.
/// </summary>
/// <param name="Change">The key (without the project prefix) and its values; an encrypted (<c>secure:</c>) value is never kept.</param>
/// <param name="ReadBy">The resources that read the key, in ordinal order of name (of the base program for a removed key).</param>
public sealed record StackConfigChange(EntryChange Change, ImmutableArray<ConfigRead> ReadBy);
