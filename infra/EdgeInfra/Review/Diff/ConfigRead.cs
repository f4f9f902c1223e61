using System.Collections.Immutable;

namespace EdgeInfra.Review;

/// <summary>A resource whose values refer to a config key (<c>${key}</c>), directly or through program variables.</summary>
/// <param name="Resource">The logical name of the resource.</param>
/// <param name="Type">Its type token.</param>
/// <param name="Paths">The property paths (options start with <c>options.</c>) that hold the reference, in ordinal order.</param>
/// <param name="ForcesReplacement">
/// True when one of the paths is replace-on-change: a new value of the key replaces the resource at the next
/// deployment, although the program does not change.
/// </param>
public sealed record ConfigRead(string Resource, string Type, ImmutableArray<string> Paths, bool ForcesReplacement);
